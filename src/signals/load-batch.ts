import { type FileKind, FORMATS, type FormatSpec } from './columns.ts';
import { type Duck, inTransaction } from './duck.ts';
import { quarantineDuplicates } from './duplicates.ts';
import { checkedSelect, fileIndexSql, quoteIdent, sqlString, targetColumns } from './ingest-sql.ts';
import { type IngestOptions, type IngestResult, resultOf } from './ingest-types.ts';
import { skippedOrNew } from './known-files.ts';
import { asFileFault } from './load-errors.ts';
import { IngestError, type PreparedFile } from './prepare.ts';
import { rollupFiles } from './rollup.ts';

/** What the phases of one batch's load share. */
interface Load {
  duck: Duck;
  /** The batch's files that are not in the warehouse yet, in order; file k gets the id `firstId + k`. */
  fresh: PreparedFile[];
  format: FormatSpec;
  /** File k holds the staged lines starts[k] … starts[k+1]−1. */
  starts: number[];
  /** The lines of all the fresh files. */
  total: number;
  firstId: number;
  lastId: number;
}

const readLines = (paths: readonly string[]) =>
  `read_csv([${paths.map(sqlString).join(', ')}], columns = {'l': 'VARCHAR'}, delim = chr(1), quote = '',
    escape = '', header = false, auto_detect = false, new_line = '\\n', max_line_size = 8388608,
    buffer_size = 16777216)`;

/**
 * One batch of files of one format → one transaction: the prepared files' bad lines, the typed rows
 * and their rejects, the duplicates and the rollup (events), then the manifest. Returns a result per
 * file, in order, once all of it is committed.
 */
export async function loadBatch(
  duck: Duck,
  files: PreparedFile[],
  opts: IngestOptions,
): Promise<IngestResult[]> {
  const started = performance.now();
  const { results, fresh, twins } = await skippedOrNew(duck, files);
  const ordered = () => files.map((f) => results.get(f) as IngestResult);
  if (fresh.length === 0) return ordered();
  const format = FORMATS[(fresh[0] as PreparedFile).kind as FileKind];
  const starts: number[] = [];
  let total = 0;
  for (const f of fresh) {
    starts.push(total);
    total += f.lines;
  }
  try {
    await stageLines(duck, fresh, total);
    const stored = await inTransaction(
      duck,
      async () => {
        const [{ id }] = (await duck.all('SELECT coalesce(max(file_id), 0) + 1 AS id FROM files')) as [
          { id: number },
        ];
        const load: Load = { duck, fresh, format, starts, total, firstId: id, lastId: id + fresh.length - 1 };
        const { source, problems } = await quarantinePrepared(load);
        await insertRows(load, source, problems);
        if (format.table === 'events') {
          await quarantineDuplicates(duck, load.firstId, load.lastId, source);
          await rollupFiles(duck, load.firstId, load.lastId);
        }
        return recordFiles(load, started, opts);
      },
      (e) => asFileFault(e, fresh),
    );
    for (const r of stored) results.set(r.file, r.result);
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
 * Copies the batch's lines into the scratch table `raw_lines`, and checks that DuckDB read as many
 * as Node counted.
 */
async function stageLines(duck: Duck, fresh: PreparedFile[], total: number): Promise<void> {
  // DuckDB keeps insertion order, so a parallel copy of the batch's lines numbers them by rowid: file k
  // holds rows starts[k] … starts[k+1]−1. A row_number() window would force one thread through every
  // later step. The copy is made before the transaction (rows added inside one get rowids far above
  // 0; the copy is scratch anyway).
  await duck
    .run(`CREATE OR REPLACE TEMP TABLE raw_lines AS SELECT l FROM ${readLines(fresh.map((f) => f.dataPath))}`)
    .catch((e: Error) => {
      throw asFileFault(e, fresh, 'DuckDB cannot read the lines: ');
    });
  const [{ n }] = (await duck.all('SELECT count(*) AS n FROM raw_lines')) as [{ n: number }];
  if (n !== total) {
    throw new IngestError(
      `${fresh.map((f) => f.path).join(', ')}: DuckDB read ${n} lines where Node counted ${total}; refusing to load`,
    );
  }
}

/**
 * Quarantines the lines that preparing the files refused. Returns the batch's lines as a relation of
 * (file_id, line, l) without those, and how many there were.
 */
async function quarantinePrepared({ duck, fresh, starts, firstId }: Load) {
  const k = fileIndexSql('r', starts);
  let source = `(SELECT ${firstId} + k AS file_id, r - [${starts.join(', ')}][k + 1] + 1 AS line, l
        FROM (SELECT r, ${k} AS k, l FROM (SELECT rowid AS r, l FROM raw_lines)))`;
  const problems = fresh.flatMap((f, i) =>
    // A NUL cannot sit in SQL text; the quarantine shows it as ␀ (U+2400).
    f.problems.map(
      (p) =>
        `(${firstId + i}, ${p.line}, ${sqlString(p.reason)}, ${sqlString(p.raw.replaceAll('\0', '\u2400'))})`,
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
    await duck.run('INSERT INTO quarantine SELECT file_id, line, reason, NULL, NULL, raw FROM pre_rejected');
  }
  return { source, problems: problems.length };
}

/** Inserts the lines of `source` that convert to typed rows; quarantines the others with their field. */
async function insertRows({ duck, format, total }: Load, source: string, prepared: number): Promise<void> {
  const target = targetColumns(format);
  const names = target.map((c) => quoteIdent(c.name)).join(', ');
  const checked = checkedSelect(format, target, source);
  // One pass loads the good rows. A second pass, only for a batch with bad rows, collects them:
  // clean files (nearly all of GDELT) are read once. Rows carry their file and line, so the
  // insert may run in any order.
  await duck.run('SET preserve_insertion_order = false');
  const accepted = await duck.run(
    `INSERT INTO ${format.table} (${names}, file_id, line) SELECT ${names}, file_id, line FROM (${checked}) WHERE problem IS NULL`,
  );
  await duck.run('RESET preserve_insertion_order');
  if (accepted + prepared < total) {
    const fieldNames = `[${format.columns.map((c) => sqlString(c.name)).join(', ')}]`;
    await duck.run(`INSERT INTO quarantine
          SELECT file_id, line, split_part(problem, '|', 1), NULLIF(split_part(problem, '|', 2), ''),
            CASE WHEN split_part(problem, '|', 1) = 'column_count' THEN CAST(len(string_split(l, chr(9))) AS VARCHAR)
                 ELSE string_split(l, chr(9))[list_position(${fieldNames}, split_part(problem, '|', 2))] END,
            l
          FROM (${checked}) WHERE problem IS NOT NULL`);
  }
}

/**
 * Writes each fresh file's manifest entry, with the rows it added and the rows it had rejected;
 * refuses the batch if any line is neither.
 */
async function recordFiles(
  { duck, fresh, format, total, firstId, lastId }: Load,
  started: number,
  opts: IngestOptions,
): Promise<{ file: PreparedFile; result: IngestResult }[]> {
  const count = async (table: string) =>
    new Map(
      (
        await duck.all(
          `SELECT file_id, count(*) AS n FROM ${table} WHERE file_id BETWEEN ${firstId} AND ${lastId} GROUP BY file_id`,
        )
      ).map((r) => [Number(r.file_id), Number(r.n)]),
    );
  const [acceptedBy, rejectedBy] = await Promise.all([count(format.table), count('quarantine')]);
  const loadSeconds = (performance.now() - started) / 1000;
  const at = (opts.now ?? (() => new Date()))().toISOString().replace('T', ' ').replace('Z', '');
  const stored: { file: PreparedFile; result: IngestResult }[] = [];
  for (const [i, f] of fresh.entries()) {
    const fileId = firstId + i;
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
    stored.push({
      file: f,
      result: resultOf(f, {
        kind: f.kind as FileKind,
        status: 'ingested',
        fileId,
        lines: f.lines,
        accepted: a,
        rejected: r,
        seconds,
      }),
    });
  }
  return stored;
}
