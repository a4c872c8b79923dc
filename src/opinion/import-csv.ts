import { parse } from 'csv-parse/sync';
import type { Problem } from '../core/index.ts';
import { problemsFromZod } from '../core/index.ts';
import { Result } from './schema.ts';
import type { SurveySeriesView } from './views.ts';

/** A result ready to be written: what the dataset file would hold. */
export type ResultInput = ReturnType<typeof Result.parse>;

const REQUIRED = ['question', 'wave', 'answer', 'share', 'source_publisher', 'source_quality'] as const;
const SOURCE_FIELDS = ['publisher', 'title', 'date', 'url', 'document', 'quote', 'gloss', 'quality', 'note'];
// Columns of a results download that are derived from the store; accepted and ignored on import.
const DERIVED = ['series', 'public', 'year', 'n', 'design_effect', 'ci_low', 'ci_high', 'page_url'];

/**
 * Reads results of one series from CSV text and checks every row: against the result schema, and
 * against the series (the question, wave and answer exist; the question is asked of the wave's
 * public; no figure appears twice). Each problem names file:line and the column.
 */
export function parseResultsCsv(
  text: string,
  file: string,
  series: Pick<SurveySeriesView, 'questions' | 'waves'>,
): { results: ResultInput[]; problems: Problem[] } {
  const problems: Problem[] = [];
  let records: { record: Record<string, string>; info: { bytes: number } }[];
  const lineAt = lineFinder(text);
  try {
    records = parse(text, { columns: true, info: true, skip_empty_lines: true, bom: true, trim: true });
  } catch (e) {
    const err = e as { code?: string; lines?: number; bytes?: number; message: string };
    // A quote error's `bytes` is where the record with the stray quote starts; any other's, where
    // the record it is about ends.
    const quote = err.code === 'CSV_QUOTE_NOT_CLOSED' || err.code === 'CSV_INVALID_CLOSING_QUOTE';
    const line = err.bytes === undefined ? err.lines : lineAt(quote ? err.bytes : err.bytes - 1);
    const message =
      err.code === 'CSV_QUOTE_NOT_CLOSED'
        ? 'a quoted field opened on this line is never closed; double a quote inside a field ("")'
        : // csv-parse's message names its own line count: ours, above, is the one to show.
          err.message.replace(/ (at|on) line \d+/, '');
    return { results: [], problems: [{ code: 'csv_syntax', file, line, message }] };
  }
  const header = text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/, 1)[0]!
    .split(',')
    .map((h) => h.trim());
  for (const column of REQUIRED) {
    if (!header.includes(column))
      problems.push({ code: 'missing_column', file, line: 1, field: column, message: 'column is missing' });
  }
  for (const column of header) {
    const known =
      DERIVED.includes(column) ||
      ['question', 'wave', 'answer', 'share'].includes(column) ||
      SOURCE_FIELDS.some((f) => column === `source_${f}`);
    if (!known)
      problems.push({
        code: 'unknown_column',
        file,
        line: 1,
        field: column,
        message: 'is not a results column',
      });
  }
  if (problems.length > 0) return { results: [], problems };

  const questions = new Map(series.questions.map((q) => [q.id, q]));
  const waves = new Map(series.waves.map((w) => [w.id, w]));
  const seen = new Map<string, number>();
  const results: ResultInput[] = [];
  for (const { record, info } of records) {
    // The line a record ends on: its own line, unless a quoted field spans lines.
    const line = lineAt(info.bytes - 1);
    const at = (field: string, message: string, code = 'invalid_value') =>
      problems.push({ code, file, line, field, message });
    const source = Object.fromEntries(
      SOURCE_FIELDS.map((f) => [f, record[`source_${f}`]]).filter(([, v]) => v !== undefined && v !== ''),
    );
    const share = record.share === '' ? Number.NaN : Number(record.share);
    const parsed = Result.safeParse({
      question: record.question,
      wave: record.wave,
      answer: record.answer,
      share: Number.isNaN(share) ? record.share : share,
      source,
    });
    if (!parsed.success) {
      // A source field is a column of its own: `source.url` is read from `source_url`.
      for (const p of problemsFromZod(parsed.error.issues)) {
        const [head, sub] = (p.field ?? '').split('.');
        at(head === 'source' ? `source_${sub}` : String(head), p.message, p.code);
      }
      continue;
    }
    const r = parsed.data;
    const q = questions.get(r.question);
    const w = waves.get(r.wave);
    if (!q) at('question', `"${r.question}" is not a question of this series`, 'unknown_reference');
    if (!w) at('wave', `"${r.wave}" is not a wave of this series`, 'unknown_reference');
    if (!q || !w) continue;
    if (!q.answers.some((a) => a.id === r.answer))
      at('answer', `"${r.answer}" is not an answer of question "${q.id}"`, 'unknown_reference');
    else if (q.public !== w.public)
      at('wave', `wave "${w.id}" surveys ${w.public}, but question "${q.id}" is asked of ${q.public}`);
    else {
      const key = `${r.question}|${r.wave}|${r.answer}`;
      const first = seen.get(key);
      if (first !== undefined) at('answer', `the same figure is already given on line ${first}`, 'duplicate');
      else {
        seen.set(key, line);
        results.push(r);
      }
    }
  }
  return { results, problems };
}

/**
 * The line (1-based) of a byte offset of `text`, lines ending in LF, CRLF or CR. csv-parse counts
 * lines itself, but counts a CRLF inside a quoted field as two (csv-parse 7.0.3): every record
 * after a multi-line cell saved on Windows would name the wrong line.
 */
function lineFinder(text: string): (offset: number) => number {
  const b = Buffer.from(text);
  const starts = [0];
  for (let i = 0; i < b.length; i++) {
    if (b[i] === 0x0a || (b[i] === 0x0d && b[i + 1] !== 0x0a)) starts.push(i + 1);
  }
  return (offset) => {
    let lo = 0;
    let hi = starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid]! <= offset) lo = mid + 1;
      else hi = mid;
    }
    return Math.max(1, lo);
  };
}
