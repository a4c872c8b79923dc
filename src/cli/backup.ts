import { once } from 'node:events';
import { createReadStream, createWriteStream, existsSync, renameSync, rmSync, statSync } from 'node:fs';
import { finished } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import { Command } from 'commander';
import { MAX_LINE_BYTES, readLines, restoreBackup, writeBackup } from '../core/backup/index.ts';
import {
  CliError,
  type Db,
  datasetStore,
  formatProblem,
  storedDatasets,
  ValidationError,
} from '../core/index.ts';
import { type CliContext, DATASET_OPTION, datasetOf, withStore } from './context.ts';
import { progress } from './progress.ts';

const HOW_TO_RUNNING = `
A server on PostgreSQL can be backed up while it runs: the backup reads one consistent snapshot.
The embedded store is held by the process that serves it: stop \`entente serve\` first, back up,
then start it again.`;

const ONE_DATASET = `A backup holds one dataset: the default one with the accounts, or with --dataset <id> another
one's records. A store that holds several is backed up one dataset at a time.`;

/**
 * What a backup reads: the dataset asked for, or the default one with the accounts when the store
 * holds no other (a backup that silently left datasets out would lose them at its restore).
 */
async function backedUp(store: Db, id: string | undefined): Promise<Db> {
  if (id !== undefined) return datasetOf(store, id);
  const held = await storedDatasets(store);
  if (held.length > 1) {
    throw new CliError(
      `The store holds ${held.length} datasets (${held.map((d) => d.id).join(', ')}) and a backup holds one; back up each with --dataset <id> (the default one, ${held[0]!.id}, carries the accounts).`,
    );
  }
  return store;
}

export function backupCommand(ctx: CliContext): Command {
  return new Command('backup')
    .argument('<file>', 'the backup to write (gzip-compressed lines; .jsonl.gz is a good name)')
    .option('--force', 'replace the file if it exists')
    .option(...DATASET_OPTION)
    .addHelpText('after', `${HOW_TO_RUNNING}\n${ONE_DATASET}`)
    .action(async (file: string, opts: { force?: boolean; dataset?: string }) => {
      if (existsSync(file) && !opts.force) {
        throw new CliError(`${file} exists; choose another name or pass --force to replace it`);
      }
      // Written beside the target and renamed at the end, so a failed backup never replaces a good one.
      const partial = `${file}.partial`;
      const gzip = createGzip();
      const out = createWriteStream(partial);
      gzip.pipe(out);
      const bar = progress(ctx, 'Backing up');
      try {
        const report = await withStore(ctx, async (store) =>
          writeBackup(
            await backedUp(store, opts.dataset),
            async (line) => {
              if (!gzip.write(`${line}\n`)) await once(gzip, 'drain');
            },
            (done, total) => bar.update(done, total),
          ),
        );
        gzip.end();
        await finished(out);
        renameSync(partial, file);
        const tables = report.header.tables.filter((t) => t.rows > 0).length;
        ctx.out(
          `${file}: ${report.rows} rows of ${tables} tables backed up (${Math.ceil(statSync(file).size / 1024)} KiB)`,
        );
      } catch (e) {
        gzip.destroy();
        out.destroy();
        rmSync(partial, { force: true });
        throw e;
      } finally {
        bar.stop();
      }
    });
}

export function restoreCommand(ctx: CliContext): Command {
  return new Command('restore')
    .argument('<file>', 'a file written by `entente backup`')
    .option('--dataset <id>', 'restore a backup made with --dataset <id> as that dataset, beside the others')
    .addHelpText(
      'after',
      '\nThe store must be empty and at the schema of the Entente that made the backup; a backup made on\nthe embedded store restores into PostgreSQL and back. Point ENTENTE_DATA at a new folder or\nDATABASE_URL at a new database.',
    )
    .action(async (file: string, opts: { dataset?: string }) => {
      if (!existsSync(file) || !statSync(file).isFile()) throw new CliError(`${file}: no such file`);
      const bar = progress(ctx, 'Restoring');
      try {
        const report = await withStore(ctx, async (store) =>
          restoreBackup(
            opts.dataset === undefined ? store : (await datasetStore(store, opts.dataset, { create: true }))!,
            file,
            readLines(createReadStream(file).pipe(createGunzip()), MAX_LINE_BYTES),
            (done, total) => bar.update(done, total),
          ),
        );
        ctx.out(
          `${file}: ${report.rows} rows restored (backup of ${report.header.created_at}, ${report.header.driver === 'pg' ? 'PostgreSQL' : 'embedded store'})`,
        );
      } catch (e) {
        if (e instanceof ValidationError) {
          for (const p of e.problems) ctx.err(formatProblem(p));
          throw new CliError(`${file}: not restored; the store is as it was`);
        }
        if ((e as { code?: string }).code === 'Z_DATA_ERROR') {
          throw new CliError(`${file}: not a gzip file written by \`entente backup\`; nothing was restored`);
        }
        throw e;
      } finally {
        bar.stop();
      }
    });
}
