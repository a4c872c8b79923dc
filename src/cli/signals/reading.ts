import { Command, Option } from 'commander';
import {
  DIALECTS,
  dyadByIssueArea,
  dyadByRoot,
  dyadSeries,
  issueAreaSql,
  loadCameo,
  rootSql,
  seriesSql,
} from '../../signals/index.ts';
import type { CliContext } from '../context.ts';
import { limit, query } from './options.ts';
import { print } from './output.ts';
import { withWarehouse } from './warehouse.ts';

/** `entente signals index`: a dyad index, printed or as the SQL that computes it. */
export function indexCommand(ctx: CliContext): Command {
  return new Command('index')
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
}

/** `entente signals status`: what the warehouse holds. */
export function statusCommand(ctx: CliContext): Command {
  return new Command('status')
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
}

/** `entente signals quarantine`: the rejected rows. */
export function quarantineCommand(ctx: CliContext): Command {
  return new Command('quarantine')
    .description('List rejected rows: file:line, field, reason and the line as it was')
    .option('--file <name>', 'only rows of this file (name as in `status`)')
    .option('--limit <n>', 'at most n rows', '100')
    .option('--json', 'as JSON, with the raw lines')
    .action(async (opts: { file?: string; limit: string; json?: boolean }) => {
      const most = limit(opts.limit);
      await withWarehouse(
        ctx,
        async (w) => {
          const rows = await w.quarantine({ file: opts.file, limit: most });
          if (opts.json) return ctx.out(JSON.stringify(rows, null, 2));
          for (const r of rows) ctx.out(`${r.file}:${r.line}: ${r.reason}: ${r.message}`);
          if (rows.length === 0) ctx.out('The quarantine is empty.');
        },
        { readOnly: true },
      );
    });
}

/** `entente signals export --parquet <dir>`: the warehouse as Parquet files. */
export function exportCommand(ctx: CliContext): Command {
  return new Command('export')
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
}
