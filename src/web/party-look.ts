import type { PartyRow } from '../core/index.ts';
import { useI18n } from './i18n.ts';

/** How a party is drawn in a chart: colour and symbol differ both, so that colour is never the only cue. */
export interface PartyStyle {
  color: string;
  symbol: 'circle' | 'square' | 'triangle' | 'diamond' | 'cross';
}

const PALETTE: PartyStyle[] = [
  { color: '#1d5fa6', symbol: 'circle' },
  { color: '#b3261e', symbol: 'square' },
  { color: '#2f6b2f', symbol: 'triangle' },
  { color: '#7a4a00', symbol: 'diamond' },
];
const OTHER: PartyStyle = { color: '#555555', symbol: 'cross' };

/** A party's name in the reader's language, and its look in charts. */
export interface PartyLook {
  name: (code: string) => string;
  style: (code: string) => PartyStyle;
}

/** Each party's style by its place in `order`: the first takes the first colour, and so on. */
export const partyStyles =
  (order: readonly string[]) =>
  (code: string): PartyStyle =>
    PALETTE[order.indexOf(code)] ?? OTHER;

/**
 * The look of the record's parties, from their order in the record (the first party of the list
 * takes the first colour, and so on): a public keeps its colour and symbol on every chart and page,
 * and no page names a party of its own.
 */
export function partyLook(parties: PartyRow[]): PartyLook {
  const { pick } = useI18n();
  return {
    name: (code) => {
      const p = parties.find((x) => x.code === code);
      return p ? pick({ en: p.name_en, ko: p.name_ko, ja: p.name_ja }).text : code;
    },
    style: partyStyles(parties.map((p) => p.code)),
  };
}
