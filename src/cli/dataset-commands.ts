import { Command } from 'commander';
import { CliError, formatProblem } from '../core/index.ts';
import { importDataset, loadDataset, readDataset, writeDataset } from '../dataset/index.ts';
import { refreshSearchIndex } from '../search/index.ts';
import { BUNDLED_DATASET } from './bundled.ts';
import { type CliContext, withStore } from './context.ts';
import { progress } from './progress.ts';

function loadOrFail(ctx: CliContext, dir: string) {
  const result = loadDataset(dir);
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
    .action(async (dir: string) => {
      const { dataset } = loadOrFail(ctx, dir);
      await withStore(ctx, async (db) => {
        const bar = progress(ctx, 'Importing');
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
        ctx.out(
          report.changes === 0
            ? `${dir}: the store already holds this dataset; nothing changed`
            : `${dir}: imported (${report.changes} rows written)`,
        );
      });
    });
}

export function exportCommand(ctx: CliContext): Command {
  return new Command('export')
    .argument('<dir>', 'folder to write (created if missing; files of the same names are replaced)')
    .action(async (dir: string) => {
      await withStore(ctx, async (db) => {
        const n = writeDataset(dir, await readDataset(db));
        ctx.out(`${dir}: ${n} files written`);
      });
    });
}
