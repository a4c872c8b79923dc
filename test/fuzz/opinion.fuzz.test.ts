import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CliError, type Db, readTextFile } from '../../src/core/index.ts';
import { getSurveySeries, parseResultsCsv } from '../../src/opinion/index.ts';
import { type CliSession, cliSession } from '../helpers/cli.ts';
import {
  bounded,
  digestTables,
  expectLocated,
  mutateAll,
  nastyString,
  runs,
  TIMEOUT,
  textMutation,
} from './arbitraries.ts';

/**
 * Generated results CSVs through `entente opinion import`, into a store holding the mini dataset
 * (series eai-genron-joint-poll). One case is one file: either written from generated columns and
 * rows, or a valid file damaged (bytes, lines, fields).
 */

const SERIES = 'eai-genron-joint-poll';
const COLUMNS = [
  'question',
  'wave',
  'answer',
  'share',
  'source_publisher',
  'source_quality',
  'source_url',
  'source_document',
  'source_title',
  'source_date',
  'source_quote',
  'source_gloss',
  'source_note',
  'series',
  'n',
  'ci_low',
];
const VALID = [
  'question,wave,answer,share,source_publisher,source_url,source_quality,source_quote',
  'jp-impression-of-korea,2023-jpn,good,37.4,Genron NPO,https://www.genron-npo.net/press/2023/10/npo11.html,primary,"「良い」印象は37.4%"',
  'jp-impression-of-korea,2023-jpn,bad,32.8,Genron NPO,https://www.genron-npo.net/press/2023/10/npo11.html,primary,',
].join('\n');

// Values a column may hold: right ones for this series, right ones for another column, and garbage.
const cell = fc.oneof(
  fc.constantFrom(
    'jp-impression-of-korea',
    'kr-impression-of-japan',
    'no-such-question',
    '2023-jpn',
    '2023-kor',
    'good',
    'bad',
    'maybe',
    '37.4',
    '0',
    '100',
    '100.1',
    '-1',
    'ten',
    '1e2',
    '',
    'Genron NPO',
    'primary',
    'news',
    'secondary',
    'https://www.genron-npo.net/',
    'javascript:alert(1)',
    '2023-10-01',
    '2023-13-01',
    '=HYPERLINK("http://evil.example","x")',
    '"quoted, with comma"',
    '"unterminated',
    '""',
  ),
  nastyString,
);
const csvField = (v: string) =>
  /[",\n\r]/.test(v) && !v.startsWith('"') ? `"${v.replaceAll('"', '""')}"` : v;
const generated = fc
  .tuple(
    fc.shuffledSubarray([...COLUMNS, 'extra', ''], { minLength: 1 }),
    fc.array(fc.array(cell, { minLength: 0, maxLength: 18 }), { maxLength: 12 }),
    fc.constantFrom('\n', '\r\n', '\r'),
  )
  .map(([header, rows, eol]) => [header.join(','), ...rows.map((r) => r.map(csvField).join(','))].join(eol));
const damaged = fc
  .array(textMutation(fc.array(cell, { maxLength: 10 }).map((r) => r.map(csvField).join(','))), {
    minLength: 1,
    maxLength: 4,
  })
  .map((ms) => mutateAll(Buffer.from(VALID), ms, ','));
const csvFile = fc.oneof(
  { weight: 3, arbitrary: generated.map((s) => Buffer.from(s)) },
  { weight: 3, arbitrary: damaged },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 600 }).map(Buffer.from) },
);

describe('fuzz: the opinion CSV importer', () => {
  let session: CliSession;
  let db: Db;
  let dir: string;
  const tables = ['survey_series', 'survey_questions', 'survey_waves', 'survey_results'];

  beforeAll(async () => {
    session = cliSession('entente-fuzz-opinion-', { template: 'mini' });
    db = await session.openStore();
    dir = mkdtempSync(path.join(tmpdir(), 'entente-fuzz-csv-'));
  });
  afterAll(async () => {
    await session.cleanup();
    rmSync(dir, { recursive: true, force: true });
  });

  it(
    'imports any CSV whole or refuses it naming file:line and column, changing nothing',
    async () => {
      const file = path.join(dir, 'results.csv');
      let before: Record<string, string> | undefined;
      const tally = { unreadable: 0, refused: 0, imported: 0 };
      await fc.assert(
        fc.asyncProperty(csvFile, async (bytes) => {
          writeFileSync(file, bytes);
          const read = readTextFile(file);
          const series = (await getSurveySeries(db, SERIES))!;
          const parsed = read.problem
            ? undefined
            : await bounded('parse', () => parseResultsCsv(read.text!, file, series));
          if (read.problem) expectLocated([read.problem], (f) => f === file);
          if (parsed) {
            expectLocated(parsed.problems, (f) => f === file);
            const lines = read.text!.split(/\r\n|\r|\n/).length;
            for (const p of parsed.problems) expect(p.line ?? 1).toBeLessThanOrEqual(lines);
          }

          before ??= await digestTables(db, tables);
          session.err.length = 0;
          const outcome = await bounded('import', () =>
            session.entente('opinion', 'import', file, '--series', SERIES).then(
              () => undefined,
              (e: unknown) => e,
            ),
          );
          if (outcome === undefined) {
            expect(parsed?.problems, 'imported a file the parser refused').toEqual([]);
            tally.imported++;
            before = undefined;
            return;
          }
          expect(outcome).toBeInstanceOf(CliError);
          expect(
            Boolean(read.problem) || (parsed?.problems.length ?? 0) > 0,
            (outcome as Error).message,
          ).toBe(true);
          if (read.problem) tally.unreadable++;
          else {
            tally.refused++;
            // The command lists each problem as file:line: column: message.
            expect(session.err).toHaveLength(parsed!.problems.length);
            for (const line of session.err) expect(line.startsWith(`${file}:`)).toBe(true);
          }
          expect(await digestTables(db, tables)).toEqual(before);
        }),
        runs(80),
      );
      process.stdout.write(
        `opinion fuzz: ${tally.unreadable} unreadable, ${tally.refused} refused, ${tally.imported} imported\n`,
      );
    },
    TIMEOUT,
  );
});
