import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Warehouse } from '../../src/signals/index.ts';
import { fixture, tempDir } from './helpers.ts';

const CHILD = new URL('./ingest-child.ts', import.meta.url).pathname;

/**
 * Runs the child; when `kill` is given, SIGKILLs it `afterMs` after it announces the start of
 * `kill.file`. With `batchBytes`, the child ingests all files through one `ingestMany` in batches.
 */
function runChild(
  db: string,
  files: string[],
  kill?: { file: string; afterMs: number },
  batchBytes?: number,
): Promise<string> {
  const batch = batchBytes === undefined ? [] : ['--batch-bytes', String(batchBytes)];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, ...batch, db, ...files], {
      stdio: ['ignore', 'pipe', 'pipe'],
      // A killed ingest cannot remove its scratch folder; keep those inside the test's own folder.
      env: { ...process.env, TMPDIR: dirname(db) },
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (kill && out.includes(`start ${kill.file}\n`) && !child.killed) {
        setTimeout(() => child.kill('SIGKILL'), kill.afterMs);
      }
    });
    child.stderr.on('data', (d: Buffer) => {
      err += d.toString();
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (signal === 'SIGKILL' || code === 0) resolve(out);
      else reject(new Error(`child exited ${code}: ${err}`));
    });
  });
}

async function snapshot(db: string) {
  // Digesting every row of every table at once is the test's own work, not the ingest's: give it
  // room, so that a busy machine (the whole suite in parallel) cannot fail it for memory.
  const w = await Warehouse.open(db, { memoryLimit: '1GB', threads: 1 });
  try {
    return {
      files: await w.all('SELECT * EXCLUDE (ingested_at, seconds) FROM files ORDER BY file_id'),
      // A digest of every row (each holds its file and line): cheaper than comparing 70,000 objects.
      // The rollup's rows hold their file, and sums rounded from exact ones: they digest the same way.
      ...Object.fromEntries(
        await Promise.all(
          ['events', 'mentions', 'quarantine', 'dyad_days'].map(async (t) => [
            t,
            await w.all(
              `SELECT count(*) AS n, CAST(sum(CAST(hash(t) AS HUGEINT)) AS VARCHAR) AS digest FROM ${t} t`,
            ),
          ]),
        ),
      ),
    };
  } finally {
    w.close();
  }
}

describe('a crash in the middle of an ingest', () => {
  const tmp = tempDir();
  let files: string[];
  let big: string;
  let expected: Awaited<ReturnType<typeof snapshot>>;

  beforeAll(async () => {
    // A file large enough (~30 MB) to be killed in the middle of: real rows repeated with fresh ids.
    const rows = readFileSync(fixture('events-v2/padho__20161013151500.export.CSV'), 'utf8')
      .trimEnd()
      .split('\n');
    const out: string[] = [];
    let id = 900_000_000;
    for (let k = 0; k < 20; k++) for (const r of rows) out.push(`${id++}${r.slice(r.indexOf('\t'))}`);
    big = join(tmp.dir, '20991231000000.export.CSV');
    writeFileSync(big, `${out.join('\n')}\n`);
    files = [
      fixture('events-v2/20250103111500.export.CSV'),
      fixture('broken/mixed-problems.20190121220000.export.CSV'),
      big,
      fixture('events-v2/narayave__20190121220000.export.CSV.zip'),
      fixture('mentions-v2/aamend__mentions.csv'),
    ];
    const db = join(tmp.dir, 'reference.duckdb');
    await runChild(db, files);
    expected = await snapshot(db);
    expect(expected.files).toHaveLength(5);
    expect(expected.events).toEqual([{ n: 1215 + 28 + 20 * 3566 + (1629 - 28), digest: expect.any(String) }]);
    expect(expected.dyad_days).toEqual([{ n: expect.any(Number), digest: expect.any(String) }]);
    expect(expected.dyad_days?.[0]?.n).toBeGreaterThan(1000);
  }, 120_000);
  afterAll(() => tmp.cleanup());

  it.each([
    ['at the start of the large file', 0],
    ['early in the large file', 150],
    ['in the middle of the large file', 500],
    ['late in (or just after) the large file', 1200],
  ])(
    'killed %s, a rerun gives the same warehouse',
    async (_label, afterMs) => {
      const db = join(tmp.dir, `killed-${afterMs}.duckdb`);
      const out = await runChild(db, files, { file: big, afterMs });
      const killedInBigFile = !out.includes(`done ${big}\n`);
      const rerun = await runChild(db, files);
      expect(rerun).toContain('finished');
      expect(await snapshot(db)).toEqual(expected);
      // The point of the test is a kill inside the large file; fail loudly if the machine was too fast.
      expect(killedInBigFile || afterMs >= 1200).toBe(true);
    },
    120_000,
  );

  // The same files through ingestMany: the first four (events, ~31 MB) form one batch, one
  // transaction; the mentions file another. A kill anywhere in the first batch must leave none of its
  // four files, and the rerun (in batches too) must end where the one-file-at-a-time reference did.
  const BATCH_BYTES = 64 * 1024 * 1024;
  it.each([
    ['while its files are read and loaded', 100],
    ['in the middle of its load', 700],
  ])(
    'killed in a batch of four files %s, a rerun in batches gives the same warehouse',
    async (_label, afterMs) => {
      const db = join(tmp.dir, `killed-batch-${afterMs}.duckdb`);
      const first = files[0] as string;
      const out = await runChild(db, files, { file: first, afterMs }, BATCH_BYTES);
      // Results arrive when the whole batch is committed: no `done` means the kill hit the batch.
      const killedInBatch = !out.includes('done ');
      // All of the batch or none of it: no file, row or rejection of a half-loaded batch survives.
      const left = await snapshot(db);
      const none = { n: 0, digest: null };
      if (left.files.length === 0) {
        expect([left.events, left.quarantine, left.dyad_days]).toEqual([[none], [none], [none]]);
      } else {
        expect(left.files).toEqual(expected.files.slice(0, 4));
        expect([left.events, left.quarantine]).toEqual([expected.events, expected.quarantine]);
      }
      const rerun = await runChild(db, files, undefined, BATCH_BYTES);
      expect(rerun).toContain('finished');
      expect(rerun.match(/^done /gm)).toHaveLength(files.length);
      expect(await snapshot(db)).toEqual(expected);
      expect(killedInBatch).toBe(true);
    },
    120_000,
  );
});
