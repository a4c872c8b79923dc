import { type Column, EVENT_TABLE_COLUMNS, type FieldKind, type FormatSpec, MENTIONS_V2 } from './columns.ts';

/** Reasons a row is quarantined. Stable codes: tests, the CLI and the API match on them. */
export const REJECT_REASONS = {
  column_count: 'wrong number of tab-separated fields',
  bad_number: 'not a number',
  bad_date: 'not a valid date',
  missing_value: 'required field is empty',
  out_of_range: 'value outside its allowed range',
  unknown_cameo: 'not a code of the CAMEO event table',
  cameo_mismatch: 'root or base code does not match the event code',
  duplicate_event: 'the same GLOBALEVENTID was loaded before (earlier line or file)',
  invalid_utf8: 'line is not valid UTF-8',
  control_character: 'line contains a carriage return or control byte inside it',
  truncated_line: 'last line has no newline (truncated file?)',
} as const;
export type RejectReason = keyof typeof REJECT_REASONS;

/** The warehouse's SQL type of each kind of GDELT field. */
export const SQL_TYPE: Record<FieldKind, string> = {
  id: 'BIGINT',
  int: 'INTEGER',
  double: 'DOUBLE',
  date: 'DATE',
  month: 'INTEGER',
  year: 'INTEGER',
  timestamp: 'TIMESTAMP',
  dateadded_v1: 'TIMESTAMP',
  cameo_event: 'VARCHAR',
  cameo_root: 'VARCHAR',
  cameo_base: 'VARCHAR',
  quad: 'TINYINT',
  goldstein: 'DOUBLE',
  tone: 'DOUBLE',
  bool01: 'BOOLEAN',
  text: 'VARCHAR',
};

export const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;
export const sqlString = (s: string) => `'${s.replaceAll("'", "''")}'`;

/** DDL of a table of GDELT rows plus where each row came from. */
export function tableDdl(table: string, columns: readonly Column[]): string {
  const cols = columns.map((c) => `${quoteIdent(c.name)} ${SQL_TYPE[c.kind]}`);
  return `CREATE TABLE IF NOT EXISTS ${table} (${cols.join(', ')}, file_id INTEGER NOT NULL, line BIGINT NOT NULL)`;
}

export const WAREHOUSE_DDL: readonly string[] = [
  'CREATE SEQUENCE IF NOT EXISTS file_ids START 1',
  `CREATE TABLE IF NOT EXISTS files (
    file_id INTEGER PRIMARY KEY, name VARCHAR NOT NULL, kind VARCHAR NOT NULL, size BIGINT NOT NULL,
    md5 VARCHAR NOT NULL UNIQUE, lines BIGINT NOT NULL, rows_accepted BIGINT NOT NULL,
    rows_rejected BIGINT NOT NULL, ingested_at TIMESTAMP NOT NULL, seconds DOUBLE NOT NULL)`,
  tableDdl('events', EVENT_TABLE_COLUMNS),
  tableDdl('mentions', MENTIONS_V2),
  `CREATE TABLE IF NOT EXISTS quarantine (
    file_id INTEGER NOT NULL, line BIGINT NOT NULL, reason VARCHAR NOT NULL, field VARCHAR,
    value VARCHAR, raw VARCHAR)`,
  `CREATE TABLE IF NOT EXISTS cameo_codes (
    code VARCHAR PRIMARY KEY, root VARCHAR NOT NULL, quad_class TINYINT NOT NULL, goldstein DOUBLE NOT NULL,
    label VARCHAR NOT NULL)`,
  'CREATE TABLE IF NOT EXISTS cameo_issue_areas (code VARCHAR PRIMARY KEY, issue_area VARCHAR NOT NULL)',
  'ALTER TABLE cameo_issue_areas ADD COLUMN IF NOT EXISTS sub_area VARCHAR',
];

const field = (i: number) => `f[${i + 1}]`;

// A number or date is accepted only when its typed value prints back as the raw text: DuckDB's
// casts are lenient ('1.5' → 2, '0x10' → 16, '1e3' → 1000; strptime takes '2024011' as a date),
// which would let garbled values through. Checks read the typed column (`t`) computed once.
const printsAs = (t: string, v: string) => `CAST(${t} AS VARCHAR) = ${v}`;
const dateOf = (v: string) => `CAST(try_strptime(${v}, '%Y%m%d') AS DATE)`;
const timestampOf = (v: string) => `try_strptime(${v}, '%Y%m%d%H%M%S')`;

interface Check {
  reason: RejectReason;
  sql: string; // true when the field is bad
}

/**
 * The checks of one field, in order: `v` is the raw text, `t` the typed value, `ctx` the raw text
 * of the row's EventCode and SQLDATE.
 */
function checksFor(
  kind: FieldKind,
  v: string,
  t: string,
  ctx: { eventCode?: string; sqlDate?: string },
): Check[] {
  const present = `${v} <> ''`;
  switch (kind) {
    case 'id':
      return [{ reason: 'bad_number', sql: `NOT coalesce(${printsAs(t, v)}, false)` }];
    case 'int':
      return [{ reason: 'bad_number', sql: `${present} AND NOT coalesce(${printsAs(t, v)}, false)` }];
    case 'double':
      return [{ reason: 'bad_number', sql: `${present} AND NOT coalesce(isfinite(${t}), false)` }];
    case 'goldstein':
      return [
        { reason: 'missing_value', sql: `${v} = ''` },
        { reason: 'bad_number', sql: `NOT coalesce(isfinite(${t}), false)` },
        { reason: 'out_of_range', sql: `NOT ${t} BETWEEN -10 AND 10` },
      ];
    case 'tone':
      return [
        { reason: 'bad_number', sql: `${present} AND NOT coalesce(isfinite(${t}), false)` },
        { reason: 'out_of_range', sql: `${present} AND NOT ${t} BETWEEN -100 AND 100` },
      ];
    case 'quad':
      return [{ reason: 'out_of_range', sql: `${v} NOT IN ('1', '2', '3', '4')` }];
    case 'bool01':
      return [{ reason: 'out_of_range', sql: `${v} NOT IN ('0', '1')` }];
    case 'date':
    case 'dateadded_v1':
      return [{ reason: 'bad_date', sql: `NOT coalesce(strftime(${t}, '%Y%m%d') = ${v}, false)` }];
    case 'timestamp':
      return [{ reason: 'bad_date', sql: `NOT coalesce(strftime(${t}, '%Y%m%d%H%M%S') = ${v}, false)` }];
    case 'month':
      // MonthYear and Year repeat SQLDATE; a disagreement means the row was garbled.
      return [{ reason: 'bad_date', sql: `${v} IS DISTINCT FROM substr(${ctx.sqlDate}, 1, 6)` }];
    case 'year':
      return [{ reason: 'bad_date', sql: `${v} IS DISTINCT FROM substr(${ctx.sqlDate}, 1, 4)` }];
    case 'cameo_event':
      return [
        { reason: 'missing_value', sql: `${v} = ''` },
        { reason: 'unknown_cameo', sql: `${v} NOT IN (SELECT code FROM cameo_codes)` },
      ];
    case 'cameo_base':
      return [{ reason: 'cameo_mismatch', sql: `${v} = '' OR NOT starts_with(${ctx.eventCode}, ${v})` }];
    case 'cameo_root':
      return [{ reason: 'cameo_mismatch', sql: `${v} IS DISTINCT FROM substr(${ctx.eventCode}, 1, 2)` }];
    case 'text':
      return [];
  }
}

function typedValue(kind: FieldKind, v: string): string {
  const nonEmpty = `NULLIF(${v}, '')`;
  switch (kind) {
    case 'id':
      return `TRY_CAST(${v} AS BIGINT)`;
    case 'int':
    case 'month':
    case 'year':
      return `TRY_CAST(${nonEmpty} AS INTEGER)`;
    case 'double':
    case 'goldstein':
    case 'tone':
      return `TRY_CAST(${nonEmpty} AS DOUBLE)`;
    case 'quad':
      return `TRY_CAST(${v} AS TINYINT)`;
    case 'bool01':
      return `(${v} = '1')`;
    case 'date':
      return dateOf(v);
    case 'dateadded_v1':
      return `CAST(${dateOf(v)} AS TIMESTAMP)`;
    case 'timestamp':
      return timestampOf(v);
    default:
      return nonEmpty;
  }
}

/**
 * The SELECT that turns raw lines (`file_id`, `line`, `l`) into typed rows plus a `problem` column:
 * `reason|field` for the first failed check, NULL for a good row. Checks run only on rows with
 * the right field count, so a short row reports its width, not a cascade of missing fields.
 */
export function checkedSelect(format: FormatSpec, targetColumns: readonly Column[], source: string): string {
  const index = new Map(format.columns.map((c, i) => [c.name, i]));
  const ctx = {
    eventCode: index.has('EventCode') ? field(index.get('EventCode')!) : undefined,
    sqlDate: index.has('SQLDATE') ? field(index.get('SQLDATE')!) : undefined,
  };
  const whens: string[] = [`WHEN len(f) NOT IN (${format.widths.join(', ')}) THEN 'column_count|'`];
  format.columns.forEach((c, i) => {
    // The optional last column of v1 (SOURCEURL) is absent in 57-field rows.
    for (const chk of checksFor(c.kind, field(i), quoteIdent(c.name), ctx)) {
      whens.push(`WHEN ${chk.sql} THEN '${chk.reason}|${c.name}'`);
    }
  });
  const values = targetColumns.map((c) => {
    const i = index.get(c.name);
    // The source format decides how to read a field (v1's DATEADDED is a date, v2's a timestamp);
    // the target column decides the type it lands in.
    const read = i === undefined ? 'NULL' : typedValue(format.columns[i]!.kind, field(i));
    return `CAST(${read} AS ${SQL_TYPE[c.kind]}) AS ${quoteIdent(c.name)}`;
  });
  const names = targetColumns.map((c) => quoteIdent(c.name)).join(', ');
  return `SELECT file_id, line, ${names},
    CASE ${whens.join('\n      ')} END AS problem,
    l
  FROM (SELECT file_id, line, l, f, ${values.join(', ')}
    FROM (SELECT file_id, line, coalesce(l, '') AS l, string_split(coalesce(l, ''), chr(9)) AS f FROM ${source}))`;
}

/** Column list of the warehouse table a format loads into. */
export function targetColumns(format: FormatSpec): readonly Column[] {
  return format.table === 'events' ? EVENT_TABLE_COLUMNS : MENTIONS_V2;
}

/**
 * Which file of a batch a row of the batch's line table belongs to, as a balanced tree of comparisons
 * on its row number `r` (log₂ of the file count per row, where a join or a CASE list would cost more).
 * `starts[k]` is the row number of file k's first line; the result is k.
 * @example fileIndexSql('r', [0, 100, 250]) // CASE WHEN r < 100 THEN 0 ELSE CASE WHEN r < 250 THEN 1 ELSE 2 END END
 */
export function fileIndexSql(r: string, starts: readonly number[]): string {
  const tree = (lo: number, hi: number): string => {
    if (lo === hi) return String(lo);
    const mid = Math.ceil((lo + hi) / 2);
    return `CASE WHEN ${r} < ${starts[mid]} THEN ${tree(lo, mid - 1)} ELSE ${tree(mid, hi)} END`;
  };
  return tree(0, starts.length - 1);
}
