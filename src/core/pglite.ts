import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import type { Db, Queryable } from './db.ts';
import { parseDate, parseInt8, parseNumeric, parseTimestamp, SHARED_NAMESPACE, searchPath } from './db.ts';
import { lockFolder } from './folder-lock.ts';
import { noteStatement } from './reads.ts';

/** The embedded store, which can also hand back a copy of its files to open another store from. */
export interface PgliteDb extends Db {
  /** A copy of the store's files, as a tar archive (gzipped when asked: a tenth of the size). */
  dump(compression?: 'none' | 'gzip'): Promise<Blob>;
}

export interface PgliteOptions {
  /** Start from this copy of a store's files (`dumpPglite`) instead of an empty store. */
  from?: Blob;
}

/**
 * Opens the embedded store in `dir` (created if missing), or in memory when `dir` is undefined. A
 * folder is opened by one process at a time; a second one is told which process holds it.
 */
export async function openPglite(dir?: string, options: PgliteOptions = {}): Promise<PgliteDb> {
  let release = () => {};
  if (dir) {
    mkdirSync(dir, { recursive: true });
    release = lockFolder(path.resolve(dir));
  }
  let pg: PGlite;
  try {
    // PGlite's WebAssembly loads with the first store opened, not with every module that names a type.
    const [{ PGlite, types }, { pg_trgm }] = await Promise.all([
      import('@electric-sql/pglite'),
      import('@electric-sql/pglite/contrib/pg_trgm'),
    ]);
    const parsers = {
      [types.INT8]: parseInt8,
      [types.NUMERIC]: parseNumeric,
      [types.DATE]: parseDate,
      [types.TIMESTAMPTZ]: parseTimestamp,
      [types.TIMESTAMP]: parseTimestamp,
    };
    pg = await PGlite.create(dir, { parsers, extensions: { pg_trgm }, loadDataDir: options.from });
  } catch (e) {
    release();
    throw e;
  }
  const wrap = (q: Pick<PGlite, 'query' | 'exec'>): Queryable => ({
    async query<T>(sql: string, params?: readonly unknown[]) {
      noteStatement(sql);
      const r = await q.query<T>(sql, params as unknown[] | undefined);
      return r.rows;
    },
    async exec(sql: string) {
      noteStatement(sql);
      await q.exec(sql);
    },
  });
  // One backend serves every namespace, so a statement must run right after its namespace's
  // search_path is set, with no other handle's statement in between. PGlite runs statements one at
  // a time anyway; this queue keeps each pair together, and the path is only set when it changes.
  let current = SHARED_NAMESPACE;
  let queue: Promise<unknown> = Promise.resolve();
  const inTurn = <T>(namespace: string, fn: () => Promise<T>): Promise<T> => {
    const run = queue.then(async () => {
      if (current !== namespace) {
        await pg.exec(`SET search_path TO ${searchPath(namespace)}`);
        current = namespace;
      }
      return fn();
    });
    queue = run.catch(() => {});
    return run;
  };
  const handle = (namespace: string, close: () => Promise<void>): PgliteDb => ({
    driver: 'pglite',
    namespace,
    query: (sql, params) => inTurn(namespace, () => wrap(pg).query(sql, params)),
    exec: (sql) => inTurn(namespace, () => wrap(pg).exec(sql)),
    // A transaction holds the backend until it ends, so no queued statement changes its path; SET
    // LOCAL ends with it, leaving the session's path to the queue.
    transaction: (fn) =>
      pg.transaction(async (tx) => {
        if (current !== namespace) await tx.exec(`SET LOCAL search_path TO ${searchPath(namespace)}`);
        return fn(wrap(tx));
      }),
    inNamespace: (other) => handle(other, async () => {}),
    close,
    dump: (compression = 'none') => pg.dumpDataDir(compression),
  });
  return handle(SHARED_NAMESPACE, () => pg.close().finally(release));
}
