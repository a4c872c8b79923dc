import { stringify } from 'csv-stringify/sync';
import { at } from '../base-path.ts';
import { escapeXml, wrapText } from './text.ts';

/** A column of a chart's figures: `key` heads the CSV, `label` the table a reader sees. */
export interface ChartColumn {
  key: string;
  label: string;
}

export type ChartCell = string | number | null;

/**
 * A chart as every view of it needs it: the page's figure, the chart's own page (`…/chart`), and
 * its SVG, PNG and CSV downloads, so that all of them show the same title, figures and source.
 */
export interface Chart {
  /** What is shown, in words: the chart's title and its accessible name. */
  title: string;
  /** Sentences a reader needs to read it right (the period covered, what a mark means). */
  notes: string[];
  /** Where the figures come from, as one line. */
  source: string;
  /** The plot itself (from `renderPlot`), without title or source. */
  svg: string;
  width: number;
  height: number;
  /** The figures drawn, one row per mark: the table for screen readers and the CSV download. */
  columns: ChartColumn[];
  rows: ChartCell[][];
  /** The chart page's path (`/opinion/x/chart`) and its query, which the downloads share. */
  path: string;
  query: string;
  /** The page the chart belongs to. */
  page: string;
  /** The stem of download file names. */
  file: string;
}

/** The address of a view of a chart: its page (`''`) or a download (`'.svg'`, `'.png'`, `'.csv'`). */
export const chartHref = (chart: Pick<Chart, 'path' | 'query'>, ext: '' | '.svg' | '.png' | '.csv' = '') =>
  at(`${chart.path}${ext}${chart.query ? `?${chart.query}` : ''}`);

/**
 * The chart's figures as CSV: a header of column keys, numbers unformatted, a missing value empty.
 * A byte-order mark lets spreadsheet programs read the UTF-8.
 */
export function chartCsv(chart: Pick<Chart, 'columns' | 'rows'>): string {
  return `\uFEFF${stringify(
    chart.rows.map((r) => r.map((v) => (v === null ? '' : v))),
    { header: true, columns: chart.columns.map((c) => c.key) },
  )}`;
}

const PAD = 16;
const TITLE_SIZE = 17;
const NOTE_SIZE = 12;
const SOURCE_SIZE = 11;

/**
 * The chart as an SVG file of its own: title and notes above the plot, the source line below, on a
 * white ground, in well-formed XML (every text and attribute escaped, the SVG namespace declared).
 * The PNG download is drawn from the same file.
 */
export function standaloneSvg(chart: Chart, opts: { lang?: string } = {}): string {
  const width = chart.width + 2 * PAD;
  const inner = chart.width;
  const title = wrapText(chart.title, inner, TITLE_SIZE);
  const notes = chart.notes.flatMap((n) => wrapText(n, inner, NOTE_SIZE));
  const source = wrapText(chart.source, inner, SOURCE_SIZE);
  let y = PAD;
  const lines: string[] = [];
  const line = (text: string, size: number, attrs: string) => {
    y += size * 1.3;
    lines.push(
      `<text x="${PAD}" y="${Math.round(y - size * 0.3)}" font-size="${size}" ${attrs}>${escapeXml(text)}</text>`,
    );
  };
  for (const t of title) line(t, TITLE_SIZE, 'font-weight="bold" fill="#111111"');
  if (notes.length) y += 4;
  for (const n of notes) line(n, NOTE_SIZE, 'fill="#444444"');
  y += 8;
  const plotY = y;
  y += chart.height + 6;
  for (const s of source) line(s, SOURCE_SIZE, 'fill="#555555"');
  const height = Math.ceil(y + PAD);
  // The plot keeps its own attributes; nested, it needs a position and no class of the page.
  const plot = chart.svg.replace(/^<svg /, `<svg x="${PAD}" y="${plotY}" `).replace(/ class="chart"/, '');
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}"`,
    `${opts.lang ? ` xml:lang="${escapeXml(opts.lang)}"` : ''} font-family="system-ui, sans-serif" text-anchor="start" color="#111111" role="img" aria-label="${escapeXml(chart.title)}">`,
    `<title>${escapeXml(chart.title)}</title>`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    ...lines,
    plot,
    '</svg>',
  ].join('');
}
