import type { Queryable } from '../db.ts';

/**
 * Tables a backup leaves out: the migration bookkeeping (compared instead: a backup restores only
 * into a store at the same schema) and the change numbers (raised by the restore itself, so that
 * every process's read cache lets go of what it held).
 */
export const NOT_BACKED_UP = ['entente_migrations', 'entente_changes', 'entente_table_changes'] as const;

export interface TableInfo {
  name: string;
  /** Columns a restore writes: all but generated ones, in table order. */
  columns: string[];
  /** Primary-key columns, for a stable row order. */
  key: string[];
  /** A column that refers to the table's own key (e.g. an assessment's `corrects`). */
  selfRef?: { column: string; references: string };
}

export interface SequenceInfo {
  name: string;
  /** The last value handed out, or null if none was. */
  last: number | null;
}

/** The tables of the current schema in an order where every table comes after those it refers to. */
export async function listTables(tx: Queryable): Promise<TableInfo[]> {
  const cols = await tx.query<{ table: string; column: string }>(
    `SELECT c.relname AS table, a.attname AS column
       FROM pg_class c
       JOIN pg_namespace n ON n.oid = c.relnamespace
       JOIN pg_attribute a ON a.attrelid = c.oid
      WHERE n.nspname = current_schema() AND c.relkind = 'r'
        AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
        AND NOT (c.relname = ANY ($1))
      ORDER BY c.relname, a.attnum`,
    [NOT_BACKED_UP],
  );
  const keys = await tx.query<{ table: string; columns: string[] }>(
    `SELECT c.conrelid::regclass::text AS table,
            array_agg(a.attname::text ORDER BY k.ord) AS columns
       FROM pg_constraint c
       CROSS JOIN LATERAL unnest(c.conkey) WITH ORDINALITY AS k(attnum, ord)
       JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum
      WHERE c.contype = 'p' AND c.connamespace = current_schema()::regnamespace
      GROUP BY c.conrelid`,
  );
  const refs = await tx.query<{ table: string; target: string; columns: string[]; targets: string[] }>(
    `SELECT c.conrelid::regclass::text AS table, c.confrelid::regclass::text AS target,
            (SELECT array_agg(a.attname::text ORDER BY a.attnum) FROM pg_attribute a
              WHERE a.attrelid = c.conrelid AND a.attnum = ANY (c.conkey)) AS columns,
            (SELECT array_agg(a.attname::text ORDER BY a.attnum) FROM pg_attribute a
              WHERE a.attrelid = c.confrelid AND a.attnum = ANY (c.confkey)) AS targets
       FROM pg_constraint c
      WHERE c.contype = 'f' AND c.connamespace = current_schema()::regnamespace`,
  );

  const tables = new Map<string, TableInfo>();
  for (const { table, column } of cols) {
    const t = tables.get(table) ?? { name: table, columns: [], key: [] };
    t.columns.push(column);
    tables.set(table, t);
  }
  for (const k of keys) {
    const t = tables.get(k.table);
    if (t) t.key = k.columns;
  }
  const dependsOn = new Map<string, Set<string>>([...tables.keys()].map((n) => [n, new Set()]));
  for (const r of refs) {
    const t = tables.get(r.table);
    if (!t) continue;
    if (r.target === r.table) {
      if (r.columns.length !== 1 || r.targets.length !== 1) {
        throw new Error(`${r.table}: a self-reference over several columns cannot be ordered for a backup`);
      }
      t.selfRef = { column: r.columns[0]!, references: r.targets[0]! };
    } else if (tables.has(r.target)) {
      dependsOn.get(r.table)!.add(r.target);
    }
  }

  // Kahn's algorithm, taking names alphabetically among the ready ones so the order is stable.
  const ordered: TableInfo[] = [];
  const done = new Set<string>();
  while (ordered.length < tables.size) {
    const ready = [...tables.keys()]
      .filter((n) => !done.has(n) && [...dependsOn.get(n)!].every((d) => done.has(d)))
      .sort();
    if (ready.length === 0) {
      const left = [...tables.keys()].filter((n) => !done.has(n));
      throw new Error(`tables refer to each other in a circle: ${left.join(', ')}`);
    }
    for (const n of ready) {
      done.add(n);
      ordered.push(tables.get(n)!);
    }
  }
  return ordered;
}

/** The sequences of the current schema with the last value each handed out. */
export async function listSequences(tx: Queryable): Promise<SequenceInfo[]> {
  const rows = await tx.query<{ name: string; last: number | string | null }>(
    `SELECT sequencename AS name, last_value AS last
       FROM pg_sequences WHERE schemaname = current_schema() ORDER BY 1`,
  );
  return rows.map((r) => ({ name: r.name, last: r.last === null ? null : Number(r.last) }));
}

/** The number of rows of each table, in the order given. */
export async function rowCounts(tx: Queryable, tables: { name: string }[]): Promise<number[]> {
  const counts: number[] = [];
  for (const t of tables) {
    const [r] = await tx.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${ident(t.name)}`);
    counts.push(r!.n);
  }
  return counts;
}

/** Quotes an identifier that comes from the catalog or from a checked backup header. */
export const ident = (name: string): string => `"${name.replaceAll('"', '""')}"`;
