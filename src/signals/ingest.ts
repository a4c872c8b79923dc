import { mkdtemp, open, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { type FileKind, FORMATS } from './columns.ts';
import { detectKind } from './detect.ts';
import type { Duck } from './duck.ts';
import { checkedSelect, quoteIdent, sqlString, targetColumns } from './ingest-sql.ts';
import { type Scan, scanFile, writeCleanCopy } from './prescan.ts';
import { rollupFile } from './rollup.ts';
import { extractZip } from './zip.ts';

/** The outcome of ingesting one file. */
export interface IngestResult {
  path: string;
  name: string;
  kind: FileKind;
  /** `skipped`: a file with the same MD5 is already in the manifest (nothing added). */
  status: 'ingested' | 'skipped';
  fileId: number;
  size: number;
  md5: string;
  lines: number;
  accepted: number;
  rejected: number;
  seconds: number;
}

export class IngestError extends Error {
  override name = 'IngestError';
}

async function firstLines(path: string, n: number): Promise<string[]> {
  const fh = await open(path, 'r');
  try {
    const buf = Buffer.alloc(256 * 1024);
    const { bytesRead } = await fh.read(buf, 0, buf.length, 0);
    return buf.subarray(0, bytesRead).toString('utf8').split('\n').slice(0, n);
  } finally {
    await fh.close();
  }
}

const readLines = (path: string) =>
  `read_csv(${sqlString(path)}, columns = {'l': 'VARCHAR'}, delim = chr(1), quote = '', escape = '',
    header = false, auto_detect = false, new_line = '\\n', max_line_size = 8388608)`;

/**
 * Loads one GDELT file (plain or zipped) into the warehouse in a single transaction: its rows, its
 * quarantined rows and its manifest entry appear together or not at all.
 */
export async function ingestFile(
  duck: Duck,
  path: string,
  opts: { kind?: FileKind; now?: () => Date } = {},
): Promise<IngestResult> {
  const started = performance.now();
  const name = basename(path);
  const zipped = name.toLowerCase().endsWith('.zip');
  const work = await mkdtemp(join(tmpdir(), 'entente-ingest-'));
  try {
    // The manifest identifies the file as published (the zip, whose MD5 GDELT lists).
    let dataPath = path;
    let outer: Scan | undefined;
    if (zipped) {
      dataPath = join(work, 'member.csv');
      [outer] = await Promise.all([scanFile(path), extractZip(path, dataPath)]);
    }
    // DuckDB keeps insertion order, so a parallel copy of the lines numbers them by rowid; a
    // row_number() window would force one thread through every later step. The copy is made before
    // the transaction (rows added inside one get rowids far above 0; the copy is scratch anyway).
    const copyLines = (from: string) =>
      duck.run(`CREATE OR REPLACE TEMP TABLE raw_lines AS SELECT l FROM ${readLines(from)}`);
    // Unless the manifest already has a file of this name and size (a rerun), DuckDB copies the lines
    // while Node hashes and checks the bytes: the two reads overlap.
    const { size: statSize } = await stat(path);
    const seen = await duck.all('SELECT 1 FROM files WHERE name = $name AND size = $size', {
      name,
      size: statSize,
    });
    const early =
      seen.length === 0
        ? copyLines(dataPath).then(
            () => undefined,
            (e: Error) => e,
          )
        : undefined;
    const scan: Scan = await scanFile(dataPath);
    const earlyError = await early;
    const size = outer?.size ?? scan.size;
    const md5 = outer?.md5 ?? scan.md5;

    const known = await duck.all(
      'SELECT file_id, name, kind, lines, rows_accepted, rows_rejected FROM files WHERE md5 = $md5',
      { md5 },
    );
    if (known[0]) {
      const k = known[0];
      return {
        path,
        name,
        kind: k.kind as FileKind,
        status: 'skipped',
        fileId: Number(k.file_id),
        size,
        md5,
        lines: Number(k.lines),
        accepted: Number(k.rows_accepted),
        rejected: Number(k.rows_rejected),
        seconds: (performance.now() - started) / 1000,
      };
    }

    const kind = opts.kind ?? detectKind(zipped ? name.slice(0, -4) : name, await firstLines(dataPath, 20));
    if (!kind) throw new IngestError(`${path}: cannot tell the GDELT format (name or field count)`);
    const format = FORMATS[kind];

    if (scan.problems.length > 0 || scan.crlf) {
      // DuckDB cannot read these bytes line for line (or read them early): use a cleaned copy.
      const clean = join(work, 'clean.csv');
      await writeCleanCopy(dataPath, clean, scan.problems);
      dataPath = clean;
      await copyLines(dataPath);
    } else if (!early || earlyError) {
      await copyLines(dataPath);
    }

    const target = targetColumns(format);
    const names = target.map((c) => quoteIdent(c.name)).join(', ');
    await duck.run('BEGIN TRANSACTION');
    try {
      const [{ id }] = (await duck.all('SELECT coalesce(max(file_id), 0) + 1 AS id FROM files')) as [
        { id: number },
      ];
      let source = '(SELECT rowid + 1 AS line, l FROM raw_lines)';
      if (scan.problems.length > 0) {
        await duck.run(
          'CREATE OR REPLACE TEMP TABLE pre_rejected (line BIGINT, reason VARCHAR, raw VARCHAR)',
        );
        const values = scan.problems.map((p) => `(${p.line}, ${sqlString(p.reason)}, ${sqlString(p.raw)})`);
        for (let i = 0; i < values.length; i += 1000) {
          await duck.run(`INSERT INTO pre_rejected VALUES ${values.slice(i, i + 1000).join(', ')}`);
        }
        source = `(SELECT * FROM ${source} WHERE line NOT IN (SELECT line FROM pre_rejected))`;
        await duck.run(
          `INSERT INTO quarantine SELECT ${id}, line, reason, NULL, NULL, raw FROM pre_rejected`,
        );
      }
      const checked = checkedSelect(format, target, source);
      // One pass loads the good rows. A second pass, only for a file with bad rows, collects them:
      // a clean file (nearly all of GDELT) is read once.
      // Rows carry their line number, so the insert may run in any order.
      await duck.run('SET preserve_insertion_order = false');
      let accepted = await duck.run(
        `INSERT INTO ${format.table} (${names}, file_id, line) SELECT ${names}, ${id}, line FROM (${checked}) WHERE problem IS NULL`,
      );
      await duck.run('RESET preserve_insertion_order');
      let rejected = scan.problems.length;
      if (accepted + rejected < scan.lines) {
        const fieldNames = `[${format.columns.map((c) => sqlString(c.name)).join(', ')}]`;
        rejected += await duck.run(`INSERT INTO quarantine
          SELECT ${id}, line, split_part(problem, '|', 1), NULLIF(split_part(problem, '|', 2), ''),
            CASE WHEN split_part(problem, '|', 1) = 'column_count' THEN CAST(len(string_split(l, chr(9))) AS VARCHAR)
                 ELSE string_split(l, chr(9))[list_position(${fieldNames}, split_part(problem, '|', 2))] END,
            l
          FROM (${checked}) WHERE problem IS NOT NULL`);
      }
      if (format.table === 'events') {
        const dupes = await quarantineDuplicates(duck, id, source);
        await rollupFile(duck, id);
        accepted -= dupes;
        rejected += dupes;
      }
      // Nothing may vanish between the file and the warehouse: every line is a row or a rejection.
      if (accepted + rejected !== scan.lines) {
        throw new IngestError(
          `${path}: ${scan.lines} lines but ${accepted} accepted + ${rejected} rejected; refusing to commit`,
        );
      }
      const seconds = (performance.now() - started) / 1000;
      const now = (opts.now ?? (() => new Date()))();
      await duck.run(
        `INSERT INTO files VALUES ($id, $name, $kind, $size, $md5, $lines, $accepted, $rejected, CAST($at AS TIMESTAMP), $seconds)`,
        {
          id,
          name,
          kind,
          size,
          md5,
          lines: scan.lines,
          accepted,
          rejected,
          at: now.toISOString().replace('T', ' ').replace('Z', ''),
          seconds,
        },
      );
      await duck.run('COMMIT');
      return {
        path,
        name,
        kind,
        status: 'ingested',
        fileId: id,
        size,
        md5,
        lines: scan.lines,
        accepted,
        rejected,
        seconds,
      };
    } catch (e) {
      await duck.run('ROLLBACK').catch(() => {});
      throw e;
    }
  } finally {
    await duck.run('DROP TABLE IF EXISTS raw_lines').catch(() => {});
    await rm(work, { recursive: true, force: true });
  }
}

/**
 * GDELT repeats some events across (and rarely within) files. The first occurrence wins; every later
 * one moves from the new file's rows to the quarantine as `duplicate_event`, so it is still counted
 * and visible. Runs inside the file's transaction; returns how many rows moved.
 */
async function quarantineDuplicates(duck: Duck, fileId: number, source: string): Promise<number> {
  await duck.run(`CREATE OR REPLACE TEMP TABLE dupes AS
    WITH fresh AS (SELECT GLOBALEVENTID AS id, line FROM events WHERE file_id = ${fileId}),
    r AS (SELECT min(id) AS lo, max(id) AS hi FROM fresh),
    earlier AS (
      SELECT DISTINCT e.GLOBALEVENTID AS id FROM events e, r
      WHERE e.file_id <> ${fileId} AND e.GLOBALEVENTID BETWEEN r.lo AND r.hi
        AND e.GLOBALEVENTID IN (SELECT id FROM fresh))
    SELECT f.line, f.id FROM fresh f WHERE f.id IN (SELECT id FROM earlier)
    UNION ALL
    SELECT line, id FROM (
      SELECT line, id, row_number() OVER (PARTITION BY id ORDER BY line) AS k FROM fresh
      WHERE id IN (SELECT id FROM fresh GROUP BY id HAVING count(*) > 1)
        AND id NOT IN (SELECT id FROM earlier))
    WHERE k > 1`);
  const [{ n }] = (await duck.all('SELECT count(*) AS n FROM dupes')) as [{ n: number }];
  if (n > 0) {
    // The loaded rows are typed; read the duplicates' lines again so the quarantine holds them verbatim.
    await duck.run(`INSERT INTO quarantine
      SELECT ${fileId}, d.line, 'duplicate_event', 'GLOBALEVENTID', CAST(d.id AS VARCHAR), s.l
      FROM dupes d JOIN ${source} s ON s.line = d.line`);
    await duck.run(`DELETE FROM events WHERE file_id = ${fileId} AND line IN (SELECT line FROM dupes)`);
  }
  await duck.run('DROP TABLE dupes');
  return n;
}
