import { mkdtemp, open, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import type { FileKind } from './columns.ts';
import { detectKind } from './detect.ts';
import { type LineProblem, type Scan, scanFile, writeCleanCopy } from './prescan.ts';
import { extractZip } from './zip.ts';

export class IngestError extends Error {
  override name = 'IngestError';
}

/** The file is not a GDELT file: neither its name nor its field count is one of GDELT's formats. */
export class NotGdeltError extends IngestError {
  override name = 'NotGdeltError';
}

/**
 * A file made ready for DuckDB's line reader: what Node learnt of it in one pass (identity, line
 * count, lines DuckDB must not see) and the path of bytes DuckDB can read line for line.
 */
export interface PreparedFile {
  path: string;
  name: string;
  /** Undefined when neither the name nor the field count tells (refused unless already ingested). */
  kind: FileKind | undefined;
  /** What DuckDB reads: the file itself, its unzipped member or a cleaned copy. */
  dataPath: string;
  /** Size and MD5 of the file as published (the zip, whose MD5 GDELT lists). */
  size: number;
  md5: string;
  /** Bytes DuckDB reads (a zip's member unzipped): what a batch's size counts. */
  dataBytes: number;
  /** Physical lines of the data; the cleaned copy keeps the same numbering. */
  lines: number;
  /** Lines refused before DuckDB (bad bytes, truncated last line); they go straight to the quarantine. */
  problems: LineProblem[];
  /** Seconds spent preparing: part of the file's ingest time. */
  seconds: number;
  /** Removes the scratch copies. */
  dispose(): Promise<void>;
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

/**
 * Reads a GDELT file (plain or zipped) once in Node: unzips it, hashes it, counts its lines, finds the
 * lines DuckDB cannot read as text and, where there are any (or CRLF endings), writes a cleaned copy in
 * which they are empty so that line numbers stay those of the original.
 */
export async function prepareFile(path: string, opts: { kind?: FileKind } = {}): Promise<PreparedFile> {
  const started = performance.now();
  const name = basename(path);
  const zipped = name.toLowerCase().endsWith('.zip');
  const work = await mkdtemp(join(tmpdir(), 'entente-ingest-'));
  const dispose = () => rm(work, { recursive: true, force: true });
  try {
    let dataPath = path;
    let outer: Scan | undefined;
    if (zipped) {
      dataPath = join(work, 'member.csv');
      [outer] = await Promise.all([scanFile(path), extractZip(path, dataPath)]);
    }
    const scan = await scanFile(dataPath);
    const kind = opts.kind ?? detectKind(zipped ? name.slice(0, -4) : name, await firstLines(dataPath, 20));
    if (scan.problems.length > 0 || scan.crlf) {
      const clean = join(work, 'clean.csv');
      await writeCleanCopy(dataPath, clean, scan.problems);
      dataPath = clean;
    } else if (/[*?[\]{}]/.test(dataPath)) {
      // DuckDB's read_csv takes these characters as a glob pattern (`x[1].csv` would read `x1.csv`):
      // it reads such a file through a link with a plain name.
      const link = join(work, 'data.csv');
      await symlink(resolve(dataPath), link);
      dataPath = link;
    }
    return {
      path,
      name,
      kind,
      dataPath,
      size: outer?.size ?? scan.size,
      md5: outer?.md5 ?? scan.md5,
      dataBytes: scan.size,
      lines: scan.lines,
      problems: scan.problems,
      seconds: (performance.now() - started) / 1000,
      dispose,
    };
  } catch (e) {
    await dispose();
    throw e;
  }
}
