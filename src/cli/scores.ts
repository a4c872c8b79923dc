import { Command, InvalidArgumentError } from 'commander';
import { stringify } from 'csv-stringify/sync';
import { CliError, problemsFromZod } from '../core/index.ts';
import {
  Day,
  type ScoreLine,
  scoredAssessments,
  scoredItems,
  scoredLinks,
  scoreTable,
} from '../tracker/index.ts';
import { type CliContext, DATASET_OPTION, withDataset } from './context.ts';

const COLUMNS: (keyof ScoreLine)[] = [
  'scope',
  'group',
  'measure',
  'n',
  'unassessed',
  'value',
  'interval_low',
  'interval_high',
  'mean',
  'counted',
];

function asOfOption(raw: string): string {
  const r = Day.safeParse(raw);
  if (!r.success)
    throw new InvalidArgumentError(`${problemsFromZod(r.error.issues)[0]!.message} (e.g. 2025-12-31)`);
  if (raw > new Date().toISOString().slice(0, 10))
    throw new InvalidArgumentError('is in the future; scores are given for days that have come');
  return r.data;
}

// A plain table: the counted items are left to the csv and json formats, which keep every column.
function table(rows: ScoreLine[]): string[] {
  const cols = COLUMNS.filter((c) => c !== 'counted');
  const cell = (r: ScoreLine, c: keyof ScoreLine) => (r[c] === null ? '—' : String(r[c]));
  const widths = cols.map((c) => Math.max(c.length, ...rows.map((r) => cell(r, c).length)));
  const fmt = (cells: string[]) =>
    cells
      .map((s, i) => s.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  return [
    fmt(cols),
    fmt(widths.map((w) => '-'.repeat(w))),
    ...rows.map((r) => fmt(cols.map((c) => cell(r, c)))),
  ];
}

export function scoresCommand(ctx: CliContext): Command {
  return new Command('scores')
    .option('--as-of <date>', 'the day the scores hold for (YYYY-MM-DD)', asOfOption)
    .option('--format <format>', 'table, csv or json', 'table')
    .option(...DATASET_OPTION)
    .addHelpText(
      'after',
      '\nColumns: scope and group (party, issue area, format, heat-map cell), measure, n (items counted), unassessed,\nvalue (the percentage shown; — below the minimum n), its 95 % interval, the unrounded mean, and (csv, json)\nthe counted items with their points. See /tracker/methodology for the formulas.',
    )
    .action(async (opts: { asOf?: string; format: string; dataset?: string }) => {
      if (!['table', 'csv', 'json'].includes(opts.format))
        throw new CliError(`--format must be table, csv or json, not "${opts.format}"`);
      const asOf = opts.asOf ?? new Date().toISOString().slice(0, 10);
      const rows = await withDataset(ctx, opts.dataset, async (db) => {
        const [items, assessments, links] = await Promise.all([
          scoredItems(db),
          scoredAssessments(db),
          scoredLinks(db),
        ]);
        if (items.length === 0)
          throw new CliError(
            'The store holds no tracked items. Import a dataset first: entente import data/korea-japan',
          );
        return scoreTable(items, assessments, links, asOf);
      });
      if (opts.format === 'json') ctx.out(JSON.stringify({ as_of: asOf, scores: rows }, null, 2));
      else if (opts.format === 'csv') ctx.out(stringify(rows, { header: true, columns: COLUMNS }).trimEnd());
      else {
        ctx.out(`Scores as of ${asOf}`);
        for (const l of table(rows)) ctx.out(l);
      }
    });
}
