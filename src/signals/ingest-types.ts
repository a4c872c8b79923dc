import type { FileKind } from './columns.ts';
import type { IngestError, PreparedFile } from './prepare.ts';
import type { ZipError } from './zip.ts';

/** The outcome of ingesting one file. */
export interface IngestResult {
  path: string;
  name: string;
  kind: FileKind;
  /**
   * `skipped`: a file with the same MD5 is already in the manifest, or earlier in the same call
   * (nothing added; `fileId` and counts are those of the first copy).
   */
  status: 'ingested' | 'skipped';
  fileId: number;
  size: number;
  md5: string;
  lines: number;
  accepted: number;
  rejected: number;
  /** Preparing the file plus its share (by lines) of its batch's load. */
  seconds: number;
  /**
   * Why the file went in with fewer files than its batch: the batch ran out of memory and was loaded
   * in halves, or one of its files was refused and the others were loaded one by one.
   */
  fallback?: 'out_of_memory' | 'file_fault';
}

/** A file that could not be ingested (unreadable zip, unknown format, …); nothing of it was stored. */
export interface IngestFailure {
  path: string;
  error: IngestError | ZipError;
}

/** What happened to one file, in two words: the rows it added, or why it was refused. */
export type IngestOutcome = { rows: number } | { error: string };

export interface IngestOptions {
  kind?: FileKind;
  now?: () => Date;
  /**
   * A batch closes when its files reach this many bytes (unzipped). DuckDB writes a large insert
   * straight into compressed row groups but rewrites the partial ones a small insert leaves at the
   * next checkpoint: on 2 CPUs, inserts of 250,000 rows cost about 1.7 times the CPU of inserts of
   * a million (24 against 14 CPU-seconds for 2 M rows).
   * @default 384 MB (about a million GDELT 2.0 events)
   */
  batchBytes?: number;
  /** @default 1024 */
  batchFiles?: number;
}

/** A file's result: what the warehouse says of it, with the file's own path, name, size and MD5. */
export const resultOf = (
  f: PreparedFile,
  rest: Omit<IngestResult, 'path' | 'name' | 'size' | 'md5' | 'fallback'>,
): IngestResult => ({ ...rest, path: f.path, name: f.name, size: f.size, md5: f.md5 });
