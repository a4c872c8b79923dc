// The batched ingest (Warehouse.ingestMany) must store exactly what ingesting the files one at a time
// stores: same manifest, rows, lines, rejections and results. These tests check it from the outside:
// file contents are read here with fs, independently of the code under test.
import { spawnSync } from 'node:child_process';
import { copyFileSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  IngestError,
  type IngestFailure,
  type IngestOptions,
  type IngestResult,
  IngestStopped,
  Warehouse,
  ZipError,
} from '../../src/signals/index.ts';
import { countLines, fixture, tempDir } from './helpers.ts';

type Outcome = IngestResult | IngestFailure;

const NARAYAVE = fixture('events-v2/narayave__20190121220000.export.CSV');
const NARAYAVE_ZIP = fixture('events-v2/narayave__20190121220000.export.CSV.zip');
const MIXED = fixture('broken/mixed-problems.20190121220000.export.CSV');
const TRUNCATED = fixture('broken/truncated.20190121220000.export.CSV');
const TRUNCATED_ZIP = fixture('broken/truncated.20190121220000.export.CSV.zip');
const CLEAN = fixture('events-v2/20250104170000.export.CSV'); // 795 rows
const CLEAN2 = fixture('events-v2/20250103111500.export.CSV'); // 1215 rows

/** Bad lines of broken/mixed-problems (fixtures README); line 14 (a stray quote) is accepted. */
const MIXED_BAD = [
  [2, 'bad_date'],
  [4, 'bad_number'],
  [6, 'unknown_cameo'],
  [8, 'column_count'],
  [10, 'out_of_range'],
  [12, 'invalid_utf8'],
  [16, 'bad_number'],
  [18, 'duplicate_event'],
  [20, 'bad_date'],
  [22, 'control_character'],
  [24, 'column_count'],
  [26, 'cameo_mismatch'],
] as const;

/** A file's lines as text, numbered from 1 at index 0; a CRLF file's CRs dropped. The zip: its member. */
function textLines(path: string): string[] {
  const source = path === NARAYAVE_ZIP ? NARAYAVE : path;
  return readFileSync(source, 'utf8')
    .split('\n')
    .map((l) => l.replace(/\r$/, ''));
}
const idAt = (lines: string[], line: number) => lines[line - 1]?.split('\t')[0];

/** An ingest clock that moves one second at each reading. */
function clock(): () => Date {
  let t = Date.UTC(2026, 0, 1);
  return () => {
    t += 1000;
    return new Date(t);
  };
}

/**
 * The manifest's files grouped by ingest time, in file order. A batch is one transaction, stamped
 * once: with a {@link clock}, its files share a time that no other batch has. (A batch that fell back
 * to loading its files one by one would show one group per file, with every row still right.)
 */
async function committedTogether(w: Warehouse): Promise<string[][]> {
  const rows = await w.all(
    `SELECT string_agg(name, '|' ORDER BY file_id) AS names FROM files GROUP BY ingested_at ORDER BY min(file_id)`,
  );
  return rows.map((r) => String(r.names).split('|'));
}

async function ingestMany(w: Warehouse, paths: string[], opts: IngestOptions = {}): Promise<Outcome[]> {
  const out: Outcome[] = [];
  await w.ingestMany(paths, (r) => out.push(r), opts);
  return out;
}

function ok(r: Outcome | undefined): IngestResult {
  if (!r || 'error' in r) throw new Error(`expected a result, got ${r ? r.error.message : 'nothing'}`);
  return r;
}

/** What a result says, minus the timing. */
const said = (r: Outcome) =>
  'error' in r
    ? { path: r.path, error: r.error.message }
    : {
        path: r.path,
        name: r.name,
        kind: r.kind,
        status: r.status,
        fileId: r.fileId,
        size: r.size,
        md5: r.md5,
        lines: r.lines,
        accepted: r.accepted,
        rejected: r.rejected,
      };

/** Everything the warehouse holds that an ingest writes, in a comparable form. */
async function contents(w: Warehouse) {
  const perFile = (table: string) =>
    w.all(
      `SELECT file_id, count(*) AS n, CAST(sum(CAST(hash(t) AS HUGEINT)) AS VARCHAR) AS digest
       FROM ${table} t GROUP BY file_id ORDER BY file_id`,
    );
  return {
    files: await w.all('SELECT * EXCLUDE (ingested_at, seconds) FROM files ORDER BY file_id'),
    events: await perFile('events'),
    mentions: await perFile('mentions'),
    dyad_days: await perFile('dyad_days'),
    quarantine: await w.all('SELECT * FROM quarantine ORDER BY file_id, line, reason'),
  };
}

/**
 * Checks, for every stored row of the files in `results`, that its line holds its GLOBALEVENTID, and
 * for every rejection, that its raw text is that line: rows name the right file and line.
 */
async function expectRowsAtTheirLines(w: Warehouse, results: Outcome[]) {
  const byId = new Map<number, string>();
  for (const r of results) if (!('error' in r) && r.status === 'ingested') byId.set(r.fileId, r.path);
  const text = new Map([...byId].map(([id, path]) => [id, textLines(path)]));
  const ids = [...byId.keys()].join(', ');
  let checked = 0;
  for (const table of ['events', 'mentions']) {
    const rows = await w.all(
      `SELECT file_id, line, CAST(GLOBALEVENTID AS VARCHAR) AS id FROM ${table} WHERE file_id IN (${ids})`,
    );
    for (const row of rows) {
      const lines = text.get(Number(row.file_id)) as string[];
      if (idAt(lines, Number(row.line)) !== row.id) {
        expect.fail(`${byId.get(Number(row.file_id))} line ${row.line}: stored GLOBALEVENTID ${row.id}`);
      }
      checked++;
    }
  }
  const rejected = await w.all(`SELECT file_id, line, reason, raw FROM quarantine WHERE file_id IN (${ids})`);
  for (const q of rejected) {
    const lines = text.get(Number(q.file_id)) as string[];
    const raw = String(q.raw).replace(/\r$/, '');
    if (lines[Number(q.line) - 1] !== raw) {
      expect.fail(
        `${byId.get(Number(q.file_id))} line ${q.line} (${q.reason}): quarantined raw is another line`,
      );
    }
    checked++;
  }
  return checked;
}

describe('a batched ingest stores what one file at a time stores', () => {
  // Batches with BATCH_BYTES (a batch closes once its files reach that many bytes, or at a change of
  // format): [A] 4 events-v2 files, [B] 4 events-v2 files, [C] 2 events-v1 files, [D] the mentions
  // file, [E] 2 events-v2 files. The broken files are cut from narayave's first lines, so their
  // GLOBALEVENTIDs repeat across files of one batch and across batches.
  const BATCH_BYTES = 500_000;
  const BATCHES = [
    [
      'events-v2/aamend__events.csv',
      'broken/mixed-problems.20190121220000.export.CSV',
      'events-v2/20250104170000.export.CSV',
      'events-v2/narayave__20190121220000.export.CSV.zip',
    ],
    [
      'broken/crlf.20190121220000.export.CSV',
      'broken/semicolon.20190121220000.export.CSV',
      'events-v2/aamend__events.csv@2632828e.csv',
      'events-v2/20250103111500.export.CSV',
    ],
    ['events-v1/aamend__events1.csv', 'events-v1/lumify__small.export.txt'],
    ['mentions-v2/aamend__mentions.csv'],
    ['broken/truncated.20190121220000.export.CSV', 'events-v2/narayave__20190121220000.export.CSV'],
  ].map((b) => b.map(fixture));
  const FILES = BATCHES.flat();

  let batched: Warehouse;
  let single: Warehouse;
  let fromBatches: Outcome[];
  let fromSingles: Outcome[];

  beforeAll(async () => {
    [batched, single] = await Promise.all([Warehouse.open(':memory:'), Warehouse.open(':memory:')]);
    fromBatches = await ingestMany(batched, FILES, { batchBytes: BATCH_BYTES, now: clock() });
    fromSingles = [];
    for (const f of FILES) fromSingles.push(await single.ingest(f));
  });
  afterAll(() => {
    batched?.close();
    single?.close();
  });

  it('loads the intended batches, each as one', async () => {
    // The sizes behind the grouping: each batch but its last file stays under BATCH_BYTES; the events
    // batches A, B and E reach it with their last file.
    const bytes = (b: string[]) => b.reduce((s, f) => s + statSync(f).size, 0);
    for (const b of BATCHES) expect(bytes(b.slice(0, -1))).toBeLessThan(BATCH_BYTES);
    for (const b of [BATCHES[0], BATCHES[1], BATCHES[4]] as string[][]) {
      expect(bytes(b)).toBeGreaterThanOrEqual(BATCH_BYTES);
    }
    expect(await committedTogether(batched)).toEqual(BATCHES.map((b) => b.map((f) => basename(f))));
  });

  it('reports every file, in input order, as ingesting it alone does', () => {
    expect(fromBatches.map((r) => r.path)).toEqual(FILES);
    expect(fromBatches.map(said)).toEqual(fromSingles.map(said));
    expect(fromBatches.every((r) => !('error' in r) && r.status === 'ingested')).toBe(true);
  });

  it('holds the same manifest, rows, rollup and quarantine', async () => {
    const [a, b] = await Promise.all([contents(batched), contents(single)]);
    expect(a.files).toHaveLength(FILES.length);
    expect(a.quarantine.length).toBeGreaterThan(1700);
    expect(a).toEqual(b);
  });

  it('accepted + rejected equals the line count of every file, in the results and in the tables', async () => {
    const stored = new Map(
      (
        await batched.all(
          `SELECT f.file_id, f.lines,
             (SELECT count(*) FROM events e WHERE e.file_id = f.file_id)
             + (SELECT count(*) FROM mentions m WHERE m.file_id = f.file_id) AS rows,
             (SELECT count(*) FROM quarantine q WHERE q.file_id = f.file_id) AS rejected
           FROM files f`,
        )
      ).map((r) => [Number(r.file_id), r]),
    );
    for (const r of fromBatches.map(ok)) {
      const lines = r.path === NARAYAVE_ZIP ? countLines(NARAYAVE) : countLines(r.path);
      expect({ file: r.path, lines: r.lines, total: r.accepted + r.rejected }).toEqual({
        file: r.path,
        lines,
        total: lines,
      });
      expect(stored.get(r.fileId)).toEqual({
        file_id: r.fileId,
        lines,
        rows: r.accepted,
        rejected: r.rejected,
      });
    }
  });

  it('keeps each row at its own file and line', async () => {
    // Every line of every file is either a row or a rejection, and each was checked.
    const lines = fromBatches.map(ok).reduce((n, r) => n + r.lines, 0);
    expect(lines).toBe(5819);
    expect(await expectRowsAtTheirLines(batched, fromBatches)).toBe(lines);
  });
});

describe('line numbers and file ids inside one batch', () => {
  // One batch (default size): a clean file first, so the others' lines sit far from the batch start.
  let w: Warehouse;
  let results: IngestResult[];
  beforeAll(async () => {
    w = await Warehouse.open(':memory:');
    results = (await ingestMany(w, [CLEAN, MIXED, TRUNCATED], { now: clock() })).map(ok);
  });
  afterAll(() => w?.close());

  it('loads the three files as one batch', async () => {
    expect(await committedTogether(w)).toEqual([[basename(CLEAN), basename(MIXED), basename(TRUNCATED)]]);
  });

  it('gives the files consecutive ids, in order', () => {
    expect(results.map((r) => [basename(r.path), r.status, r.fileId])).toEqual([
      [basename(CLEAN), 'ingested', 1],
      [basename(MIXED), 'ingested', 2],
      [basename(TRUNCATED), 'ingested', 3],
    ]);
  });

  it('accepted + rejected equals the line count of each file', () => {
    for (const r of results) {
      expect([r.lines, r.accepted + r.rejected]).toEqual([countLines(r.path), countLines(r.path)]);
    }
    expect(results.map((r) => [r.accepted, r.rejected])).toEqual([
      [795, 0],
      [28, 12],
      [12, 19],
    ]);
  });

  it('names the file and line of every rejection', async () => {
    // The truncated file repeats narayave's lines 1–30, as mixed-problems does on its odd lines: its
    // rows whose GLOBALEVENTID mixed-problems stored (earlier in the batch) are duplicates.
    const mixed = textLines(MIXED);
    const bad = new Set<number>(MIXED_BAD.map(([line]) => line));
    const storedByMixed = new Set(
      mixed.slice(0, 40).flatMap((l, i) => (bad.has(i + 1) ? [] : [l.split('\t')[0]])),
    );
    const truncated = textLines(TRUNCATED);
    const truncatedExpected = [
      ...truncated
        .slice(0, 30)
        .flatMap((l, i) => (storedByMixed.has(l.split('\t')[0]) ? [[i + 1, 'duplicate_event']] : [])),
      [31, 'truncated_line'],
    ];
    expect(truncatedExpected).toHaveLength(19);
    const q = await w.quarantine();
    expect(q.map((x) => [x.file, x.line, x.reason])).toEqual([
      ...MIXED_BAD.map(([line, reason]) => [basename(MIXED), line, reason]),
      ...truncatedExpected.map(([line, reason]) => [basename(TRUNCATED), line, reason]),
    ]);
    // Each rejection holds its own line's text (the cut line: what is left of it).
    for (const x of q) {
      const lines = x.file === basename(MIXED) ? mixed : truncated;
      expect([x.file, x.line, x.raw]).toEqual([x.file, x.line, lines[x.line - 1]]);
    }
  });

  it("stores each accepted row with its file's id and its line in that file", async () => {
    const rows = await w.all(
      'SELECT file_id, line, CAST(GLOBALEVENTID AS VARCHAR) AS id FROM events ORDER BY file_id, line',
    );
    expect(rows).toHaveLength(795 + 28 + 12);
    const text = new Map(results.map((r) => [r.fileId, textLines(r.path)]));
    const wrong = rows.filter((r) => idAt(text.get(Number(r.file_id)) as string[], Number(r.line)) !== r.id);
    expect(wrong).toEqual([]);
    // Which lines of each file are rows: all of the clean file's, the good ones of the others.
    expect(rows.filter((r) => r.file_id === 1).map((r) => r.line)).toEqual(
      Array.from({ length: 795 }, (_, i) => i + 1),
    );
    expect(rows.filter((r) => r.file_id === 2).map((r) => r.line)).toEqual(
      Array.from({ length: 40 }, (_, i) => i + 1).filter((l) => !MIXED_BAD.some(([b]) => b === l)),
    );
    expect(rows.filter((r) => r.file_id === 3).map((r) => r.line)).toEqual([
      2, 4, 6, 8, 10, 12, 16, 18, 20, 22, 24, 26,
    ]);
  });
});

describe('the same events twice in one batch', () => {
  const tmp = tempDir();
  afterAll(() => tmp.cleanup());

  it('keeps them from the earlier file; the later file’s copies go to the quarantine at their own lines', async () => {
    // A second file holding CLEAN's rows in reverse order, one row dropped and one new event inserted:
    // other bytes (another MD5), the same GLOBALEVENTIDs at other lines.
    const clean = readFileSync(CLEAN, 'utf8').trimEnd().split('\n');
    const fresh = `1999999999${(clean[0] as string).slice((clean[0] as string).indexOf('\t'))}`;
    const reordered = clean.filter((_, i) => i !== 99).reverse();
    reordered.splice(400, 0, fresh);
    const second = join(tmp.dir, 'reordered.20250104170000.export.CSV');
    writeFileSync(second, `${reordered.join('\n')}\n`);

    const w = await Warehouse.open(':memory:');
    try {
      const results = (await ingestMany(w, [CLEAN, second, CLEAN2], { now: clock() })).map(ok);
      expect(await committedTogether(w)).toEqual([[basename(CLEAN), basename(second), basename(CLEAN2)]]);
      expect(results.map((r) => [r.fileId, r.status, r.lines, r.accepted, r.rejected])).toEqual([
        [1, 'ingested', 795, 795, 0],
        [2, 'ingested', 795, 1, 794],
        [3, 'ingested', 1215, 1215, 0],
      ]);
      const q = await w.quarantine();
      expect(q).toHaveLength(794);
      expect(q.every((x) => x.file === basename(second) && x.reason === 'duplicate_event')).toBe(true);
      expect(q.map((x) => [x.line, x.value, x.raw])).toEqual(
        reordered.flatMap((l, i) => (i === 400 ? [] : [[i + 1, l.split('\t')[0], l]])),
      );
      // The earlier file keeps every event at its own line; the later one only the new event.
      const kept = await w.all(
        'SELECT file_id, line, CAST(GLOBALEVENTID AS VARCHAR) AS id FROM events WHERE file_id <= 2 ORDER BY file_id, line',
      );
      expect(kept).toEqual([
        ...clean.map((l, i) => ({ file_id: 1, line: i + 1, id: l.split('\t')[0] })),
        { file_id: 2, line: 401, id: '1999999999' },
      ]);
      const [{ dupes }] = (await w.all(
        'SELECT count(*) - count(DISTINCT GLOBALEVENTID) AS dupes FROM events',
      )) as [{ dupes: number }];
      expect(dupes).toBe(0);
    } finally {
      w.close();
    }
  });
});

describe('the same bytes twice in one batch', () => {
  const tmp = tempDir();
  afterAll(() => tmp.cleanup());

  it('skips the copy with the first file’s id and adds nothing twice', async () => {
    const copy = join(tmp.dir, 'copy-of.20250103111500.export.CSV');
    copyFileSync(CLEAN2, copy);
    const list = [CLEAN2, copy, CLEAN];
    const w = await Warehouse.open(':memory:');
    const alone = await Warehouse.open(':memory:');
    try {
      const results = (await ingestMany(w, list)).map(ok);
      expect(
        results.map((r) => [r.path, r.name, r.status, r.fileId, r.lines, r.accepted, r.rejected]),
      ).toEqual([
        [CLEAN2, basename(CLEAN2), 'ingested', 1, 1215, 1215, 0],
        [copy, basename(copy), 'skipped', 1, 1215, 1215, 0],
        [CLEAN, basename(CLEAN), 'ingested', 2, 795, 795, 0],
      ]);
      expect(results[1]?.md5).toBe(results[0]?.md5);
      expect(await w.status()).toMatchObject({ files: 2, events: 1215 + 795, rowsRejected: 0 });
      expect((await w.manifest()).map((m) => m.name)).toEqual([basename(CLEAN2), basename(CLEAN)]);

      // As one at a time.
      const one: Outcome[] = [];
      for (const f of list) one.push(await alone.ingest(f));
      expect(results.map(said)).toEqual(one.map(said));

      // The whole list again: every file skipped, with its id; nothing added.
      const before = await contents(w);
      const again = (await ingestMany(w, list)).map(ok);
      expect(again.map((r) => [r.status, r.fileId])).toEqual([
        ['skipped', 1],
        ['skipped', 1],
        ['skipped', 2],
      ]);
      expect(await contents(w)).toEqual(before);
    } finally {
      w.close();
      alone.close();
    }
  });
});

describe('a bad file in the middle of a batch', () => {
  const tmp = tempDir();
  afterAll(() => tmp.cleanup());

  it('is reported as a failure with its path; the others are ingested; results come in input order', async () => {
    const readme = join(tmp.dir, 'README.export.CSV');
    copyFileSync(fixture('README.md'), readme);
    const v2 = fixture('events-v2/aamend__events.csv');
    const list = [CLEAN, TRUNCATED_ZIP, MIXED, readme, v2, CLEAN2];
    const w = await Warehouse.open(':memory:');
    const alone = await Warehouse.open(':memory:');
    try {
      const results = await ingestMany(w, list);
      expect(results.map((r) => r.path)).toEqual(list);
      const [a, zip, b, notGdelt, c, d] = results;
      expect(zip).toMatchObject({ path: TRUNCATED_ZIP, error: expect.any(ZipError) });
      expect(notGdelt).toMatchObject({ path: readme, error: expect.any(IngestError) });
      expect((notGdelt as IngestFailure).error.message).toMatch(/cannot tell the GDELT format/);
      expect([a, b, c, d].map((r) => [ok(r).status, ok(r).fileId, ok(r).accepted, ok(r).rejected])).toEqual([
        ['ingested', 1, 795, 0],
        ['ingested', 2, 28, 12],
        ['ingested', 3, 100, 0],
        ['ingested', 4, 1215, 0],
      ]);
      expect((await w.manifest()).map((m) => m.name)).toEqual(
        [CLEAN, MIXED, v2, CLEAN2].map((p) => basename(p)),
      );
      expect(await w.status()).toMatchObject({ events: 795 + 28 + 100 + 1215, rowsRejected: 12 });
      await expectRowsAtTheirLines(w, results);

      // As one at a time, where a bad file throws.
      const one: Outcome[] = [];
      for (const f of list) {
        try {
          one.push(await alone.ingest(f));
        } catch (e) {
          one.push({ path: f, error: e as IngestError });
        }
      }
      expect(results.map(said)).toEqual(one.map(said));
      expect(await contents(w)).toEqual(await contents(alone));
    } finally {
      w.close();
      alone.close();
    }
  });

  it('a file that fails only when its batch is loaded is refused alone: the rest of its batch goes in', async () => {
    // Node reads a file when it prepares its batch, DuckDB when it loads it; a file changed in between
    // (here: two lines appended) is read with more lines than were counted, and refused. Node prepares
    // the next batch while DuckDB loads the current one, so the change is made when the first batch
    // (two real files, ~2,000 rows: slow to load next to preparing two files of 100 lines) is reported.
    // Batches of two files: [CLEAN2, CLEAN] [x1, x2] [x3].
    const other = readFileSync(fixture('events-v2/20241210143000.export.CSV'), 'utf8').trimEnd().split('\n');
    const part = (k: number, n = 100) => `${other.slice(k * 100, k * 100 + n).join('\n')}\n`;
    const xs = [1, 2, 3].map((k) => {
      const p = join(tmp.dir, `x${k}.20241210143000.export.CSV`);
      writeFileSync(p, part(k - 1));
      return p;
    });
    const changed = xs[0] as string;
    const paths = [CLEAN2, CLEAN, ...xs];
    const w = await Warehouse.open(':memory:');
    try {
      const results: Outcome[] = [];
      await w.ingestMany(
        paths,
        (r) => {
          results.push(r);
          if (r.path === CLEAN) writeFileSync(changed, part(0) + part(10, 2));
        },
        { batchFiles: 2 },
      );
      expect(results.map((r) => r.path)).toEqual(paths);
      // Were x1 read after the change, it would be ingested with 102 lines: the test would prove nothing.
      expect(results[2], 'x1 was prepared before the first batch was committed').toMatchObject({
        path: changed,
        error: expect.any(IngestError),
      });
      expect((results[2] as IngestFailure).error.message).toContain(changed);
      expect(
        results.filter((r) => r !== results[2]).map((r) => [basename(r.path), ok(r).fileId, ok(r).accepted]),
      ).toEqual([
        [basename(CLEAN2), 1, 1215],
        [basename(CLEAN), 2, 795],
        ['x2.20241210143000.export.CSV', 3, 100],
        ['x3.20241210143000.export.CSV', 4, 100],
      ]);
      expect(await w.status()).toMatchObject({ files: 4, events: 1215 + 795 + 200, rowsRejected: 0 });
      await expectRowsAtTheirLines(w, results);
    } finally {
      w.close();
    }
  });
});

describe('an error that is not a file’s, while the next batch is being prepared', () => {
  const tmp = tempDir();
  afterAll(() => tmp.cleanup());

  it('a file DuckDB cannot read (a 9 MB line) is refused alone; the rest of its batch goes in', async () => {
    const clean = readFileSync(CLEAN, 'utf8').split('\n');
    const long = join(tmp.dir, 'long-alone.20250104170000.export.CSV');
    writeFileSync(long, `${clean.slice(0, 2).join('\n')}\n${'x'.repeat(9_000_000)}\n`);
    const w = await Warehouse.open(join(tmp.dir, 'alone.duckdb'));
    try {
      const out = await ingestMany(w, [CLEAN, long, CLEAN2]);
      expect(out.map((r) => r.path)).toEqual([CLEAN, long, CLEAN2]);
      expect(ok(out[0]).accepted).toBe(795);
      expect('error' in (out[1] as Outcome) && (out[1] as IngestFailure).error).toBeInstanceOf(IngestError);
      expect((out[1] as IngestFailure).error.message).toMatch(/Maximum line size/);
      expect(ok(out[2]).accepted).toBe(1215);
      const [{ n }] = (await w.all('SELECT count(*) AS n FROM files')) as [{ n: number }];
      expect(n).toBe(2);
    } finally {
      w.close();
    }
  });

  // A batch's load runs while Node prepares the next batch. An error of that load (here the child's
  // own callback throwing on the file DuckDB refuses for its 9 MB line) must reject ingestMany, not
  // end the process as an unhandled rejection that skips the caller's error report and close.
  it('ingestMany rejects (it does not crash the process with an unhandled rejection)', () => {
    const clean = readFileSync(CLEAN, 'utf8').split('\n');
    const long = join(tmp.dir, 'long-line.20250104170000.export.CSV');
    writeFileSync(long, `${clean.slice(0, 2).join('\n')}\n${'x'.repeat(9_000_000)}\n`);
    // The long file fills a batch by itself; the next batch (24 files) is still being prepared when
    // DuckDB gives up on it.
    const child = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        fileURLToPath(new URL('./ingest-child.ts', import.meta.url)),
        '--batch-bytes',
        '8000000',
        join(tmp.dir, 'w.duckdb'),
        long,
        ...Array<string>(24).fill(CLEAN),
      ],
      { encoding: 'utf8', env: { ...process.env, TMPDIR: tmp.dir }, timeout: 60_000 },
    );
    expect(child.stderr).not.toMatch(/triggerUncaughtException|unhandled/i);
    expect(child.stdout).toMatch(/^error .*Maximum line size/m);
    expect(child.status).toBe(3);
  });
});

describe('a load that fails inside its transaction', () => {
  const tmp = tempDir();
  afterAll(() => tmp.cleanup());

  // The load turns DuckDB's preserve_insertion_order off for its INSERT. When the INSERT fails (out of
  // memory, here forced by a 24 MB limit) the setting must still come back: on an unordered
  // connection the next load's temp table of lines loses its order, and rows land at wrong lines
  // without any error (the fetcher goes on after a failed file).
  it('after a load fails in its INSERT (out of memory), the next ingest still keeps each row at its line', async () => {
    const rows = readFileSync(fixture('events-v2/padho__20161013151500.export.CSV'), 'utf8')
      .trimEnd()
      .split('\n');
    const repeat = (times: number, firstId: number) => {
      const out: string[] = [];
      let id = firstId;
      for (let k = 0; k < times; k++) for (const r of rows) out.push(`${id++}${r.slice(r.indexOf('\t'))}`);
      return out;
    };
    const tooBig = join(tmp.dir, '20991230000000.export.CSV'); // ~3 MB
    writeFileSync(tooBig, `${repeat(2, 700_000_000).join('\n')}\n`);
    const next = repeat(6, 800_000_000); // ~8.5 MB: read by several threads
    const nextPath = join(tmp.dir, '20991231000000.export.CSV');
    writeFileSync(nextPath, `${next.join('\n')}\n`);

    const w = await Warehouse.open(join(tmp.dir, 'w.duckdb'), { memoryLimit: '24MB', threads: 2 });
    try {
      await expect(w.ingest(tooBig)).rejects.toThrow(IngestStopped);
      // Memory is available again (the next files are smaller, or another process let go of some).
      await w.duck.run(`SET memory_limit = '1GB'`);
      const r = await w.ingest(nextPath);
      expect(r).toMatchObject({ status: 'ingested', accepted: next.length, rejected: 0 });
      const stored = await w.all(`SELECT line, CAST(GLOBALEVENTID AS VARCHAR) AS id FROM events`);
      const misplaced = stored.filter((s) => next[Number(s.line) - 1]?.split('\t')[0] !== s.id).length;
      expect(misplaced, 'rows stored at a line that holds another event').toBe(0);
    } finally {
      w.close();
    }
  });
});

describe('a batch that runs out of memory', () => {
  const tmp = tempDir();
  afterAll(() => tmp.cleanup());

  /** `n` real rows (the events-v2 fixtures, cycled from `skip`) with fresh GLOBALEVENTIDs. */
  function realRows(n: number, skip: number, firstId: number): string[] {
    const pool = ['20241210143000', '20241211113000', '20250103111500', '20250104170000'].flatMap((stamp) =>
      readFileSync(fixture(`events-v2/${stamp}.export.CSV`), 'utf8')
        .trimEnd()
        .split('\n')
        .map((l) => l.slice(l.indexOf('\t'))),
    );
    return Array.from({ length: n }, (_, i) => `${firstId + i}${pool[(skip + i) % pool.length]}`);
  }
  const write = (name: string, rows: string[]) => {
    const p = join(tmp.dir, name);
    writeFileSync(p, `${rows.join('\n')}\n`);
    return p;
  };
  // Two files of ~6 MB. With DuckDB 1.5.6 (the lock file's) and 2 threads, both in one INSERT need
  // more than 88 MB and each alone less than 64 MB: 76 MB sits between.
  const first = realRows(15_000, 0, 900_000_000);
  const second = realRows(15_000, 15_000, 900_015_000);
  const paths = () => [write('20991201000000.export.CSV', first), write('20991201001500.export.CSV', second)];

  it('is loaded in halves: every row goes in once, at its line, as with memory to spare', async () => {
    const files = paths();
    const tight = await Warehouse.open(join(tmp.dir, 'tight.duckdb'), { memoryLimit: '76MB', threads: 2 });
    const ample = await Warehouse.open(':memory:', { memoryLimit: '1GB', threads: 2 });
    try {
      const results = await ingestMany(tight, files);
      expect(results.map((r) => [basename(r.path), ok(r).accepted, ok(r).fallback])).toEqual([
        ['20991201000000.export.CSV', 15_000, 'out_of_memory'],
        ['20991201001500.export.CSV', 15_000, 'out_of_memory'],
      ]);
      // Two transactions, not one.
      expect(await committedTogether(tight)).toHaveLength(2);
      await expectRowsAtTheirLines(tight, results);
      const roomy = await ingestMany(ample, files);
      expect(roomy.map((r) => ok(r).fallback)).toEqual([undefined, undefined]);
      expect(await contents(tight)).toEqual(await contents(ample));
    } finally {
      tight.close();
      ample.close();
    }
  });

  it('when DuckDB gives up the database (a checkpoint finds no memory), the ingest stops; a rerun completes it', async () => {
    // Four such files at 64 MB: the batch and its halves run out of memory, three files go in alone,
    // then the checkpoint after the third fails and DuckDB invalidates the database (DuckDB 1.5.6).
    const files = [0, 1, 2, 3].map((k) =>
      write(`2099120200${k}000.export.CSV`, realRows(15_000, 15_000 * k, 910_000_000 + 15_000 * k)),
    );
    const path = join(tmp.dir, 'fatal.duckdb');
    const w = await Warehouse.open(path, { memoryLimit: '64MB', threads: 2 });
    const seen: Outcome[] = [];
    try {
      const e = await w.ingestMany(files, (r) => seen.push(r)).catch((x: unknown) => x);
      expect(e).toBeInstanceOf(IngestStopped);
      expect((e as IngestStopped).fatal).toBe(true);
      expect((e as IngestStopped).message).toMatch(
        /^DuckDB stopped the warehouse while loading .*FATAL Error.*--memory-mb above DuckDB's 64MB: it skips the files already stored/,
      );
      // What was reported before the stop is what was committed: the files before the one it names.
      const named = files.findIndex((f) => (e as Error).message.includes(f));
      expect(named).toBeGreaterThan(0);
      expect(seen.map((r) => [r.path, ok(r).status])).toEqual(
        files.slice(0, named).map((f) => [f, 'ingested']),
      );
      // The database is unusable now; the warehouse says so at once instead of failing anew.
      await expect(w.ingestMany(files, () => {})).rejects.toBe(e);
    } finally {
      w.close();
    }
    const again = await Warehouse.open(path, { memoryLimit: '1GB' });
    const ample = await Warehouse.open(':memory:', { memoryLimit: '1GB' });
    try {
      expect((await again.manifest()).map((m) => m.name)).toEqual(seen.map((r) => basename(r.path)));
      const rerun = await ingestMany(again, files);
      expect(rerun.map((r) => ok(r).status)).toEqual(
        files.map((_, i) => (i < seen.length ? 'skipped' : 'ingested')),
      );
      await ingestMany(ample, files);
      expect(await contents(again)).toEqual(await contents(ample));
    } finally {
      again.close();
      ample.close();
    }
  });

  it('a file that does not fit alone stops the ingest, says what to do, and stores nothing of it', async () => {
    const [a, b] = paths() as [string, string];
    const path = join(tmp.dir, 'small.duckdb');
    const w = await Warehouse.open(path, { memoryLimit: '16MB', threads: 2 });
    const seen: Outcome[] = [];
    try {
      const e = await w.ingestMany([a, b], (r) => seen.push(r)).catch((x: unknown) => x);
      expect(e).toBeInstanceOf(IngestStopped);
      expect((e as IngestStopped).message).toMatch(/ran out of memory .*--memory-mb above DuckDB's 16MB/);
      expect((e as IngestStopped).fatal).toBe(false);
      expect(seen).toEqual([]);
      expect(await w.status()).toMatchObject({ files: 0, events: 0, rowsRejected: 0 });
    } finally {
      w.close();
    }
    // The same command with more memory completes it.
    const again = await Warehouse.open(path, { memoryLimit: '1GB' });
    try {
      const results = await ingestMany(again, [a, b]);
      expect(results.map((r) => [ok(r).status, ok(r).accepted])).toEqual([
        ['ingested', 15_000],
        ['ingested', 15_000],
      ]);
      await expectRowsAtTheirLines(again, results);
    } finally {
      again.close();
    }
  });
});
