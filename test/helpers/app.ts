import path from 'node:path';
import type { Db } from '../../src/core/index.ts';
import { importDataset } from '../../src/dataset/index.ts';
import { createApp } from '../../src/web/index.ts';
import { BUNDLED, MINI, mustLoad } from './datasets.ts';
import { pgliteFrom } from './templates.ts';

/** An app on an in-memory store holding the dataset of `dir` (copied from a template where one holds it). */
export async function appWith(dir: string): Promise<{ app: ReturnType<typeof createApp>; db: Db }> {
  const full = path.resolve(dir);
  const template = full === BUNDLED ? 'bundled' : full === MINI ? 'mini' : undefined;
  const db = await pgliteFrom(template ?? 'empty');
  if (!template) await importDataset(db, mustLoad(dir));
  return { app: createApp({ db }), db };
}
