import path from 'node:path';
import type { Config } from './config.ts';
import { migrateDatasets } from './datasets.ts';
import type { Db } from './db.ts';
import { migrate } from './migrate.ts';
import { openPglite } from './pglite.ts';
import { openPostgres } from './postgres.ts';

/** Opens the store the configuration names and brings its schema up to date. */
export async function openStore(config: Pick<Config, 'databaseUrl' | 'dataDir'>): Promise<Db> {
  const db = config.databaseUrl
    ? await openPostgres(config.databaseUrl)
    : await openPglite(path.join(config.dataDir, 'records'));
  try {
    await migrate(db);
    await migrateDatasets(db);
  } catch (e) {
    await db.close();
    throw e;
  }
  return db;
}
