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

/**
 * Inserts a row, or updates it when any column differs, or leaves it alone: the database decides
 * in one statement, so a second import of the same data writes nothing.
 */
export async function upsert(q: Queryable, spec: TableSpec, row: Row): Promise<UpsertOutcome> {
  const cols = Object.keys(spec.columns);
  const values = cols.map((c) => toParam(spec.columns[c]!, row[c]));
  const params = cols.map((c, i) => `$${i + 1}::${spec.columns[c]}`);
  const nonKey = cols.filter((c) => !spec.key.includes(c));
  const set = nonKey.map((c) => `${quote(c)} = EXCLUDED.${quote(c)}`);
  if (spec.versioned) set.push(`version = t.version + 1`);
  const sql =
    `INSERT INTO ${spec.table} AS t (${cols.map(quote).join(', ')}) VALUES (${params.join(', ')}) ` +
    `ON CONFLICT (${spec.key.map(quote).join(', ')}) DO UPDATE SET ${set.join(', ')} ` +
    `WHERE (${nonKey.map((c) => `t.${quote(c)}`).join(', ')}) IS DISTINCT FROM (${nonKey.map((c) => `EXCLUDED.${quote(c)}`).join(', ')}) ` +
    `RETURNING (xmax::text = '0') AS inserted`;
  const rows = await q.query<{ inserted: boolean }>(sql, values);
  if (rows.length === 0) return 'unchanged';
  return rows[0]!.inserted ? 'inserted' : 'updated';
}

function toParam(type: ColumnType, value: unknown): unknown {
  if (value === undefined || value === null) return null;
  if (type === 'jsonb') return JSON.stringify(value);
  return value;
}
