import { type Column, type FileKind, FORMATS } from './columns.ts';

/** A parsed GDELT row: official column names, numbers as numbers, dates as `YYYY-MM-DD`. */
export type GdeltRow = Record<string, string | number | boolean | null>;

function value(c: Column, raw: string): string | number | boolean | null {
  if (raw === '') return null;
  switch (c.kind) {
    case 'id':
    case 'int':
    case 'month':
    case 'year':
    case 'quad':
    case 'double':
    case 'goldstein':
    case 'tone':
      return Number(raw);
    case 'bool01':
      return raw === '1';
    case 'date':
    case 'dateadded_v1':
      return `${raw.slice(0, 4)}-${raw.slice(4, 6)}-${raw.slice(6, 8)}`;
    case 'timestamp':
      return `${raw.slice(0, 4)}-${raw.slice(4, 6)}-${raw.slice(6, 8)}T${raw.slice(8, 10)}:${raw.slice(10, 12)}:${raw.slice(12, 14)}`;
    default:
      return raw;
  }
}

/**
 * Parses one line of a GDELT file in plain TypeScript: a reference reader for small inputs and
 * tests (the warehouse loads with DuckDB). GDELT never quotes, so a split on tabs is exact.
 * Returns `undefined` for a line of the wrong width.
 */
export function parseLine(kind: FileKind, line: string): GdeltRow | undefined {
  const format = FORMATS[kind];
  const fields = line.replace(/\r$/, '').split('\t');
  if (!format.widths.includes(fields.length)) return undefined;
  const row: GdeltRow = {};
  format.columns.forEach((c, i) => {
    row[c.name] = i < fields.length ? value(c, fields[i] ?? '') : null;
  });
  return row;
}
