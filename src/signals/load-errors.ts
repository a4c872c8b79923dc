import type { Duck } from './duck.ts';
import { IngestError, type PreparedFile } from './prepare.ts';
import { ZipError } from './zip.ts';

/**
 * The ingest cannot go on, through no fault of a file: DuckDB ran out of memory on a single file, or
 * stopped the database after a fatal error. Files reported before it are stored, the rest are not;
 * the same command run again skips the first and loads the others.
 */
export class IngestStopped extends Error {
  override name = 'IngestStopped';
  constructor(
    message: string,
    /** DuckDB invalidated the database: nothing more can be done with it until it is opened again. */
    readonly fatal: boolean,
  ) {
    super(message);
  }
}

/**
 * DuckDB's errors while loading a batch are taken as the fault of its files (a line over 8 MB, a
 * value that breaks a conversion, a file gone since it was prepared), so the batch is retried file
 * by file and only the bad file is refused. A lack of memory or disk, and errors of ours, are not.
 */
export function asFileFault(e: unknown, files: PreparedFile[], prefix = ''): unknown {
  if (!(e instanceof Error) || isFileError(e) || outOfMemory(e) || fatal(e)) return e;
  const { message } = e;
  if (!/^[A-Z][A-Za-z ]* Error: /.test(message) || /^IO Error: (?!No files found)/.test(message)) return e;
  return new IngestError(`${files.map((f) => f.path).join(', ')}: ${prefix}${message}`);
}

export const outOfMemory = (e: unknown) => e instanceof Error && /^Out of Memory Error/.test(e.message);

// DuckDB invalidates a database after a fatal or internal error (e.g. a checkpoint that found no memory).
export const fatal = (e: unknown) =>
  e instanceof Error && /^(FATAL|INTERNAL) Error|database has been invalidated/.test(e.message);

/** An error that ends the ingest, worded for the user; other errors pass through unchanged. */
export function asStop(e: unknown, files: PreparedFile[], duck: Duck): unknown {
  const paths = files.map((f) => f.path).join(', ');
  const rest = 'it skips the files already stored and loads the rest.';
  const more = `Run the same command again with a --memory-mb above DuckDB's ${duck.memoryLimit}:`;
  if (outOfMemory(e)) {
    return new IngestStopped(`${paths}: DuckDB ran out of memory loading this alone. ${more} ${rest}`, false);
  }
  if (fatal(e)) {
    const first = (e as Error).message.split('\n')[0];
    const memory = /memory|pin block|allocate/i.test(first as string);
    return new IngestStopped(
      `DuckDB stopped the warehouse while loading ${paths} (${first}). ${memory ? more : 'Run the same command again:'} ${rest}`,
      true,
    );
  }
  return e;
}

export const isFileError = (e: unknown): e is IngestError | ZipError =>
  e instanceof IngestError || e instanceof ZipError;
