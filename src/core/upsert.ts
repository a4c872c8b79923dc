import type { Queryable } from './db.ts';

export type ColumnType = 'text' | 'integer' | 'boolean' | 'numeric' | 'jsonb' | 'text[]';

/** A table as the importer sees it: its key, its columns and their SQL types. */
export interface TableSpec {
  table: string;
  key: string[];
  columns: Record<string, ColumnType>;
  /** Count changes in a `version` column (tracked items, for concurrent-edit detection). */
  versioned?: boolean;
}

export type Row = Record<string, unknown>;
export type UpsertOutcome = 'inserted' | 'updated' | 'unchanged';

const quote = (name: string) => `"${name}"`;

/** What {@link upsertMany} did: how many rows it inserted, updated and left as they were. */
export type UpsertCounts = Record<UpsertOutcome, number>;

// Rows per statement: large enough that an import is a handful of statements, small enough that no
// parameter grows past a few megabytes.
const BATCH = 500;

/**
 * Inserts each row, or updates it when any column differs, or leaves it alone: the database decides
 * (`ON CONFLICT … DO UPDATE … WHERE … IS DISTINCT FROM …`), so a second import of the same data
 * writes nothing. A statement per few hundred rows: they travel as one JSON array that
 * `jsonb_to_recordset` types column by column. Rows must not repeat a key.
 */
export async function upsertMany(q: Queryable, spec: TableSpec, rows: Row[]): Promise<UpsertCounts> {
  const counts: UpsertCounts = { inserted: 0, updated: 0, unchanged: 0 };
  const cols = Object.keys(spec.columns);
  const nonKey = cols.filter((c) => !spec.key.includes(c));
  const set = nonKey.map((c) => `${quote(c)} = EXCLUDED.${quote(c)}`);
  if (spec.versioned) set.push(`version = t.version + 1`);
  const sql =
    `INSERT INTO ${spec.table} AS t (${cols.map(quote).join(', ')}) ` +
    `SELECT ${cols.map((c) => `r.${quote(c)}`).join(', ')} FROM jsonb_to_recordset($1::jsonb) ` +
    `AS r(${cols.map((c) => `${quote(c)} ${spec.columns[c]}`).join(', ')}) ` +
    `ON CONFLICT (${spec.key.map(quote).join(', ')}) DO UPDATE SET ${set.join(', ')} ` +
    `WHERE (${nonKey.map((c) => `t.${quote(c)}`).join(', ')}) IS DISTINCT FROM (${nonKey.map((c) => `EXCLUDED.${quote(c)}`).join(', ')}) ` +
    `RETURNING (xmax::text = '0') AS inserted`;
  for (let i = 0; i < rows.length; i += BATCH) {
    const batch = rows.slice(i, i + BATCH);
    const json = JSON.stringify(batch.map((r) => Object.fromEntries(cols.map((c) => [c, r[c] ?? null]))));
    const written = await q.query<{ inserted: boolean }>(sql, [json]);
    const inserted = written.filter((w) => w.inserted).length;
    counts.inserted += inserted;
    counts.updated += written.length - inserted;
    counts.unchanged += batch.length - written.length;
  }
  return counts;
}
