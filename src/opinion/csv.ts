import { stringify } from 'csv-stringify/sync';
import type { SurveySeriesView } from './views.ts';

/**
 * The columns of a results download. The source columns come first among the descriptive ones'
 * neighbours and use the same names as the CSV import, so a download can be edited and imported back.
 */
export const RESULT_COLUMNS = [
  'series',
  'question',
  'public',
  'wave',
  'year',
  'answer',
  'share',
  'n',
  'design_effect',
  'ci_low',
  'ci_high',
  'page_url',
  'source_publisher',
  'source_title',
  'source_date',
  'source_url',
  'source_document',
  'source_quality',
  'source_quote',
  'source_gloss',
  'source_note',
] as const;

const round = (x: number) => String(Math.round(x * 100) / 100);

/**
 * Every result of a series as CSV: one row per figure, with its interval and its source. `site` is
 * the address of the site the series' page belongs to (`https://example.org/d/other/`), which may
 * have a path of its own.
 */
export function resultsCsv(series: SurveySeriesView, site: string): string {
  const page = new URL(`opinion/${series.id}`, site.endsWith('/') ? site : `${site}/`).href;
  const rows = series.results.map((r) => ({
    series: series.id,
    question: r.question,
    public: r.public,
    wave: r.wave,
    year: r.year,
    answer: r.answer,
    share: r.share,
    n: r.n ?? '',
    design_effect: r.design_effect,
    ci_low: r.interval ? round(r.interval.low) : '',
    ci_high: r.interval ? round(r.interval.high) : '',
    page_url: page,
    source_publisher: r.source.publisher,
    source_title: r.source.title ?? '',
    source_date: r.source.date ?? '',
    source_url: r.source.url ?? '',
    source_document: r.source.document ?? '',
    source_quality: r.source.quality,
    source_quote: r.source.quote ?? '',
    source_gloss: r.source.gloss ?? '',
    source_note: r.source.note ?? '',
  }));
  return stringify(rows, { header: true, columns: [...RESULT_COLUMNS], escape_formulas: true });
}
