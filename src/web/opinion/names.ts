import type { PartyRow } from '../../core/index.ts';
import { useI18n } from '../i18n.ts';

/** A name for a party code in the reader's language. */
export function partyNamer(parties: PartyRow[]) {
  const { pick } = useI18n();
  return (code: string) => {
    const p = parties.find((x) => x.code === code);
    return p ? pick({ en: p.name_en, ko: p.name_ko, ja: p.name_ja }).text : code;
  };
}
