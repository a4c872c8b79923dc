import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import '@citation-js/plugin-csl';
import { LRUCache } from 'lru-cache';
import type { PaperRow } from './views.ts';

export const CITATION_FORMATS = {
  bibtex: { type: 'application/x-bibtex', extension: 'bib' },
  ris: { type: 'application/x-research-info-systems', extension: 'ris' },
  csl: { type: 'application/vnd.citationstyles.csl+json', extension: 'json' },
} as const;
export type CitationFormat = keyof typeof CITATION_FORMATS;

/** What every reference manager calls the kind of document a paper is. */
const GENRE = 'Working Paper';

/** Splits a name printed in given-name-first order ("Jae Jeok Park") into family and given name. */
function splitName(name: string): { family: string; given?: string } {
  const parts = name.trim().split(/\s+/);
  const family = parts.pop()!;
  return parts.length > 0 ? { family, given: parts.join(' ') } : { family };
}

const cslName = (name: string) => {
  const { family, given } = splitName(name);
  return given ? { family, given } : { literal: family };
};

// Dashes and case vary between a series' name and the same name printed in a title.
const fold = (s: string) => s.replace(/[\u2010-\u2015-]/g, '-').toLowerCase();

/**
 * A printed title without the series label the publisher puts before it: "[EAI Working Paper]
 * 2025 South Korea-Japan Partnership ⑧ Introduction" is cited as "Introduction", since the series
 * and the number have fields of their own. A title without a bracketed label is kept as printed.
 *
 * @example citedTitle('[EAI Working Paper] Series ① Title', 'Series') // 'Title'
 */
export function citedTitle(printed: string, seriesTitle: string): string {
  const label = /^\s*\[[^\]]+\]\s*/.exec(printed);
  if (!label) return printed.trim();
  let rest = printed.slice(label[0].length);
  if (fold(rest).startsWith(fold(seriesTitle))) rest = rest.slice(seriesTitle.length);
  // The number in the series: a circled numeral (①–⑳) or "No. 8".
  rest = rest.replace(/^\s*(?:[\u2460-\u2473]|No\.\s*\d+)\s*[:.-]?\s*/u, '').trim();
  return rest || printed.trim();
}

/** A title to cite by: the printed title without its series label, or the topic marked as such. */
export function citationTitle(p: Pick<PaperRow, 'title' | 'topic' | 'series_title'>): string {
  return p.title
    ? citedTitle(p.title, p.series_title)
    : `[Title not known; topic: ${p.topic ?? 'not known'}]`;
}

/** The series number to cite: only a number the publisher prints, never an inferred one. */
const citedNumber = (p: PaperRow) => (p.number !== null && !p.number_inferred ? String(p.number) : undefined);

/**
 * The address a citation points to: the publisher's page, else Entente's page when it has a public
 * address (`pageUrl` is left out by the caller when the site runs on a local host).
 */
export const citationUrl = (p: PaperRow, pageUrl?: string) => p.url ?? pageUrl;

const dateParts = (date: string) => date.split('-').map(Number);

/**
 * The paper as a CSL-JSON item, the format every reference manager reads. It has no accessed date:
 * the date a server was asked is not when a reader read the paper.
 */
export function paperToCsl(p: PaperRow, pageUrl?: string): Record<string, unknown> {
  const item: Record<string, unknown> = {
    id: p.id,
    type: 'report',
    genre: GENRE,
    title: citationTitle(p),
    author: p.authors.map((a) => cslName(a.name)),
    publisher: p.publisher,
    'collection-title': p.series_title,
    language: p.language,
  };
  const number = citedNumber(p);
  if (number) Object.assign(item, { number, 'collection-number': number });
  if (p.date) item.issued = { 'date-parts': [dateParts(p.date)] };
  const url = citationUrl(p, pageUrl);
  if (url) item.URL = url;
  if (p.summary) item.abstract = p.summary;
  return item;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** Escapes the characters TeX gives a meaning to, so a value reads as printed. */
const tex = (s: string) =>
  s.replace(/[\\{}&%$#_~^]/g, (c) =>
    c === '\\'
      ? '\\textbackslash{}'
      : c === '~'
        ? '\\textasciitilde{}'
        : c === '^'
          ? '\\textasciicircum{}'
          : `\\${c}`,
  );

const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();

/**
 * The paper as a BibTeX `@techreport`, keyed by its id. The month is BibTeX's month macro
 * (`month = feb`) and a full date is also given as biblatex's `date`.
 */
export function paperToBibtex(p: PaperRow, pageUrl?: string): string {
  const fields: [string, string][] = [];
  const authors = p.authors.map((a) => {
    const { family, given } = splitName(a.name);
    return given ? `${tex(family)}, ${tex(given)}` : `{${tex(family)}}`;
  });
  if (authors.length > 0) fields.push(['author', `{${authors.join(' and ')}}`]);
  // Double braces keep the title's capitals in styles that lower-case titles.
  fields.push(['title', `{{${tex(citationTitle(p))}}}`]);
  fields.push(['institution', `{${tex(p.publisher)}}`]);
  fields.push(['type', `{${GENRE}}`]);
  const number = citedNumber(p);
  if (number) fields.push(['number', `{${number}}`]);
  fields.push(['series', `{${tex(p.series_title)}}`]);
  if (p.date) {
    const [year, month] = dateParts(p.date);
    fields.push(['year', `{${year}}`]);
    if (month) fields.push(['month', MONTHS[month - 1]!]);
    if (p.date.length === 10) fields.push(['date', `{${p.date}}`]);
  }
  const url = citationUrl(p, pageUrl);
  if (url) fields.push(['url', `{${url}}`]);
  fields.push(['language', `{${p.language}}`]);
  if (p.summary) fields.push(['abstract', `{${tex(oneLine(p.summary))}}`]);
  return `@techreport{${p.id},\n${fields.map(([k, v]) => `  ${k} = ${v},`).join('\n')}\n}\n`;
}

/**
 * The paper as one RIS record: one line a tag however long the value (RIS has no line folding),
 * the full id, and the tags Zotero and EndNote read for a report (T2 series, SN report number,
 * M3 report type, PB institution).
 */
export function paperToRis(p: PaperRow, pageUrl?: string): string {
  const lines: [string, string][] = [
    ['TY', 'RPRT'],
    ['ID', p.id],
    ['TI', citationTitle(p)],
  ];
  for (const a of p.authors) {
    const { family, given } = splitName(a.name);
    lines.push(['AU', given ? `${family}, ${given}` : family]);
  }
  if (p.date) {
    const [year, month, day] = p.date.split('-');
    lines.push(['PY', year!]);
    lines.push(['DA', `${year}/${month ?? ''}/${day ?? ''}/`]);
  }
  lines.push(['PB', p.publisher], ['M3', GENRE], ['T2', p.series_title]);
  const number = citedNumber(p);
  if (number) lines.push(['SN', number]);
  lines.push(['LA', p.language]);
  const url = citationUrl(p, pageUrl);
  if (url) lines.push(['UR', url]);
  if (p.summary) lines.push(['AB', oneLine(p.summary)]);
  lines.push(['ER', '']);
  return `${lines.map(([tag, value]) => `${tag}  - ${oneLine(value)}`).join('\n')}\n`;
}

/** Formats a paper's citation as BibTeX, RIS or CSL-JSON text. */
export function formatCitation(p: PaperRow, format: CitationFormat, pageUrl?: string): string {
  if (format === 'bibtex') return paperToBibtex(p, pageUrl);
  if (format === 'ris') return paperToRis(p, pageUrl);
  return `${JSON.stringify([paperToCsl(p, pageUrl)], null, 2)}\n`;
}

/**
 * References already formatted, by their CSL item: citeproc builds its APA engine anew for each call,
 * and the same item always gives the same text, so a page rendered again after a write that left the
 * paper as it was reuses its reference.
 */
const references = new LRUCache<string, string>({ max: 1000 });

/** A human-readable reference in APA style. */
export function formatReference(p: PaperRow, pageUrl?: string): string {
  const item = paperToCsl(p, pageUrl);
  const key = JSON.stringify(item);
  const kept = references.get(key);
  if (kept !== undefined) return kept;
  const text = (new Cite(item).format('bibliography', { format: 'text', template: 'apa' }) as string).trim();
  // APA writes "Retrieved <accessed date>, from <URL>" for undated works; without an accessed date
  // the style leaves a bare "Retrieved <URL>", which is not APA. The URL alone is.
  const reference = text.replace(/\bRetrieved (?=https?:\/\/)/, '');
  references.set(key, reference);
  return reference;
}
