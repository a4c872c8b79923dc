import type { Pool, PoolClient } from 'pg';
import type { Db, Queryable } from './db.ts';
import { parseDate, parseInt8, parseNumeric, parseTimestamp, TYPE_OIDS } from './db.ts';

const typeParsers: Record<number, (v: string) => unknown> = {
  [TYPE_OIDS.int8]: parseInt8,
  [TYPE_OIDS.numeric]: parseNumeric,
  [TYPE_OIDS.date]: parseDate,
  [TYPE_OIDS.timestamptz]: parseTimestamp,
  [TYPE_OIDS.timestamp]: parseTimestamp,
};

/** Connects to a PostgreSQL server. */
export async function openPostgres(connectionString: string): Promise<Db> {
  // Loaded here, not with the module, so that commands that open no store (`--help`) do not pay for it.
  const { default: pg } = await import('pg');
  const types = {
    getTypeParser: ((oid: number, format?: string) =>
      typeParsers[oid] ?? pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
  };
  const pool = new pg.Pool({ connectionString, types, max: 10 });
  // An idle connection that the server closes (a restart, an administrator, a dropped test database)
  // is an 'error' event on the pool; without a listener Node would end the process. The pool has
  // already discarded that connection and opens a new one for the next query, so nothing is lost.
  pool.on('error', () => {});
  // Fail at start, with the server's own message, rather than at the first page view.
  const client = await pool.connect();
  client.release();
  const wrap = (q: Pool | PoolClient): Queryable => ({
    async query<T>(sql: string, params?: readonly unknown[]) {
      const r = await q.query(sql, params as unknown[] | undefined);
      return r.rows as T[];
    },
    async exec(sql: string) {
      await q.query(sql);
    },
  });
  return {
    driver: 'pg',
    ...wrap(pool),
    async transaction(fn) {
      const c = await pool.connect();
      try {
        await c.query('BEGIN');
        const result = await fn(wrap(c));
        await c.query('COMMIT');
        return result;
      } catch (e) {
        await c.query('ROLLBACK');
        throw e;
      } finally {
        c.release();
      }
    },
    close: () => pool.end(),
  };
}
