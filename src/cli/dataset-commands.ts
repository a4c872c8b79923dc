import { Command } from 'commander';
import { CliError, datasetStore, formatProblem, SHARED_NAMESPACE } from '../core/index.ts';
import { importDataset, loadDataset, readDataset, writeDataset } from '../dataset/index.ts';
import { refreshSearchIndex } from '../search/index.ts';
import { BUNDLED_DATASET } from './bundled.ts';
import { type CliContext, DATASET_OPTION, withDataset, withStore } from './context.ts';
import { progress } from './progress.ts';

function loadOrFail(ctx: CliContext, dir: string) {
  const result = loadDataset(dir, { cacheDir: ctx.config.cacheDir });
  if (!result.dataset) {
    for (const p of result.problems) ctx.err(formatProblem(p));
    throw new CliError(
      `${dir}: ${result.problems.length} problem${result.problems.length === 1 ? '' : 's'} in ${result.files} files; nothing was imported. Fix them and run again.`,
    );
  }
  return result;
}

export function validateCommand(ctx: CliContext): Command {
  return new Command('validate')
    .argument('[dir]', 'dataset folder (default: the bundled record, data/korea-japan)')
    .addHelpText(
      'after',
      '\nExits 1 and lists every problem as file:line: field: message when the folder is invalid.',
    )
    .action((dir: string = BUNDLED_DATASET) => {
      const r = loadOrFail(ctx, dir);
      ctx.out(`${dir}: ${r.files} files, no problems`);
    });
}

export function importCommand(ctx: CliContext): Command {
  return new Command('import')
    .argument('<dir>', 'dataset folder, e.g. data/korea-japan')
    .addHelpText(
      'after',
      '\nA store holds several datasets, each under the id of its dataset.yaml: importing a folder with a new\nid adds a dataset and leaves the others as they are; the same id again updates that dataset. The\nfirst dataset imported is the default one, served at the site root; others at /d/<id>/.',
    )
    .action(async (dir: string) => {
      const { dataset } = loadOrFail(ctx, dir);
      await withStore(ctx, async (store) => {
        const id = dataset!.dataset.id;
        const db = (await datasetStore(store, id, { create: true }))!;
        const bar = progress(ctx, `Importing ${id}`);
        const report = await importDataset(db, dataset!, (done, total) => bar.update(done, total)).finally(
          () => bar.stop(),
        );
        // Index what was written now, so that the first reader's search does not pay for it.
        await refreshSearchIndex(db);
        for (const [table, c] of Object.entries(report.tables)) {
          if (c.inserted + c.updated + c.removed > 0) {
            ctx.out(
              `  ${table}: ${c.inserted} added, ${c.updated} changed, ${c.removed} removed, ${c.unchanged} unchanged`,
            );
          }
        }
        const where = db.namespace === SHARED_NAMESPACE ? 'the default dataset' : `served at /d/${id}/`;
        ctx.out(
          report.changes === 0
            ? `${dir}: the store already holds dataset ${id} (${where}); nothing changed`
            : `${dir}: imported as dataset ${id} (${where}; ${report.changes} rows written)`,
        );
      });
    });
}

export function exportCommand(ctx: CliContext): Command {
  return new Command('export')
    .argument('<dir>', 'folder to write (created if missing; files of the same names are replaced)')
    .option(...DATASET_OPTION)
    .action(async (dir: string, opts: { dataset?: string }) => {
      await withDataset(ctx, opts.dataset, async (db) => {
        const n = writeDataset(dir, await readDataset(db));
        ctx.out(`${dir}: ${n} files written`);
      });
    });
}
