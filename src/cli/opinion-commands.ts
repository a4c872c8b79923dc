import { Command } from 'commander';
import { CliError, formatProblem, readTextFile } from '../core/index.ts';
import { getSurveySeries, parseResultsCsv, RESULT_COLUMNS, writeResults } from '../opinion/index.ts';
import { type CliContext, DATASET_OPTION, withDataset } from './context.ts';

/** `entente opinion import`: survey results from CSV into a series already in the store. */
export function opinionCommand(ctx: CliContext): Command {
  const opinion = new Command('opinion');
  opinion
    .command('import')
    .description('Import survey results of one series from CSV (all rows or none; idempotent)')
    .argument('<file>', 'CSV file with a header row')
    .requiredOption('--series <id>', 'the survey series the results belong to, e.g. eai-genron-joint-poll')
    .option(...DATASET_OPTION)
    .addHelpText(
      'after',
      `\nColumns: question, wave, answer, share (percent), source_publisher, source_quality (primary | news | mirror),\nand source_url or source_document; optional source_title, source_date, source_quote, source_gloss, source_note.\nA results download (${RESULT_COLUMNS.length} columns) can be imported back: its derived columns are ignored.\nEvery row is checked; on any problem nothing is written and each is listed as file:line: column: message.\nA figure already in the store (same question, wave and answer) is updated; a new one is added.`,
    )
    .action(async (file: string, opts: { series: string; dataset?: string }) => {
      const read = readTextFile(file);
      if (read.problem) throw new CliError(`${formatProblem(read.problem)}; nothing was imported.`);
      const text = read.text;
      await withDataset(ctx, opts.dataset, async (db) => {
        const series = await getSurveySeries(db, opts.series);
        if (!series)
          throw new CliError(
            `Survey series "${opts.series}" is not in the store; import its dataset first (entente import <dir>).`,
          );
        const { results, problems } = parseResultsCsv(text, file, series);
        if (problems.length > 0) {
          for (const p of problems) ctx.err(formatProblem(p));
          throw new CliError(
            `${file}: ${problems.length} problem${problems.length === 1 ? '' : 's'}; nothing was imported. Fix them and run again.`,
          );
        }
        const r = await writeResults(db, series.id, results);
        ctx.out(
          `${file}: ${results.length} results for ${series.id}: ${r.inserted} added, ${r.updated} changed, ${r.unchanged} unchanged`,
        );
      });
    });
  return opinion;
}
