import type { Duck } from './duck.ts';
import type { IngestFailure, IngestOptions, IngestResult } from './ingest-types.ts';
import { isFileError } from './load-errors.ts';
import { loadWithFallback } from './load-fallback.ts';
import { IngestError, type PreparedFile, prepareFile } from './prepare.ts';

export type { IngestFailure, IngestOptions, IngestOutcome, IngestResult } from './ingest-types.ts';
export { IngestStopped } from './load-errors.ts';
export { IngestError, NotGdeltError } from './prepare.ts';

export const DEFAULT_BATCH_BYTES = 384 * 1024 * 1024;
const DEFAULT_BATCH_FILES = 1024;

/**
 * Ingests files in order. Consecutive files of one format are loaded together, in one transaction
 * and one INSERT per batch: each file's rows, quarantined rows and manifest entry appear with the
 * rest of its batch or not at all, so a crash leaves no part of any file and a rerun completes it.
 * Node prepares the next batch (unzip, MD5, line checks) while DuckDB loads the current one.
 * `onResult` hears of every file, in order, once its batch is committed (or it failed).
 */
export async function ingestFiles(
  duck: Duck,
  paths: readonly string[],
  opts: IngestOptions,
  onResult: (r: IngestResult | IngestFailure) => void,
): Promise<void> {
  const maxBytes = opts.batchBytes ?? DEFAULT_BATCH_BYTES;
  const maxFiles = opts.batchFiles ?? DEFAULT_BATCH_FILES;
  let batch: PreparedFile[] = [];
  let loading: Promise<void> = Promise.resolve();
  const flush = async () => {
    const files = batch;
    batch = [];
    try {
      await loading;
    } catch (e) {
      // The batch before failed: this one will not load; its scratch copies must not stay behind.
      await Promise.all(files.map((f) => f.dispose()));
      throw e;
    }
    loading = loadWithFallback(duck, files, opts, onResult);
    // Node goes on preparing while this loads: mark the failure as seen so it waits for the next
    // `await loading` instead of ending the process as an unhandled rejection.
    loading.catch(() => {});
  };
  try {
    for (const path of paths) {
      let prepared: PreparedFile;
      try {
        prepared = await prepareFile(path, { kind: opts.kind });
      } catch (e) {
        if (!isFileError(e)) throw e;
        // Results are reported in file order: the files before this one go first.
        await flush();
        await loading;
        onResult({ path, error: e });
        continue;
      }
      const first = batch[0];
      if (first && (first.kind !== prepared.kind || prepared.kind === undefined)) await flush();
      batch.push(prepared);
      const bytes = batch.reduce((sum, f) => sum + f.dataBytes, 0);
      if (bytes >= maxBytes || batch.length >= maxFiles || prepared.kind === undefined) await flush();
    }
    await flush();
    await loading;
  } finally {
    // On an error, let a batch still loading finish (or fail) before the caller may close DuckDB.
    await loading.catch(() => {});
    await Promise.all(batch.map((f) => f.dispose()));
  }
}

/** Ingests one file (a batch of one); throws an {@link IngestError} or `ZipError` for a bad file. */
export async function ingestFile(duck: Duck, path: string, opts: IngestOptions = {}): Promise<IngestResult> {
  let result: IngestResult | IngestFailure | undefined;
  await ingestFiles(duck, [path], opts, (r) => {
    result = r;
  });
  if (!result) throw new IngestError(`${path}: nothing was reported for this file`);
  if ('error' in result) throw result.error;
  return result;
}
