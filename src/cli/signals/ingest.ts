import { stat } from 'node:fs/promises';
import { Command, Option } from 'commander';
import { CliError } from '../../core/index.ts';
import { DEFAULT_BATCH_BYTES, type FileKind, NotGdeltError } from '../../signals/index.ts';
import type { CliContext } from '../context.ts';
import { expand } from './files.ts';
import { batchMb, memoryMb, memoryOption, seconds, waitOption } from './options.ts';
import { filesBar, mb } from './progress.ts';
import { withWarehouse } from './warehouse.ts';

const FALLBACK_NOTE = {
  none: '',
  out_of_memory: '; its batch ran out of memory and was loaded in halves',
  file_fault: '; loaded on its own after another file of its batch was refused',
} as const;

/** `entente signals ingest <paths...>`: files and folders into the warehouse, a line per file. */
export function ingestCommand(ctx: CliContext): Command {
  return new Command('ingest')
    .description(
      'Load GDELT event or mentions files (plain or .zip; folders are searched) into the warehouse. A file already ingested (same MD5) is skipped; bad rows go to the quarantine.',
    )
    .argument('<paths...>', 'files or folders')
    .addOption(
      new Option('--kind <kind>', 'format, when the file name does not tell').choices([
        'events-v1',
        'events-v2',
        'mentions-v2',
      ]),
    )
    .option(
      '--batch-mb <n>',
      'load consecutive files together, one transaction per this many MB: larger is faster, smaller uses less memory',
      String(DEFAULT_BATCH_BYTES / 2 ** 20),
    )
    .addOption(memoryOption())
    .addOption(waitOption())
    .action(
      async (paths: string[], opts: { kind?: FileKind; batchMb: string; memoryMb: string; wait: string }) => {
        const batch = batchMb(opts.batchMb);
        const memory = memoryMb(opts.memoryMb);
        const wait = seconds(opts.wait);
        const { files, ignored } = await expand(paths);
        // Files that are not GDELT files (by name here, by name and field count below) are skipped
        // and listed: one stray file in a folder does not fail the run.
        const notGdelt = [...ignored];
        for (const f of ignored) ctx.err(`${f}: skipped: not a GDELT file (not .csv, .txt or .zip)`);
        if (files.length === 0)
          throw new CliError(
            `no GDELT files found in the given paths${ignored.length ? ` (${ignored.length} other file(s) skipped)` : ''}`,
          );
        const sizes = await Promise.all(files.map(async (f) => (await stat(f)).size));
        await withWarehouse(
          ctx,
          async (w) => {
            const bar = filesBar(ctx, 'ingest');
            bar?.start(files.length, 0, { rows: 0, mbps: '0.0' });
            const started = performance.now();
            let rows = 0;
            let bytes = 0;
            let accepted = 0;
            let rejected = 0;
            const failed: string[] = [];
            let done = 0;
            let memoryRetries = 0;
            try {
              await w.ingestMany(
                files,
                (r) => {
                  if ('error' in r && r.error instanceof NotGdeltError) {
                    notGdelt.push(r.path);
                    ctx.err(
                      `${r.path}: skipped: not a GDELT file (neither its name nor its field count is a GDELT format; --kind names one)`,
                    );
                  } else if ('error' in r) {
                    failed.push(r.path);
                    ctx.err(`${r.path}: not ingested: ${r.error.message}`);
                  } else {
                    if (r.fallback === 'out_of_memory') memoryRetries++;
                    accepted += r.status === 'ingested' ? r.accepted : 0;
                    rejected += r.status === 'ingested' ? r.rejected : 0;
                    rows += r.lines;
                    const note =
                      r.status === 'skipped'
                        ? 'already ingested, skipped'
                        : `${r.accepted} accepted, ${r.rejected} rejected${r.rejected ? ' (see `entente signals quarantine`)' : ''}${FALLBACK_NOTE[r.fallback ?? 'none']}`;
                    if (!bar) ctx.err(`${r.path}: ${note}`);
                  }
                  bytes += sizes[done] as number;
                  done++;
                  const secs = (performance.now() - started) / 1000;
                  bar?.update(done, { rows, mbps: (mb(bytes) / Math.max(secs, 0.001)).toFixed(1) });
                },
                { kind: opts.kind, batchBytes: batch * 1024 * 1024 },
              );
            } finally {
              bar?.stop();
            }
            if (memoryRetries > 0 && bar) {
              ctx.err(
                `${memoryRetries} file(s) were loaded in smaller batches after DuckDB ran out of memory: a lower --batch-mb or a higher --memory-mb avoids the retry.`,
              );
            }
            const skipped = notGdelt.filter((f) => files.includes(f)).length;
            const considered = files.length - skipped;
            ctx.out(
              `${considered - failed.length} of ${considered} files; ${accepted} rows accepted, ${rejected} rejected.`,
            );
            if (notGdelt.length > 0) {
              ctx.out(`${notGdelt.length} file(s) skipped, not GDELT files:`);
              for (const f of notGdelt) ctx.out(`  ${f}`);
            }
            if (failed.length > 0)
              throw new CliError(`${failed.length} file(s) could not be ingested (see above)`);
          },
          { memoryMb: memory, waitSeconds: wait },
        );
      },
    );
}
