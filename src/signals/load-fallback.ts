import type { Duck } from './duck.ts';
import type { IngestFailure, IngestOptions, IngestResult } from './ingest-types.ts';
import { loadBatch } from './load-batch.ts';
import { asStop, isFileError, outOfMemory } from './load-errors.ts';
import type { PreparedFile } from './prepare.ts';

/**
 * Loads a batch. If it runs out of memory, loads each half in turn; if a file is at fault, loads the
 * files one by one so that only that file is refused. Reports each part as soon as it is committed;
 * disposes of the batch's scratch copies.
 */
export async function loadWithFallback(
  duck: Duck,
  files: PreparedFile[],
  opts: IngestOptions,
  onResult: (r: IngestResult | IngestFailure) => void,
): Promise<void> {
  // Each part is reported once committed, so an ingest that stops later still names what it stored.
  const load = async (part: PreparedFile[], fallback?: IngestResult['fallback']): Promise<void> => {
    let results: IngestResult[];
    try {
      results = await loadBatch(duck, part, opts);
    } catch (e) {
      if (outOfMemory(e) && part.length > 1) {
        const half = Math.ceil(part.length / 2);
        await load(part.slice(0, half), 'out_of_memory');
        await load(part.slice(half), 'out_of_memory');
        return;
      }
      if (!isFileError(e)) throw asStop(e, part, duck);
      if (part.length === 1) return onResult({ path: (part[0] as PreparedFile).path, error: e });
      for (const f of part) await load([f], fallback ?? 'file_fault');
      return;
    }
    // Outside the try: an error of the caller's callback is not the batch's.
    for (const r of results) onResult(fallback && r.status === 'ingested' ? { ...r, fallback } : r);
  };
  try {
    if (files.length > 0) await load(files);
  } finally {
    await Promise.all(files.map((f) => f.dispose()));
  }
}
