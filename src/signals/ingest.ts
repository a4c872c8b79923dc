import { type FileKind, FORMATS } from './columns.ts';
import type { Duck } from './duck.ts';
import { checkedSelect, fileIndexSql, quoteIdent, sqlString, targetColumns } from './ingest-sql.ts';
import { IngestError, NotGdeltError, type PreparedFile, prepareFile } from './prepare.ts';
import { rollupFiles } from './rollup.ts';
import { ZipError } from './zip.ts';

export { IngestError, NotGdeltError } from './prepare.ts';

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

export const DEFAULT_BATCH_BYTES = 384 * 1024 * 1024;
const DEFAULT_BATCH_FILES = 1024;

const readLines = (paths: readonly string[]) =>
  `read_csv([${paths.map(sqlString).join(', ')}], columns = {'l': 'VARCHAR'}, delim = chr(1), quote = '',
    escape = '', header = false, auto_detect = false, new_line = '\\n', max_line_size = 8388608,
    buffer_size = 16777216)`;

/**
 * DuckDB's errors while loading a batch are taken as the fault of its files (a line over 8 MB, a
 * value that breaks a conversion, a file gone since it was prepared), so the batch is retried file
 * by file and only the bad file is refused. A lack of memory or disk, and errors of ours, are not.
 */
function asFileFault(e: unknown, files: PreparedFile[], prefix = ''): unknown {
  if (!(e instanceof Error) || isFileError(e) || outOfMemory(e) || fatal(e)) return e;
  const { message } = e;
  if (!/^[A-Z][A-Za-z ]* Error: /.test(message) || /^IO Error: (?!No files found)/.test(message)) return e;
  return new IngestError(`${files.map((f) => f.path).join(', ')}: ${prefix}${message}`);
}

const outOfMemory = (e: unknown) => e instanceof Error && /^Out of Memory Error/.test(e.message);

// DuckDB invalidates a database after a fatal or internal error (e.g. a checkpoint that found no memory).
const fatal = (e: unknown) =>
  e instanceof Error && /^(FATAL|INTERNAL) Error|database has been invalidated/.test(e.message);

/** An error that ends the ingest, worded for the user; other errors pass through unchanged. */
function asStop(e: unknown, files: PreparedFile[], duck: Duck): unknown {
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

const isFileError = (e: unknown): e is IngestError | ZipError =>
  e instanceof IngestError || e instanceof ZipError;

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

/**
 * Loads a batch. If it runs out of memory, loads each half in turn; if a file is at fault, loads the
 * files one by one so that only that file is refused. Reports each part as soon as it is committed;
 * disposes of the batch's scratch copies.
 */
async function loadWithFallback(
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

/**
 * Splits a batch into the files to load and those to skip: bytes already in the manifest (same MD5),
 * or repeated earlier in the batch (their result is completed once the first copy has its id).
 */
async function skippedOrNew(duck: Duck, files: PreparedFile[]) {
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

/** A file's result: what the warehouse says of it, with the file's own path, name, size and MD5. */
const resultOf = (
  f: PreparedFile,
  rest: Omit<IngestResult, 'path' | 'name' | 'size' | 'md5' | 'fallback'>,
): IngestResult => ({ ...rest, path: f.path, name: f.name, size: f.size, md5: f.md5 });

/** One batch of files of one format → one transaction. */
async function loadBatch(duck: Duck, files: PreparedFile[], opts: IngestOptions): Promise<IngestResult[]> {
  const started = performance.now();
  const { results, fresh, twins } = await skippedOrNew(duck, files);
  const ordered = () => files.map((f) => results.get(f) as IngestResult);
  if (fresh.length === 0) return ordered();
  const format = FORMATS[(fresh[0] as PreparedFile).kind as FileKind];
  const target = targetColumns(format);
  const names = target.map((c) => quoteIdent(c.name)).join(', ');

  // DuckDB keeps insertion order, so a parallel copy of the batch's lines numbers them by rowid: file k
  // holds rows starts[k] … starts[k+1]−1. A row_number() window would force one thread through every
  // later step. The copy is made before the transaction (rows added inside one get rowids far above
  // 0; the copy is scratch anyway).
  const starts: number[] = [];
  let total = 0;
  for (const f of fresh) {
    starts.push(total);
    total += f.lines;
  }
  try {
    await duck
      .run(
        `CREATE OR REPLACE TEMP TABLE raw_lines AS SELECT l FROM ${readLines(fresh.map((f) => f.dataPath))}`,
      )
      .catch((e: Error) => {
        throw asFileFault(e, fresh, 'DuckDB cannot read the lines: ');
      });
    const [{ n }] = (await duck.all('SELECT count(*) AS n FROM raw_lines')) as [{ n: number }];
    if (n !== total) {
      throw new IngestError(
        `${fresh.map((f) => f.path).join(', ')}: DuckDB read ${n} lines where Node counted ${total}; refusing to load`,
      );
    }
    await duck.run('BEGIN TRANSACTION');
    try {
      const [{ id }] = (await duck.all('SELECT coalesce(max(file_id), 0) + 1 AS id FROM files')) as [
        { id: number },
      ];
      const lastId = id + fresh.length - 1;
      const k = fileIndexSql('r', starts);
      let source = `(SELECT ${id} + k AS file_id, r - [${starts.join(', ')}][k + 1] + 1 AS line, l
        FROM (SELECT r, ${k} AS k, l FROM (SELECT rowid AS r, l FROM raw_lines)))`;
      const problems = fresh.flatMap((f, i) =>
        // A NUL cannot sit in SQL text; the quarantine shows it as ␀ (U+2400).
        f.problems.map(
          (p) =>
            `(${id + i}, ${p.line}, ${sqlString(p.reason)}, ${sqlString(p.raw.replaceAll('\0', '\u2400'))})`,
        ),
      );
      if (problems.length > 0) {
        await duck.run(
          'CREATE OR REPLACE TEMP TABLE pre_rejected (file_id INTEGER, line BIGINT, reason VARCHAR, raw VARCHAR)',
        );
        for (let i = 0; i < problems.length; i += 1000) {
          await duck.run(`INSERT INTO pre_rejected VALUES ${problems.slice(i, i + 1000).join(', ')}`);
        }
        source = `(SELECT s.* FROM ${source} s ANTI JOIN pre_rejected p ON p.file_id = s.file_id AND p.line = s.line)`;
        await duck.run(
          'INSERT INTO quarantine SELECT file_id, line, reason, NULL, NULL, raw FROM pre_rejected',
        );
      }
      const checked = checkedSelect(format, target, source);
      // One pass loads the good rows. A second pass, only for a batch with bad rows, collects them:
      // clean files (nearly all of GDELT) are read once. Rows carry their file and line, so the
      // insert may run in any order.
      await duck.run('SET preserve_insertion_order = false');
      const accepted = await duck.run(
        `INSERT INTO ${format.table} (${names}, file_id, line) SELECT ${names}, file_id, line FROM (${checked}) WHERE problem IS NULL`,
      );
      await duck.run('RESET preserve_insertion_order');
      if (accepted + problems.length < total) {
        const fieldNames = `[${format.columns.map((c) => sqlString(c.name)).join(', ')}]`;
        await duck.run(`INSERT INTO quarantine
          SELECT file_id, line, split_part(problem, '|', 1), NULLIF(split_part(problem, '|', 2), ''),
            CASE WHEN split_part(problem, '|', 1) = 'column_count' THEN CAST(len(string_split(l, chr(9))) AS VARCHAR)
                 ELSE string_split(l, chr(9))[list_position(${fieldNames}, split_part(problem, '|', 2))] END,
            l
          FROM (${checked}) WHERE problem IS NOT NULL`);
      }
      if (format.table === 'events') {
        await quarantineDuplicates(duck, id, lastId, source);
        await rollupFiles(duck, id, lastId);
      }

      const count = async (table: string) =>
        new Map(
          (
            await duck.all(
              `SELECT file_id, count(*) AS n FROM ${table} WHERE file_id BETWEEN ${id} AND ${lastId} GROUP BY file_id`,
            )
          ).map((r) => [Number(r.file_id), Number(r.n)]),
        );
      const [acceptedBy, rejectedBy] = await Promise.all([count(format.table), count('quarantine')]);
      const loadSeconds = (performance.now() - started) / 1000;
      const at = (opts.now ?? (() => new Date()))().toISOString().replace('T', ' ').replace('Z', '');
      for (const [i, f] of fresh.entries()) {
        const fileId = id + i;
        const a = acceptedBy.get(fileId) ?? 0;
        const r = rejectedBy.get(fileId) ?? 0;
        // Nothing may vanish between a file and the warehouse: every line is a row or a rejection.
        if (a + r !== f.lines) {
          throw new IngestError(
            `${f.path}: ${f.lines} lines but ${a} accepted + ${r} rejected; refusing to commit`,
          );
        }
        const seconds = f.seconds + (total > 0 ? (loadSeconds * f.lines) / total : 0);
        await duck.run(
          `INSERT INTO files VALUES ($id, $name, $kind, $size, $md5, $lines, $accepted, $rejected, CAST($at AS TIMESTAMP), $seconds)`,
          {
            id: fileId,
            name: f.name,
            kind: f.kind as FileKind,
            size: f.size,
            md5: f.md5,
            lines: f.lines,
            accepted: a,
            rejected: r,
            at,
            seconds,
          },
        );
        results.set(
          f,
          resultOf(f, {
            kind: f.kind as FileKind,
            status: 'ingested',
            fileId,
            lines: f.lines,
            accepted: a,
            rejected: r,
            seconds,
          }),
        );
      }
      await duck.run('COMMIT');
    } catch (e) {
      await duck.run('ROLLBACK').catch(() => {});
      throw asFileFault(e, fresh);
    }
  } finally {
    // After a ROLLBACK too: a connection left unordered would number the next batch's lines wrongly.
    await duck.run('RESET preserve_insertion_order').catch(() => {});
    await duck.run('DROP TABLE IF EXISTS raw_lines').catch(() => {});
  }
  // A later copy of the same bytes is skipped, and reports the copy that went in.
  for (const [twin, first] of twins) {
    results.set(twin, resultOf(twin, { ...(results.get(first) as IngestResult), status: 'skipped' }));
  }
  return ordered();
}

/**
 * GDELT repeats some events across (and rarely within) files. The first occurrence wins (earlier
 * file, then earlier line); every later one moves from the batch's rows to the quarantine as
 * `duplicate_event`, so it is still counted and visible. Runs inside the batch's transaction.
 */
async function quarantineDuplicates(
  duck: Duck,
  firstId: number,
  lastId: number,
  source: string,
): Promise<void> {
  await duck.run(`CREATE OR REPLACE TEMP TABLE dupes AS
    WITH fresh AS (SELECT GLOBALEVENTID AS id, file_id, line FROM events WHERE file_id BETWEEN ${firstId} AND ${lastId}),
    r AS (SELECT min(id) AS lo, max(id) AS hi FROM fresh),
    earlier AS (
      SELECT DISTINCT e.GLOBALEVENTID AS id FROM events e, r
      WHERE e.file_id < ${firstId} AND e.GLOBALEVENTID BETWEEN r.lo AND r.hi
        AND e.GLOBALEVENTID IN (SELECT id FROM fresh))
    SELECT f.file_id, f.line, f.id FROM fresh f WHERE f.id IN (SELECT id FROM earlier)
    UNION ALL
    SELECT file_id, line, id FROM (
      SELECT file_id, line, id, row_number() OVER (PARTITION BY id ORDER BY file_id, line) AS k FROM fresh
      WHERE id IN (SELECT id FROM fresh GROUP BY id HAVING count(*) > 1)
        AND id NOT IN (SELECT id FROM earlier))
    WHERE k > 1`);
  const [{ n }] = (await duck.all('SELECT count(*) AS n FROM dupes')) as [{ n: number }];
  if (n > 0) {
    // The loaded rows are typed; read the duplicates' lines again so the quarantine holds them verbatim.
    await duck.run(`INSERT INTO quarantine
      SELECT d.file_id, d.line, 'duplicate_event', 'GLOBALEVENTID', CAST(d.id AS VARCHAR), s.l
      FROM dupes d JOIN ${source} s ON s.file_id = d.file_id AND s.line = d.line`);
    await duck.run(`DELETE FROM events USING dupes d
      WHERE events.file_id BETWEEN ${firstId} AND ${lastId} AND events.file_id = d.file_id AND events.line = d.line`);
  }
  await duck.run('DROP TABLE dupes');
}
