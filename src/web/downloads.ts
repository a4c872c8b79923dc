import { stringify } from 'csv-stringify/sync';
import type { RecommendationRow } from '../tracker/index.ts';
import { at } from './base-path.ts';

const COLUMNS = [
  'id',
  'url',
  'title',
  'status',
  'assessed_as_of',
  'summary',
  'contributor',
  'contributor_id',
  'issue_area',
  'sub_area',
  'parties',
  'format',
  'quote',
  'paragraph',
  'paper_id',
  'paper_url',
  'made_in',
  'restates',
];

/** The columns of a recommendations download; every row links back to its page. */
function flatten(r: RecommendationRow, base: string): Record<(typeof COLUMNS)[number], string> {
  return {
    id: r.id,
    url: new URL(at(`/recommendations/${r.id}`), base).href,
    title: r.title,
    status: r.status,
    assessed_as_of: r.assessed_as_of ?? '',
    summary: r.summary,
    contributor: r.contributor_name,
    contributor_id: r.contributor_id,
    issue_area: r.area_name,
    sub_area: r.area_id === r.issue_area_id ? '' : r.issue_area_name,
    parties: r.parties.join(';'),
    format: r.format,
    quote: r.quote,
    paragraph: r.paragraph,
    paper_id: r.paper_id,
    paper_url: new URL(at(`/papers/${r.paper_id}`), base).href,
    made_in: r.made_in ?? '',
    restates: r.restates.join(';'),
  };
}

export function recommendationsCsv(rows: RecommendationRow[], base: string): string {
  // A byte-order mark lets spreadsheet programs read the UTF-8 (Korean, Japanese, look-alike letters).
  return `\uFEFF${stringify(
    rows.map((r) => flatten(r, base)),
    { header: true, columns: COLUMNS, escape_formulas: true },
  )}`;
}

export function recommendationsJson(rows: RecommendationRow[], base: string) {
  return rows.map((r) => ({ ...flatten(r, base), parties: r.parties, restates: r.restates }));
}
