import type pg from 'pg';
import type { Db, Queryable } from './db.ts';
import {
  parseDate,
  parseInt8,
  parseNumeric,
  parseTimestamp,
  SHARED_NAMESPACE,
  searchPath,
  TYPE_OIDS,
} from './db.ts';
import { noteStatement } from './reads.ts';

const typeParsers: Record<number, (v: string) => unknown> = {
  [TYPE_OIDS.int8]: parseInt8,
  [TYPE_OIDS.numeric]: parseNumeric,
  [TYPE_OIDS.date]: parseDate,
  [TYPE_OIDS.timestamptz]: parseTimestamp,
  [TYPE_OIDS.timestamp]: parseTimestamp,
};

/** Connects to a PostgreSQL server. */
export async function openPostgres(connectionString: string): Promise<Db> {
  // The driver loads with the first connection, so that commands which never open a store start faster.
  const { default: driver } = await import('pg');
  const types = {
    getTypeParser: ((oid: number, format?: string) =>
      typeParsers[oid] ?? driver.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
  };
  const pool = new driver.Pool({ connectionString, types, max: 10 });
  // An idle connection that the server closes (a restart, an administrator, a dropped test database)
  // is an 'error' event on the pool; without a listener Node would end the process. The pool has
  // already discarded that connection and opens a new one for the next query, so nothing is lost.
  pool.on('error', () => {});
  // Fail at start, with the server's own message, rather than at the first page view.
  const client = await pool.connect();
  client.release();
  const wrap = (q: pg.Pool | pg.PoolClient): Queryable => ({
    async query<T>(sql: string, params?: readonly unknown[]) {
      noteStatement(sql);
      const r = await q.query(sql, params as unknown[] | undefined);
      return r.rows as T[];
    },
    async exec(sql: string) {
      noteStatement(sql);
      await q.query(sql);
    },
  });
  // Every namespace shares the pool: a connection is given the namespace's search_path when it is
  // taken, and remembers it, so the common case (the same namespace as last time) costs nothing.
  const pathOf = new WeakMap<pg.PoolClient, string>();
  const take = async (namespace: string): Promise<pg.PoolClient> => {
    const c = await pool.connect();
    if ((pathOf.get(c) ?? SHARED_NAMESPACE) !== namespace) {
      try {
        await c.query(`SET search_path TO ${searchPath(namespace)}`);
      } catch (e) {
        c.release(e as Error);
        throw e;
      }
      pathOf.set(c, namespace);
    }
    return c;
  };
  const handle = (namespace: string, close: () => Promise<void>): Db => {
    const onOne = async <T>(fn: (c: pg.PoolClient) => Promise<T>): Promise<T> => {
      const c = await take(namespace);
      try {
        return await fn(c);
      } finally {
        c.release();
      }
    };
    return {
      driver: 'pg',
      namespace,
      query: (sql, params) => onOne((c) => wrap(c).query(sql, params)),
      exec: (sql) => onOne((c) => wrap(c).exec(sql)),
      async transaction(fn) {
        const c = await take(namespace);
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
      inNamespace: (other) => handle(other, async () => {}),
      close,
    };
  };
  return handle(SHARED_NAMESPACE, () => pool.end());
}
