import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { IngestOutcome } from './ingest.ts';
import {
  filesInRange,
  type ListedFile,
  type ListProblem,
  parseMasterList,
  parseV1Lists,
} from './masterlist.ts';

/** GDELT's published locations; tests and mirrors pass their own. */
export const GDELT_V2_BASE = 'http://data.gdeltproject.org/gdeltv2/';
export const GDELT_V1_BASE = 'http://data.gdeltproject.org/events/';

export interface FetchProgress {
  filesDone: number;
  filesTotal: number;
  bytesDone: number;
  bytesTotal: number;
  rows: number;
  /** The file this report is about, and what happened to it. */
  file?: string;
  event: 'listed' | 'downloaded' | 'present' | 'retry' | 'failed' | 'ingested' | 'bytes';
  message?: string;
}

export interface FetchOptions {
  version: 1 | 2;
  /** Inclusive ISO dates. */
  from: string;
  to: string;
  /** Where downloads go; a rerun finds finished files here and resumes `.part` files. */
  dir: string;
  /** Base URL of the file lists. @default GDELT's own */
  baseUrl?: string;
  /** GDELT 2.0 streams to fetch. @default ['export'] */
  streams?: string[];
  /** Parallel downloads. @default 4 */
  concurrency?: number;
  /** Attempts per file beyond the first. @default 4 */
  retries?: number;
  /** First retry delay; doubles each time. @default 1000 */
  backoffMs?: number;
  /** A download that receives nothing for this long is abandoned and retried. @default 30000 */
  idleTimeoutMs?: number;
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
  onProgress?: (p: FetchProgress) => void;
  /**
   * Loads verified files, one call at a time, in download order. Files that finish downloading while
   * a call runs wait and go together into the next call (a batch, as `Warehouse.ingestMany` loads
   * them); returns per file the rows added or why it was refused, in the order given.
   */
  ingest?: (files: { path: string; file: ListedFile }[]) => Promise<IngestOutcome[]>;
}

export interface FetchedFile {
  file: ListedFile;
  path: string;
  status: 'downloaded' | 'present' | 'failed';
  attempts: number;
  error?: string;
  rows?: number;
  ingestError?: string;
}

export interface FetchResult {
  files: FetchedFile[];
  listProblems: ListProblem[];
}

class RetryableError extends Error {}
class FinalError extends Error {}

async function md5Of(path: string): Promise<string> {
  const h = createHash('md5');
  for await (const chunk of createReadStream(path)) h.update(chunk as Buffer);
  return h.digest('hex');
}

async function sizeOf(path: string): Promise<number | undefined> {
  try {
    return (await stat(path)).size;
  } catch {
    return undefined;
  }
}

/** Reads GDELT's file list for a version: the master list (v2) or filesizes + md5sums (v1). */
export async function fetchFileList(
  version: 1 | 2,
  baseUrl: string,
  fetchImpl: typeof fetch,
): Promise<{ files: ListedFile[]; problems: ListProblem[] }> {
  const text = async (name: string) => {
    const res = await fetchImpl(new URL(name, baseUrl));
    if (!res.ok) throw new FinalError(`${new URL(name, baseUrl).href}: HTTP ${res.status}`);
    return res.text();
  };
  if (version === 2) return parseMasterList(await text('masterfilelist.txt'));
  return parseV1Lists(await text('filesizes'), await text('md5sums'), baseUrl);
}

/**
 * Downloads one listed file into `dir`, resuming a `.part` left by an interrupted run, and verifies
 * size and MD5 before the file takes its final name.
 */
async function download(
  file: ListedFile,
  dir: string,
  o: Required<Pick<FetchOptions, 'idleTimeoutMs'>> & {
    fetch: typeof fetch;
    onBytes: (n: number) => void;
  },
): Promise<string> {
  const target = join(dir, file.name);
  const part = `${target}.part`;
  const have = (await sizeOf(part)) ?? 0;
  const abort = new AbortController();
  let idle = setTimeout(() => abort.abort(), o.idleTimeoutMs);
  const touch = () => {
    clearTimeout(idle);
    idle = setTimeout(() => abort.abort(), o.idleTimeoutMs);
  };
  try {
    let res: Response;
    try {
      res = await o.fetch(file.url, {
        headers: have > 0 && have < file.size ? { Range: `bytes=${have}-` } : {},
        signal: abort.signal,
      });
    } catch (e) {
      throw new RetryableError(
        `${file.url}: ${abort.signal.aborted ? 'no response (timeout)' : (e as Error).message}`,
      );
    }
    if (res.status === 404 || res.status === 410)
      throw new FinalError(`${file.url}: HTTP ${res.status} (not on the server)`);
    if (res.status === 416) {
      // The part already holds every byte the server has; verification below decides.
    } else if (res.status !== 200 && res.status !== 206) {
      throw new RetryableError(`${file.url}: HTTP ${res.status}`);
    } else if (res.body) {
      const out = createWriteStream(part, { flags: res.status === 206 ? 'a' : 'w' });
      try {
        const reader = res.body.getReader();
        for (;;) {
          let chunk: ReadableStreamReadResult<Uint8Array>;
          try {
            chunk = await reader.read();
          } catch (e) {
            throw new RetryableError(
              `${file.url}: ${abort.signal.aborted ? 'stalled (no data within the timeout)' : `connection lost: ${(e as Error).message}`}`,
            );
          }
          if (chunk.done) break;
          touch();
          o.onBytes(chunk.value.length);
          if (!out.write(chunk.value)) await new Promise<void>((r) => out.once('drain', () => r()));
        }
      } finally {
        await new Promise<void>((r) => out.end(r));
      }
    }
  } finally {
    clearTimeout(idle);
  }
  const got = (await sizeOf(part)) ?? 0;
  if (got < file.size)
    throw new RetryableError(`${file.name}: truncated download (${got} of ${file.size} bytes)`);
  const md5 = got === file.size ? await md5Of(part) : '';
  if (got !== file.size || md5 !== file.md5) {
    await rm(part, { force: true });
    throw new RetryableError(
      `${file.name}: ${got !== file.size ? `size ${got}, listed ${file.size}` : `MD5 ${md5}, listed ${file.md5}`}`,
    );
  }
  await rename(part, target);
  return target;
}

/**
 * Fetches the GDELT files of a date range: reads the file list, downloads with bounded concurrency,
 * verifies size and MD5, retries with exponential backoff, resumes, and hands each verified file to
 * `ingest` as it arrives.
 */
export async function fetchGdelt(opts: FetchOptions): Promise<FetchResult> {
  const fetchImpl = opts.fetch ?? fetch;
  const sleep = opts.sleep ?? ((ms: number) => new Promise((r) => setTimeout(r, ms)));
  const base = opts.baseUrl ?? (opts.version === 2 ? GDELT_V2_BASE : GDELT_V1_BASE);
  const list = await fetchFileList(opts.version, base, fetchImpl);
  const files = filesInRange(list.files, opts.from, opts.to, opts.streams ?? ['export']);
  await mkdir(opts.dir, { recursive: true });

  const progress: FetchProgress = {
    filesDone: 0,
    filesTotal: files.length,
    bytesDone: 0,
    bytesTotal: files.reduce((s, f) => s + f.size, 0),
    rows: 0,
    event: 'listed',
  };
  const report = (event: FetchProgress['event'], file?: string, message?: string) =>
    opts.onProgress?.({ ...progress, event, file, message });
  report('listed');

  // One writer to the warehouse: one ingest call at a time, in the order downloads finish. While a
  // call runs, finished downloads wait and then go in together (a group commit: no added delay, and
  // the batch grows exactly when ingest is the slower side).
  let waiting: FetchedFile[] = [];
  let draining: Promise<void> | undefined;
  const drain = async (ingest: NonNullable<FetchOptions['ingest']>) => {
    // Yield first, so `draining` is set before anything here can finish (a callback may throw at once).
    await null;
    while (waiting.length > 0) {
      const group = waiting;
      waiting = [];
      let outcomes: IngestOutcome[];
      try {
        outcomes = await ingest(group.map((r) => ({ path: r.path, file: r.file })));
      } catch (e) {
        outcomes = group.map(() => ({ error: (e as Error).message }));
      }
      for (const [i, r] of group.entries()) {
        const o = outcomes[i] ?? { error: 'the ingest reported nothing for this file' };
        if ('error' in o) r.ingestError = o.error;
        else {
          r.rows = o.rows;
          progress.rows += o.rows;
        }
      }
      for (const r of group) if (r.rows !== undefined) report('ingested', r.file.name);
    }
    // In the same turn as the last look at `waiting`: a file queued after it starts a new drain.
    draining = undefined;
  };
  const results: FetchedFile[] = files.map((file) => ({
    file,
    path: join(opts.dir, file.name),
    status: 'failed',
    attempts: 0,
  }));

  const one = async (r: FetchedFile) => {
    const { file } = r;
    const existing = await sizeOf(r.path);
    if (existing === file.size && (await md5Of(r.path)) === file.md5) {
      r.status = 'present';
      progress.bytesDone += file.size;
    } else {
      const retries = opts.retries ?? 4;
      let counted = 0;
      for (;;) {
        r.attempts++;
        try {
          await download(file, opts.dir, {
            fetch: fetchImpl,
            idleTimeoutMs: opts.idleTimeoutMs ?? 30_000,
            onBytes: (n) => {
              counted += n;
              progress.bytesDone += n;
              report('bytes', file.name);
            },
          });
          r.status = 'downloaded';
          break;
        } catch (e) {
          const message = (e as Error).message;
          if (e instanceof FinalError || !(e instanceof RetryableError) || r.attempts > retries) {
            r.error = message;
            progress.bytesDone -= counted;
            break;
          }
          report('retry', file.name, message);
          await sleep((opts.backoffMs ?? 1000) * 2 ** (r.attempts - 1));
        }
      }
      // Bytes of a failed or re-sent attempt are not progress; the final size is.
      if (r.status === 'downloaded') progress.bytesDone += file.size - counted;
    }
    progress.filesDone++;
    report(r.status === 'failed' ? 'failed' : r.status, file.name, r.error);
    if (r.status !== 'failed' && opts.ingest) {
      waiting.push(r);
      draining ??= drain(opts.ingest);
    }
  };

  let next = 0;
  const workers = Array.from(
    { length: Math.max(1, Math.min(opts.concurrency ?? 4, files.length)) },
    async () => {
      while (next < results.length) await one(results[next++] as FetchedFile);
    },
  );
  await Promise.all(workers);
  await draining;
  return { files: results, listProblems: list.problems };
}
