import { existsSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout } from 'node:timers/promises';
import cliProgress from 'cli-progress';
import { Command, Option } from 'commander';
import { stringify } from 'csv-stringify/sync';
import { CliError } from '../core/index.ts';
import {
  DEFAULT_BATCH_BYTES,
  DEFAULT_MEMORY_MB,
  DIALECTS,
  type DyadQuery,
  dyadByIssueArea,
  dyadByRoot,
  dyadQuery,
  dyadSeries,
  type FetchProgress,
  type FileKind,
  fetchGdelt,
  IngestStopped,
  issueAreaSql,
  loadCameo,
  lockHolder,
  NotGdeltError,
  rootSql,
  seriesSql,
  Warehouse,
} from '../signals/index.ts';
import { type CliContext, defaultContext } from './context.ts';

const DATA_FILE = /\.(csv|txt|zip)$/i;

/**
 * Files named on the command line, folders expanded (recursively) to the files inside that may be
 * GDELT files (.csv, .txt, .zip); the other files of those folders are `ignored`. Hidden files are
 * passed over.
 */
async function expand(paths: string[], inFolder = false): Promise<{ files: string[]; ignored: string[] }> {
  const files: string[] = [];
  const ignored: string[] = [];
  for (const p of paths) {
    let s: Awaited<ReturnType<typeof stat>>;
    try {
      s = await stat(p);
    } catch {
      throw new CliError(`${p}: no such file or folder`);
    }
    if (s.isDirectory()) {
      const names = (await readdir(p)).sort().filter((n) => !n.startsWith('.'));
      const inside = await expand(
        names.map((n) => join(p, n)),
        true,
      );
      files.push(...inside.files);
      ignored.push(...inside.ignored);
    } else if (!inFolder || DATA_FILE.test(p)) files.push(p);
    else ignored.push(p);
  }
  return { files, ignored };
}

interface OpenOptions {
  readOnly?: boolean;
  memoryMb?: number;
  /** How long to wait for another process (a server between two pages) to let go of the file. */
  waitSeconds?: number;
}

/** Opens the warehouse, or says in a {@link CliError} why it cannot and what to do. */
async function openWarehouse(ctx: CliContext, opts: OpenOptions = {}): Promise<Warehouse> {
  const path = ctx.config.signalsPath;
  const readOnly = opts.readOnly ?? false;
  if (readOnly && path !== ':memory:' && !existsSync(path)) {
    throw new CliError(
      `there is no signals warehouse at ${path} yet: load GDELT files with \`entente signals ingest <files>\` or \`entente signals fetch\` (ENTENTE_SIGNALS sets where it lives)`,
    );
  }
  const open = () =>
    Warehouse.open(path, { readOnly, memoryLimit: opts.memoryMb ? `${opts.memoryMb}MB` : undefined });
  const deadline = performance.now() + (opts.waitSeconds ?? 0) * 1000;
  let w: Warehouse | undefined;
  let told = false;
  while (!w) {
    try {
      w = await open();
    } catch (e) {
      const pid = lockHolder(e);
      if (pid === null)
        throw new CliError(`cannot open the signals warehouse ${path}: ${(e as Error).message}`);
      // `entente serve` lets go of the warehouse a moment after its last signals page.
      if (performance.now() < deadline) {
        if (!told) ctx.err(`waiting for process ${pid ?? '(unknown)'} to let go of the signals warehouse…`);
        told = true;
        await setTimeout(250);
        continue;
      }
      throw new CliError(
        readOnly
          ? `the signals warehouse ${path} is being written by another process (PID ${pid ?? 'unknown'}: \`entente signals ingest\` or \`fetch\`). Try again when it is done, or set ENTENTE_SIGNALS to another file.`
          : `the signals warehouse ${path} is open in another process (PID ${pid ?? 'unknown'}: \`entente serve\` while a page reads it, or another \`entente signals\` command). Try again when it is done (--wait sets how long to wait for it), or set ENTENTE_SIGNALS to another file.`,
      );
    }
  }
  return w;
}

async function withWarehouse<T>(
  ctx: CliContext,
  fn: (w: Warehouse) => Promise<T>,
  opts: OpenOptions = {},
): Promise<T> {
  const w = await openWarehouse(ctx, opts);
  try {
    return await fn(w);
  } catch (e) {
    // What the user can do is in its message: no stack trace.
    if (e instanceof IngestStopped) throw new CliError(e.message);
    throw e;
  } finally {
    w.close();
  }
}

const waitOption = () =>
  new Option('--wait <seconds>', 'how long to wait for another process to let go of the warehouse').default(
    '10',
  );

function seconds(value: string): number {
  const n = Number(value);
  if (!(n >= 0)) throw new CliError(`--wait must be a number of seconds, got "${value}"`);
  return n;
}

const memoryOption = () =>
  new Option('--memory-mb <n>', "DuckDB's memory limit; it spills to disk beyond it").default(
    String(DEFAULT_MEMORY_MB),
  );

function memoryMb(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 16)
    throw new CliError(`--memory-mb must be an integer of at least 16, got "${value}"`);
  return n;
}

const mb = (bytes: number) => bytes / 1e6;

const FALLBACK_NOTE = {
  none: '',
  out_of_memory: '; its batch ran out of memory and was loaded in halves',
  file_fault: '; loaded on its own after another file of its batch was refused',
} as const;

/**
 * A bar with files, rows and throughput on a terminal (not started); none elsewhere, where each file
 * gets a line instead.
 */
function filesBar(ctx: CliContext, label: 'ingest' | 'fetch') {
  if (!ctx.interactive) return undefined;
  return new cliProgress.SingleBar(
    {
      format: `${label} [{bar}] {value}/{total} files | {rows} rows | {mbps} MB/s | ETA {eta_formatted}`,
      stream: process.stderr,
      // Downloads come in bursts: the ETA averages over more of them.
      etaBuffer: label === 'fetch' ? 50 : 10,
    },
    cliProgress.Presets.shades_classic,
  );
}

function table(rows: Record<string, unknown>[]): string {
  if (rows.length === 0) return '(no rows)';
  const cols = Object.keys(rows[0] as object);
  const cell = (v: unknown) =>
    typeof v === 'number' && !Number.isInteger(v) ? v.toFixed(3) : String(v ?? '');
  const widths = cols.map((c) => Math.max(c.length, ...rows.map((r) => cell(r[c]).length)));
  const line = (vals: string[]) => vals.map((v, i) => v.padStart(widths[i] as number)).join('  ');
  return [line(cols), ...rows.map((r) => line(cols.map((c) => cell(r[c]))))].join('\n');
}

function print(ctx: CliContext, rows: Record<string, unknown>[], format: string) {
  if (format === 'json') ctx.out(JSON.stringify(rows, null, 2));
  else if (format === 'csv')
    ctx.out(
      stringify(rows, {
        header: true,
        columns: rows[0] ? Object.keys(rows[0]) : [],
        escape_formulas: true,
      }).trimEnd(),
    );
  else ctx.out(table(rows));
}

function query(opts: {
  dyad: string;
  by: string;
  directed?: boolean;
  date: string;
  from?: string;
  to?: string;
}): DyadQuery {
  orderedRange(opts.from, opts.to);
  try {
    return dyadQuery(opts);
  } catch (e) {
    // Every problem here is in what was typed: a usage error.
    throw new CliError((e as Error).message, 2);
  }
}

/** `--from` after `--to` selects nothing; say so instead of printing an empty table. */
function orderedRange(from: string | undefined, to: string | undefined) {
  // ISO dates (YYYY-MM-DD) compare as strings; malformed ones are reported by their own checks.
  if (from && to && /^\d{4}-\d{2}-\d{2}$/.test(from) && /^\d{4}-\d{2}-\d{2}$/.test(to) && from > to)
    throw new CliError(`--from ${from} is after --to ${to}: no day is in that range (did you swap them?)`, 2);
}

/** `entente signals ingest | index | status | quarantine | export | fetch`. */
export function signalsCommand(ctx: CliContext = defaultContext()): Command {
  const signals = new Command('signals')
    .description('GDELT event signals: the DuckDB warehouse, dyad indices and the GDELT fetcher')
    .addHelpText('after', `\nThe warehouse is ENTENTE_SIGNALS (default: $ENTENTE_DATA/signals.duckdb).`);

  signals
    .command('ingest')
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
        const batchMb = Number(opts.batchMb);
        if (!(batchMb > 0)) throw new CliError(`--batch-mb must be a positive number, got "${opts.batchMb}"`);
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
                { kind: opts.kind, batchBytes: batchMb * 1024 * 1024 },
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

  signals
    .command('index')
    .description(
      'Print a dyad index per period: events, mention-weighted Goldstein, QuadClass counts and shares, tone',
    )
    .requiredOption('--dyad <A-B>', 'two CAMEO country codes, e.g. KOR-JPN')
    .addOption(new Option('--by <period>', 'period').choices(['day', 'week', 'month']).default('month'))
    .addOption(new Option('--format <format>', 'output').choices(['table', 'csv', 'json']).default('table'))
    .addOption(
      new Option('--breakdown <what>', 'one row per period and CAMEO root or issue area').choices([
        'root',
        'issue-area',
      ]),
    )
    .option('--directed', 'only events from the first party to the second')
    .addOption(
      new Option('--date <basis>', 'event date (SQLDATE) or date added')
        .choices(['event', 'added'])
        .default('event'),
    )
    .option('--from <date>', 'first day, YYYY-MM-DD')
    .option('--to <date>', 'last day, YYYY-MM-DD')
    .addOption(
      new Option('--sql <dialect>', 'print the query instead of running it').choices(['duckdb', 'bigquery']),
    )
    .action(
      async (opts: {
        dyad: string;
        by: string;
        format: string;
        breakdown?: string;
        directed?: boolean;
        date: string;
        from?: string;
        to?: string;
        sql?: 'duckdb' | 'bigquery';
      }) => {
        const q = query(opts);
        if (opts.sql) {
          const d = DIALECTS[opts.sql];
          ctx.out(
            opts.breakdown === 'root'
              ? rootSql(q, d)
              : opts.breakdown === 'issue-area'
                ? issueAreaSql(q, d, loadCameo().issueAreas, loadCameo().subAreas)
                : seriesSql(q, d),
          );
          return;
        }
        await withWarehouse(
          ctx,
          async (w) => {
            const rows =
              opts.breakdown === 'root'
                ? await dyadByRoot(w, q)
                : opts.breakdown === 'issue-area'
                  ? await dyadByIssueArea(w, q)
                  : await dyadSeries(w, q);
            print(ctx, rows as unknown as Record<string, unknown>[], opts.format);
          },
          { readOnly: true },
        );
      },
    );

  signals
    .command('status')
    .description(
      'What the warehouse holds: files, rows, the event dates and the file dates they cover, quarantine counts by reason',
    )
    .option('--json', 'as JSON')
    .action(async (opts: { json?: boolean }) => {
      await withWarehouse(
        ctx,
        async (w) => {
          const s = await w.status();
          if (opts.json) return ctx.out(JSON.stringify(s, null, 2));
          ctx.out(`warehouse   ${ctx.config.signalsPath}`);
          ctx.out(
            `files       ${s.files}${
              Object.keys(s.filesByKind).length
                ? ` (${Object.entries(s.filesByKind)
                    .map(([k, n]) => `${k}: ${n}`)
                    .join(', ')})`
                : ''
            }`,
          );
          ctx.out(`events      ${s.events}`);
          ctx.out(`mentions    ${s.mentions}`);
          // GDELT dates an event by the day it happened as reported (SQLDATE), which may be years
          // before the file it came in; DATEADDED is the day of the file.
          ctx.out(
            `event dates ${s.firstDate ?? '-'} … ${s.lastDate ?? '-'}  (SQLDATE: the days events took place)`,
          );
          ctx.out(
            `file dates  ${s.firstAdded ?? '-'} … ${s.lastAdded ?? '-'}  (DATEADDED: the days GDELT published the files)`,
          );
          ctx.out(`quarantine  ${s.rowsRejected}`);
          for (const [reason, n] of Object.entries(s.rejectedByReason))
            ctx.out(`  ${reason.padEnd(18)} ${n}`);
        },
        { readOnly: true },
      );
    });

  signals
    .command('quarantine')
    .description('List rejected rows: file:line, field, reason and the line as it was')
    .option('--file <name>', 'only rows of this file (name as in `status`)')
    .option('--limit <n>', 'at most n rows', '100')
    .option('--json', 'as JSON, with the raw lines')
    .action(async (opts: { file?: string; limit: string; json?: boolean }) => {
      const limit = Number(opts.limit);
      if (!Number.isInteger(limit) || limit < 1)
        throw new CliError(`--limit must be a positive integer, got "${opts.limit}"`);
      await withWarehouse(
        ctx,
        async (w) => {
          const rows = await w.quarantine({ file: opts.file, limit });
          if (opts.json) return ctx.out(JSON.stringify(rows, null, 2));
          for (const r of rows) ctx.out(`${r.file}:${r.line}: ${r.reason}: ${r.message}`);
          if (rows.length === 0) ctx.out('The quarantine is empty.');
        },
        { readOnly: true },
      );
    });

  signals
    .command('export')
    .description('Write events, mentions, the manifest and the quarantine as Parquet files')
    .requiredOption('--parquet <dir>', 'folder to write into')
    .action(async (opts: { parquet: string }) => {
      await withWarehouse(
        ctx,
        async (w) => {
          for (const f of await w.exportParquet(opts.parquet)) ctx.out(f);
        },
        { readOnly: true },
      );
    });

  signals
    .command('fetch')
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
        for (const d of [opts.from, opts.to]) {
          if (!/^\d{4}-\d{2}-\d{2}$/.test(d)) throw new CliError(`dates must be YYYY-MM-DD, got "${d}"`, 2);
        }
        orderedRange(opts.from, opts.to);
        const concurrency = Number(opts.concurrency);
        if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 32) {
          throw new CliError('--concurrency must be an integer from 1 to 32');
        }
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
            concurrency,
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
  return signals;
}
