import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type IngestResult,
  parseLine,
  parseMasterList,
  parseV1Lists,
  REJECT_REASONS,
  Warehouse,
} from '../../src/signals/index.ts';
import { fixture, tempDir, zipOf } from '../signals/helpers.ts';
import { bounded, mutateAll, nastyString, runs, TIMEOUT, textMutation } from './arbitraries.ts';

/**
 * Real GDELT lines (test/fixtures/gdelt), damaged: fields set to bad dates, numbers and codes,
 * fields added or removed, bytes changed, lines cut. Two targets: the file-list parsers (one case
 * is one damaged list) and the ingest (one case is one small file, 1 to 8 lines, plain or zipped,
 * ingested into one warehouse shared by the whole run).
 */

const lines = (p: string, n: number) => readFileSync(fixture(p), 'utf8').split('\n').slice(0, n);
const SOURCES = {
  'events-v2': {
    lines: lines('events-v2/narayave__20190121220000.export.CSV', 200),
    name: '20190121220000.export.CSV',
  },
  'events-v1': { lines: lines('events-v1/aamend__events1.csv', 100), name: '20140701.export.CSV' },
  'mentions-v2': {
    lines: lines('mentions-v2/aamend__mentions.csv', 100),
    name: '20150218230000.mentions.CSV',
  },
} as const;
type Kind = keyof typeof SOURCES;

// What a GDELT field may be turned into: malformed dates, numbers, codes, separators.
const fieldValue = fc.oneof(
  fc.constantFrom(
    '',
    '20181345',
    '20190230',
    '00000000',
    '99991231',
    '2019012',
    '201902',
    '1899',
    'x12',
    '-1',
    '1e400',
    '99999999999999999999',
    'NaN',
    'Infinity',
    '11.0',
    '-10.5',
    '"-2.5"',
    '999',
    '05',
    '0',
    '042',
    'KOR',
    '\t',
    '\t\t',
    ';',
    '\r',
    '\u0000',
    '\u0001',
    ' ',
  ),
  fc.integer().map(String),
  fc.double().map(String),
  nastyString,
);
const fieldEdit = fc.record({ column: fc.nat(62), value: fieldValue });

const gdeltFile = fc.record({
  kind: fc.constantFrom<Kind>('events-v2', 'events-v1', 'mentions-v2'),
  start: fc.nat(),
  count: fc.integer({ min: 1, max: 8 }),
  edits: fc.array(fc.record({ line: fc.nat(), edit: fieldEdit }), { maxLength: 4 }),
  damage: fc.array(textMutation(fc.constantFrom('', 'a\tb', '\t'.repeat(60))), { maxLength: 2 }),
  zipped: fc.oneof({ weight: 4, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
  zipDamage: fc.option(fc.record({ at: fc.nat(), byte: fc.integer({ min: 0, max: 255 }) })),
  terminated: fc.oneof(
    { weight: 5, arbitrary: fc.constant(true) },
    { weight: 1, arbitrary: fc.constant(false) },
  ),
});

// A field-level reason names its field; the others are about the whole line.
const LINE_REASONS = new Set(['column_count', 'invalid_utf8', 'control_character', 'truncated_line']);

describe('fuzz: GDELT file lists', () => {
  const master = readFileSync(fixture('metadata/v2_masterfilelist_english.txt')).subarray(0, 6000);
  const sizes = lines('metadata/v1_event_file_list.txt', 60).join('\n');
  const md5s = lines('metadata/v1_event_md5sums.txt', 60).join('\n');
  const damage = fc.array(
    textMutation(
      fc.oneof(nastyString, fc.constantFrom('1 x y', '12 0123456789abcdef0123456789abcdef', '-1 a.zip')),
    ),
    { minLength: 1, maxLength: 4 },
  );
  const nonBlank = (t: string) => t.split('\n').filter((l) => l.trim() !== '').length;

  it('reads any damaged master list into files and problems, one for each line', () => {
    fc.assert(
      fc.property(damage, (ms) => {
        const text = mutateAll(master, ms, ' ').toString('utf8');
        const r = parseMasterList(text);
        expect(r.files.length + r.problems.length).toBe(nonBlank(text));
        const n = text.split('\n').length;
        for (const p of r.problems) {
          expect(p.line >= 1 && p.line <= n).toBe(true);
          expect(p.message).toMatch(/not "<size> <md5> <url>"/);
        }
        for (const f of r.files) expect(f.md5).toMatch(/^[0-9a-f]{32}$/);
      }),
      runs(300),
    );
  });

  it('joins any damaged pair of v1 lists into files and located problems', () => {
    fc.assert(
      fc.property(damage, damage, (a, b) => {
        const s = mutateAll(Buffer.from(sizes), a, ' ').toString('utf8');
        const m = mutateAll(Buffer.from(md5s), b, '  ').toString('utf8');
        const r = parseV1Lists(s, m, 'http://data.gdeltproject.org/events/');
        // A sizes line is a file, a problem, or a file GDELT lists that holds no events (skipped).
        expect(r.files.length).toBeLessThanOrEqual(nonBlank(s));
        const most = Math.max(s.split('\n').length, m.split('\n').length);
        for (const p of r.problems) {
          expect(p.line >= 1 && p.line <= most).toBe(true);
          expect(p.message).toMatch(/^(filesizes|md5sums): /);
        }
        for (const f of r.files) expect(new URL(f.url).origin).toBe('http://data.gdeltproject.org');
      }),
      runs(300),
    );
  });
});

describe('fuzz: GDELT files through the ingest', () => {
  let w: Warehouse;
  let scratch: ReturnType<typeof tempDir>;
  beforeAll(async () => {
    w = await Warehouse.open(':memory:');
    scratch = tempDir();
  });
  afterAll(() => {
    w.close();
    scratch.cleanup();
  });

  it(
    'accepts or quarantines every line of any damaged file, each rejection with its line, field and reason',
    async () => {
      let n = 0;
      // Each case's events get GLOBALEVENTIDs of their own, so that a duplicate is one the case made.
      let nextId = 9_000_000_000;
      const tally = { files: 0, refused: 0, lines: 0, accepted: 0, rejected: 0 };
      await fc.assert(
        fc.asyncProperty(gdeltFile, async (g) => {
          const src = SOURCES[g.kind];
          const picked = Array.from(
            { length: g.count },
            (_, i) => src.lines[(g.start + i) % src.lines.length]!,
          );
          const rows = picked.map((l) => l.split('\t'));
          if (g.kind !== 'mentions-v2') for (const r of rows) r[0] = String(nextId++);
          for (const { line, edit } of g.edits) {
            const r = rows[line % rows.length]!;
            r[edit.column % (r.length + 1)] = edit.value;
          }
          let data = mutateAll(
            Buffer.from(rows.map((r) => r.join('\t')).join('\n') + (g.terminated ? '\n' : '')),
            g.damage,
            '\t',
          );
          const name = `fz${n++}.${src.name}`;
          let file = path.join(scratch.dir, name);
          if (g.zipped) {
            data = zipOf(name, data);
            if (g.zipDamage) data[g.zipDamage.at % data.length] = g.zipDamage.byte;
            file += '.zip';
          }
          writeFileSync(file, data);
          try {
            const outcome = await bounded('ingest', () =>
              w.ingest(file).then(
                (r) => r,
                (e: unknown) => e as Error,
              ),
            );
            if (outcome instanceof Error) {
              // A file refused whole (a damaged zip, no GDELT format): the error names it.
              expect(outcome.name).toMatch(/^(IngestError|NotGdeltError|ZipError)$/);
              expect(outcome.message).toContain(file);
              tally.refused++;
              return;
            }
            const r: IngestResult = outcome;
            tally.files++;
            tally.lines += r.lines;
            tally.accepted += r.accepted;
            tally.rejected += r.rejected;
            expect(r.accepted + r.rejected, JSON.stringify(r)).toBe(r.lines);
            if (r.status === 'skipped') return;
            const q = await w.quarantine({ file: path.basename(file) });
            expect(q).toHaveLength(r.rejected);
            const seen = new Set<number>();
            for (const x of q) {
              const shown = JSON.stringify(x);
              expect(x.line >= 1 && x.line <= r.lines, shown).toBe(true);
              expect(seen.has(x.line), `line ${x.line} quarantined twice`).toBe(false);
              seen.add(x.line);
              expect(Object.keys(REJECT_REASONS), shown).toContain(x.reason);
              if (!LINE_REASONS.has(x.reason)) expect(x.field, shown).toBeTruthy();
              expect(x.message, shown).toBeTruthy();
            }
          } finally {
            rmSync(file, { force: true });
          }
        }),
        runs(30),
      );
      expect(tally.files + tally.refused).toBeGreaterThan(0);
      process.stdout.write(`gdelt fuzz: ${JSON.stringify(tally)}\n`);
    },
    TIMEOUT,
  );

  it('parses any damaged line with the reference reader into a full row or nothing', () => {
    fc.assert(
      fc.property(gdeltFile, ({ kind, start, edits }) => {
        const src = SOURCES[kind];
        const r = src.lines[start % src.lines.length]!.split('\t');
        for (const { edit } of edits) r[edit.column % (r.length + 1)] = edit.value;
        const row = parseLine(kind, r.join('\t'));
        if (row) expect(Object.keys(row).length).toBeGreaterThanOrEqual(r.length - 1);
      }),
      runs(300),
    );
  });
});
