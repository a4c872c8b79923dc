import { join } from 'node:path';
import { Command, Option } from 'commander';
import { CliError } from '../../core/index.ts';
import { type FetchProgress, fetchGdelt } from '../../signals/index.ts';
import type { CliContext } from '../context.ts';
import { concurrency, dateRange, memoryMb, memoryOption, seconds, waitOption } from './options.ts';
import { filesBar, mb } from './progress.ts';
import { type OpenOptions, openWarehouse } from './warehouse.ts';

/** `entente signals fetch`: GDELT's files of a date range, downloaded, verified and ingested. */
export function fetchCommand(ctx: CliContext): Command {
  return new Command('fetch')
    .description(
      "Download GDELT files of a date range from GDELT's file list, verify size and MD5, retry, resume, and ingest them",
    )
    .requiredOption('--from <date>', 'first day, YYYY-MM-DD')
    .requiredOption('--to <date>', 'last day, YYYY-MM-DD')
    .addOption(new Option('--version <n>', 'GDELT version').choices(['1', '2']).default('2'))
    .option('--dir <dir>', 'download folder (default: $ENTENTE_DATA/gdelt/v<version>)')
    .option('--base-url <url>', "where the file lists are (default: GDELT's server)")
    .option('--streams <list>', 'GDELT 2.0 streams, comma-separated', 'export')
    .option('--concurrency <n>', 'parallel downloads', '4')
    .option('--no-ingest', 'download and verify only')
    .addOption(memoryOption())
    .addOption(waitOption())
    .action(
      async (opts: {
        from: string;
        to: string;
        version: '1' | '2';
        dir?: string;
        baseUrl?: string;
        streams: string;
        concurrency: string;
        ingest: boolean;
        memoryMb: string;
        wait: string;
      }) => {
        const memory = memoryMb(opts.memoryMb);
        dateRange(opts.from, opts.to);
        const parallel = concurrency(opts.concurrency);
        const version = Number(opts.version) as 1 | 2;
        const dir = opts.dir ?? join(ctx.config.dataDir, 'gdelt', `v${version}`);
        const warehouse: OpenOptions = { memoryMb: memory, waitSeconds: seconds(opts.wait) };
        // A warehouse that cannot be opened fails the command before anything is downloaded.
        if (opts.ingest) (await openWarehouse(ctx, warehouse)).close();
        // Open for each group of downloads only: between two, `entente serve` can read the warehouse.
        const ingestGroup = async (paths: string[]) => {
          const w = await openWarehouse(ctx, warehouse);
          try {
            return await w.ingestOutcomes(paths);
          } finally {
            w.close();
          }
        };
        const bar = filesBar(ctx, 'fetch');
        const started = performance.now();
        const onProgress = (p: FetchProgress) => {
          const mbps = (mb(p.bytesDone) / Math.max((performance.now() - started) / 1000, 0.001)).toFixed(1);
          if (p.event === 'listed') bar?.start(p.filesTotal, 0, { rows: 0, mbps });
          else bar?.update(p.filesDone, { rows: p.rows, mbps });
          if (!bar && p.event !== 'bytes') {
            ctx.err(
              `${p.event}${p.file ? ` ${p.file}` : ''}: ${p.filesDone}/${p.filesTotal} files, ${p.rows} rows${p.message ? ` (${p.message})` : ''}`,
            );
          }
        };
        let result: Awaited<ReturnType<typeof fetchGdelt>>;
        try {
          result = await fetchGdelt({
            version,
            from: opts.from,
            to: opts.to,
            dir,
            baseUrl: opts.baseUrl,
            streams: opts.streams.split(','),
            concurrency: parallel,
            onProgress,
            ingest: opts.ingest ? (items) => ingestGroup(items.map((i) => i.path)) : undefined,
          });
        } catch (e) {
          throw new CliError(`fetch failed: ${(e as Error).message}`);
        } finally {
          bar?.stop();
        }
        for (const p of result.listProblems) ctx.err(`file list line ${p.line}: ${p.message}`);
        const failed = result.files.filter((f) => f.status === 'failed' || f.ingestError);
        for (const f of failed) ctx.err(`${f.file.name}: ${f.error ?? `not ingested: ${f.ingestError}`}`);
        const rows = result.files.reduce((s, f) => s + (f.rows ?? 0), 0);
        ctx.out(
          `${result.files.length - failed.length} of ${result.files.length} files fetched into ${dir}; ${rows} rows ingested.`,
        );
        if (failed.length > 0) throw new CliError(`${failed.length} file(s) failed (see above)`);
      },
    );
}
