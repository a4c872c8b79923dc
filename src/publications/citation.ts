import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import '@citation-js/plugin-csl';
import type { PaperRow } from './views.ts';

export const CITATION_FORMATS = {
  bibtex: { type: 'application/x-bibtex', extension: 'bib' },
  ris: { type: 'application/x-research-info-systems', extension: 'ris' },
  csl: { type: 'application/vnd.citationstyles.csl+json', extension: 'json' },
} as const;
export type CitationFormat = keyof typeof CITATION_FORMATS;

/** Splits a name printed in given-name-first order ("Jae Jeok Park") into CSL parts. */
function cslName(name: string) {
  const parts = name.trim().split(/\s+/);
  const family = parts.pop()!;
  return parts.length > 0 ? { family, given: parts.join(' ') } : { literal: family };
}

/** A title to cite by: the printed title, or the topic marked as such when the title is unknown. */
export function citationTitle(p: Pick<PaperRow, 'title' | 'topic'>): string {
  return p.title ?? `[Title not known; topic: ${p.topic ?? 'not known'}]`;
}

/** The paper as a CSL-JSON item, the format every reference manager reads. */
export function paperToCsl(p: PaperRow, pageUrl: string): Record<string, unknown> {
  const item: Record<string, unknown> = {
    id: p.id,
    type: 'report',
    genre: 'Working Paper',
    title: citationTitle(p),
    author: p.authors.map((a) => cslName(a.name)),
    publisher: p.publisher,
    'collection-title': p.series_title,
    URL: p.url ?? pageUrl,
    language: p.language,
  };
  if (p.number !== null && !p.number_inferred) item.number = String(p.number);
  if (p.date) item.issued = { 'date-parts': [p.date.split('-').map(Number)] };
  if (p.summary) item.abstract = p.summary;
  return item;
}

/** Formats a paper's citation as BibTeX, RIS or CSL-JSON text. */
export function formatCitation(p: PaperRow, format: CitationFormat, pageUrl: string): string {
  const csl = paperToCsl(p, pageUrl);
  if (format === 'csl') return `${JSON.stringify([csl], null, 2)}\n`;
  return new Cite(csl).format(format === 'bibtex' ? 'bibtex' : 'ris', { format: 'text' }) as string;
}

/** A human-readable reference in APA style. */
export function formatReference(p: PaperRow, pageUrl: string): string {
  return (
    new Cite(paperToCsl(p, pageUrl)).format('bibliography', { format: 'text', template: 'apa' }) as string
  ).trim();
}
