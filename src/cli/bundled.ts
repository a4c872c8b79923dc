import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CliError, type Db, datasetStore, formatProblem } from '../core/index.ts';
import { importDataset, loadDataset } from '../dataset/index.ts';
import { refreshSearchIndex } from '../search/index.ts';
import type { CliContext } from './context.ts';

const DATA = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../data');

/** The record shipped with Entente: the store's default dataset on a first start, validated by default. */
export const BUNDLED_DATASET = path.join(DATA, 'korea-japan');

/** Every dataset shipped with Entente, the default one first: a first start imports them all. */
export const BUNDLED_DATASETS = [BUNDLED_DATASET, path.join(DATA, 'us-japan-korea')];

/**
 * Imports the bundled datasets into a store that holds none (a first start); a store that holds any
 * dataset is left as it is. Returns whether it imported.
 */
export async function importBundled(ctx: CliContext, db: Db, why: string): Promise<boolean> {
  const [row] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM datasets');
  if (row && row.n > 0) return false;
  const started = performance.now();
  for (const dir of BUNDLED_DATASETS) {
    ctx.err(`${why}: importing the bundled record from ${dir}`);
    const loaded = loadDataset(dir, { cacheDir: ctx.config.cacheDir });
    if (!loaded.dataset) {
      for (const p of loaded.problems) ctx.err(formatProblem(p));
      throw new CliError(`The bundled dataset ${dir} is invalid; see the problems above.`);
    }
    const store = (await datasetStore(db, loaded.dataset.dataset.id, { create: true }))!;
    const report = await importDataset(store, loaded.dataset);
    // Indexed now, so that the first reader's search does not pay for it.
    await refreshSearchIndex(store);
    ctx.err(`Imported ${report.changes} rows in ${Math.round(performance.now() - started)} ms`);
  }
  return true;
}
