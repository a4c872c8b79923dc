import type { FileKind } from './columns.ts';
import type { Duck } from './duck.ts';
import { sqlString } from './ingest-sql.ts';
import { type IngestResult, resultOf } from './ingest-types.ts';
import { NotGdeltError, type PreparedFile } from './prepare.ts';

/**
 * Splits a batch into the files to load and those to skip: bytes already in the manifest (same MD5),
 * or repeated earlier in the batch (their result is completed once the first copy has its id).
 */
export async function skippedOrNew(duck: Duck, files: PreparedFile[]) {
  const known = new Map(
    (
      await duck.all(
        `SELECT file_id, md5, kind, lines, rows_accepted, rows_rejected FROM files WHERE md5 IN (${files
          .map((f) => sqlString(f.md5))
          .join(', ')})`,
      )
    ).map((k) => [String(k.md5), k]),
  );
  const results = new Map<PreparedFile, IngestResult>();
  const fresh: PreparedFile[] = [];
  const seen = new Map<string, PreparedFile>();
  /** A later copy → the first copy of the same bytes in this batch. */
  const twins = new Map<PreparedFile, PreparedFile>();
  for (const f of files) {
    const k = known.get(f.md5);
    const first = seen.get(f.md5);
    if (k) {
      results.set(
        f,
        resultOf(f, {
          kind: k.kind as FileKind,
          status: 'skipped',
          fileId: Number(k.file_id),
          lines: Number(k.lines),
          accepted: Number(k.rows_accepted),
          rejected: Number(k.rows_rejected),
          seconds: f.seconds,
        }),
      );
    } else if (first) {
      twins.set(f, first);
    } else {
      if (!f.kind) throw new NotGdeltError(`${f.path}: cannot tell the GDELT format (name or field count)`);
      seen.set(f.md5, f);
      fresh.push(f);
    }
  }
  return { results, fresh, twins };
}
