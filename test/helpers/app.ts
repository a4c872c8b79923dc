import type { Db } from '../../src/core/index.ts';
import { openPglite } from '../../src/core/index.ts';
import { migrate } from '../../src/core/migrate.ts';
import { importDataset } from '../../src/dataset/index.ts';
import { createApp } from '../../src/web/index.ts';
import { mustLoad } from './datasets.ts';

/** An app on an in-memory store holding the dataset of `dir`. */
export async function appWith(dir: string): Promise<{ app: ReturnType<typeof createApp>; db: Db }> {
  const db = await openPglite();
  await migrate(db);
  await importDataset(db, mustLoad(dir));
  return { app: createApp({ db }), db };
}
