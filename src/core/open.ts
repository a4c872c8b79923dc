import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { Config } from './config.ts';
import { migrateDatasets } from './datasets.ts';
import type { Db } from './db.ts';
import { emptyStoreFile, forgetEmptyStore, keepEmptyStore, readEmptyStore } from './empty-store.ts';
import { loadMigrations, migrate } from './migrate.ts';
import { openPglite, type PgliteDb } from './pglite.ts';
import { openPostgres } from './postgres.ts';

/** Opens the store the configuration names and brings its schema up to date. */
export async function openStore(config: Pick<Config, 'databaseUrl' | 'dataDir' | 'cacheDir'>): Promise<Db> {
  const db = config.databaseUrl
    ? await openPostgres(config.databaseUrl)
    : await openEmbedded(path.join(config.dataDir, 'records'), config.cacheDir);
  try {
    await migrate(db);
    await migrateDatasets(db);
  } catch (e) {
    await db.close();
    throw e;
  }
  return db;
}

/**
 * Opens the embedded store in `dir`; a new one starts from the kept copy of a migrated empty store
 * (src/core/empty-store.ts) when there is one, and leaves one for the next when there is not.
 */
async function openEmbedded(dir: string, cacheDir: string | undefined): Promise<PgliteDb> {
  // PG_VERSION is the first file initdb writes and the last a store loses: without it, nothing is there.
  if (!cacheDir || existsSync(path.join(dir, 'PG_VERSION'))) return openPglite(dir);
  const migrations = loadMigrations();
  const file = emptyStoreFile(cacheDir, migrations);
  const kept = readEmptyStore(file);
  if (kept) {
    try {
      return await openPglite(dir, { from: kept });
    } catch {
      // A damaged copy: start this store the long way, and make a good copy from it.
      forgetEmptyStore(file);
      rmSync(dir, { recursive: true, force: true });
    }
  }
  const db = await openPglite(dir);
  try {
    await migrate(db, migrations);
    await migrateDatasets(db);
    await keepEmptyStore(file, await db.dump('none'));
  } catch (e) {
    await db.close();
    throw e;
  }
  return db;
}
