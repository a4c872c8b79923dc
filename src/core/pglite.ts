import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import type { Db, Queryable } from './db.ts';
import { parseDate, parseInt8, parseNumeric, parseTimestamp, TYPE_OIDS } from './db.ts';
import { lockFolder } from './folder-lock.ts';

const parsers = {
  [TYPE_OIDS.int8]: parseInt8,
  [TYPE_OIDS.numeric]: parseNumeric,
  [TYPE_OIDS.date]: parseDate,
  [TYPE_OIDS.timestamptz]: parseTimestamp,
  [TYPE_OIDS.timestamp]: parseTimestamp,
};

/** The embedded store, which can also hand back a copy of its files to open another store from. */
export interface PgliteDb extends Db {
  dump(): Promise<Blob>;
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
    // Loaded here, not with the module, so that commands that open no store (`--help`) do not pay for it.
    const [{ PGlite }, { pg_trgm }] = await Promise.all([
      import('@electric-sql/pglite'),
      import('@electric-sql/pglite/contrib/pg_trgm'),
    ]);
    pg = await PGlite.create(dir, { parsers, extensions: { pg_trgm }, loadDataDir: options.from });
  } catch (e) {
    release();
    throw e;
  }
  const wrap = (q: Pick<PGlite, 'query' | 'exec'>): Queryable => ({
    async query<T>(sql: string, params?: readonly unknown[]) {
      const r = await q.query<T>(sql, params as unknown[] | undefined);
      return r.rows;
    },
    async exec(sql: string) {
      await q.exec(sql);
    },
  });
  const self = wrap(pg);
  return {
    driver: 'pglite',
    ...self,
    transaction: (fn) => pg.transaction((tx) => fn(wrap(tx))),
    close: () => pg.close().finally(release),
    dump: () => pg.dumpDataDir('none'),
  };
}
