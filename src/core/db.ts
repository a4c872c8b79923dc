/** Something SQL can be sent to: the store itself or a transaction in progress. */
export interface Queryable {
  /** Runs one statement with `$1`-style parameters and returns its rows. */
  query<T = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  /** Runs a script of several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
}

/**
 * The records store. Two drivers implement it: PGlite (embedded, the default) and PostgreSQL
 * (a server, via `DATABASE_URL`); both speak the same SQL and return the same value types.
 */
export interface Db extends Queryable {
  readonly driver: 'pglite' | 'pg';
  /**
   * The schema unqualified table names resolve in first: `public` for the store's default dataset,
   * `dataset_<id>` for another (see `datasets.ts`). Accounts live in `public` and are found from
   * every namespace.
   */
  readonly namespace: string;
  /**
   * The same store seen from another namespace, over the same connections. Closing it does nothing:
   * the store closes with the handle it was opened as.
   */
  inNamespace(namespace: string): Db;
  /** Runs `fn` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/**
 * Whether `e` is PostgreSQL's unique violation (SQLSTATE 23505) on the index or constraint named
 * `constraint`; both drivers hand the server's error back with these fields.
 */
export function isUniqueViolation(e: unknown, constraint: string): boolean {
  const err = e as { code?: unknown; constraint?: unknown } | null;
  return err?.code === '23505' && err.constraint === constraint;
}

// Both drivers hand these types back as plain JSON-friendly values, so that records read from
// either store compare equal: dates as `YYYY-MM-DD`, counts as numbers.
export const TYPE_OIDS = { int8: 20, numeric: 1700, date: 1082, timestamptz: 1184, timestamp: 1114 } as const;

export const parseInt8 = (v: string): number => Number(v);
export const parseNumeric = (v: string): number => Number(v);
export const parseDate = (v: string): string => v;
/**
 * PostgreSQL prints `2025-02-24 09:30:00.5+00` (timestamptz) or `2025-02-24 09:30:00` (timestamp);
 * JavaScript wants `+00:00` and an explicit zone, so both are rewritten before parsing.
 */
export function parseTimestamp(v: string): string {
  if (v === 'infinity' || v === '-infinity') return v;
  let iso = v
    .replace(' ', 'T')
    .replace(/([+-]\d\d)$/, '$1:00')
    .replace(/([+-]\d\d)(\d\d)$/, '$1:$2');
  if (!/(Z|[+-]\d\d:\d\d(:\d\d)?)$/.test(iso)) iso += 'Z';
  return new Date(iso).toISOString();
}

/** The namespace of the store's default dataset and of what every dataset shares (accounts). */
export const SHARED_NAMESPACE = 'public';

/** The `search_path` of a namespace: its own tables first, then the shared ones. */
export function searchPath(namespace: string): string {
  if (!/^[a-z][a-z0-9_]{0,62}$/.test(namespace)) throw new Error(`Not a namespace name: ${namespace}`);
  return namespace === SHARED_NAMESPACE ? SHARED_NAMESPACE : `${namespace}, ${SHARED_NAMESPACE}`;
}
