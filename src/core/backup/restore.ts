import type { Db, Queryable } from '../db.ts';
import { type Problem, ValidationError } from '../errors.ts';
import { appliedMigrations } from '../migrate.ts';
import { problemsFromZod } from '../zod-problems.ts';
import { ident, listTables, rowCounts, type TableInfo } from './catalog.ts';
import { BackupHeader } from './format.ts';
import { LineError } from './lines.ts';

/** Rows sent to the store in one statement: bounded by count and by bytes. */
const BATCH_ROWS = 500;
const BATCH_BYTES = 8 * 1024 * 1024;

export interface RestoreReport {
  header: BackupHeader;
  rows: number;
}

/**
 * Restores a backup (its lines, numbered) into an empty store at the same schema, in one
 * transaction: it lands whole or not at all. Rows go in as the backup holds them, ids and versions
 * included; the triggers that keep the search index and the change number are held off while they
 * do, since the index is in the backup too, and the change number is raised once at the end.
 * Problems name the backup's line (`file`) and, for a store that cannot take it, the table.
 */
export async function restoreBackup(
  db: Db,
  file: string,
  lines: AsyncIterable<{ text: string; line: number }>,
  onProgress?: (done: number, total: number) => void,
): Promise<RestoreReport> {
  const fail = (line: number | undefined, code: string, message: string, field?: string): never => {
    throw new ValidationError([{ code, file, line, field, message }]);
  };
  const it = problemsNamed(file, lines)[Symbol.asyncIterator]();
  const header = await readHeader(file, it);

  return db.transaction(async (tx) => {
    const target = await listTables(tx);
    await checkTarget(tx, file, header, target);
    for (const t of header.tables) await tx.exec(`ALTER TABLE ${ident(t.name)} DISABLE TRIGGER USER`);

    const total = header.tables.reduce((a, t) => a + t.rows, 0);
    let done = 0;
    let section = 0;
    let seen = 0;
    let batch: string[] = [];
    let batchBytes = 0;
    let batchFrom = 0;
    let lastLine = 1;
    const flush = async () => {
      if (batch.length === 0) return;
      const t = header.tables[section]!;
      try {
        await insertRows(tx, t, batch);
      } catch (e) {
        // The store's own checks (references, allowed values) refuse the batch; name its lines.
        fail(
          batchFrom,
          'row_refused',
          `the store refuses a row of lines ${batchFrom}–${lastLine}: ${(e as Error).message}`,
          t.name,
        );
      }
      done += batch.length;
      onProgress?.(done, total);
      batch = [];
      batchBytes = 0;
    };
    const closeSection = (line: number | undefined) => {
      const t = header.tables[section]!;
      if (seen !== t.rows) {
        fail(line, 'row_count', `the header promises ${t.rows} rows of ${t.name}; the backup holds ${seen}`);
      }
    };

    for (let r = await it.next(); !r.done; r = await it.next()) {
      const { text, line } = r.value;
      const tab = text.indexOf('\t');
      if (tab === -1) fail(line, 'bad_line', 'a row line is `table<TAB>{json}`; this one has no tab');
      const table = text.slice(0, tab);
      while (section < header.tables.length && header.tables[section]!.name !== table) {
        await flush();
        closeSection(line);
        section++;
        seen = 0;
      }
      if (section === header.tables.length) {
        fail(
          line,
          'table_order',
          `rows of "${table.slice(0, 80)}" where the header lists no such table next`,
        );
      }
      const json = text.slice(tab + 1);
      if (!isJsonObject(json)) fail(line, 'bad_row', 'the row is not a JSON object', table);
      seen++;
      if (seen > header.tables[section]!.rows) {
        fail(line, 'row_count', `more rows of ${table} than the header's ${header.tables[section]!.rows}`);
      }
      if (batch.length === 0) batchFrom = line;
      lastLine = line;
      batch.push(json);
      batchBytes += json.length;
      if (batch.length >= BATCH_ROWS || batchBytes >= BATCH_BYTES) await flush();
    }
    await flush();
    for (; section < header.tables.length; section++, seen = 0) closeSection(undefined);

    // Deferred reference checks run now: a table cannot take its triggers back with checks pending.
    await tx.exec('SET CONSTRAINTS ALL IMMEDIATE');
    for (const t of header.tables) await tx.exec(`ALTER TABLE ${ident(t.name)} ENABLE TRIGGER USER`);
    for (const s of header.sequences) {
      await tx.query(
        s.last === null ? 'SELECT setval($1::regclass, 1, false)' : 'SELECT setval($1::regclass, $2, true)',
        s.last === null ? [s.name] : [s.name, s.last],
      );
    }
    // The tables' triggers were off while they were written, so the restore raises every number.
    await tx.exec('UPDATE entente_changes SET version = version + 1');
    await tx.exec('UPDATE entente_table_changes SET version = version + 1');
    return { header, rows: done };
  });
}

/** The lines, a line the reader refuses (too long, not UTF-8) becoming a problem of the backup. */
async function* problemsNamed(file: string, lines: AsyncIterable<{ text: string; line: number }>) {
  try {
    yield* lines;
  } catch (e) {
    if (e instanceof LineError) {
      throw new ValidationError([{ code: 'bad_line', file, line: e.line, message: e.message }]);
    }
    throw e;
  }
}

async function readHeader(
  file: string,
  it: AsyncIterator<{ text: string; line: number }>,
): Promise<BackupHeader> {
  const first = await it.next();
  if (first.done) throw new ValidationError([{ code: 'empty', file, message: 'the backup is empty' }]);
  let raw: unknown;
  try {
    raw = JSON.parse(first.value.text);
  } catch {
    throw new ValidationError([
      {
        code: 'not_a_backup',
        file,
        line: 1,
        message: 'the first line is not JSON: is this an Entente backup?',
      },
    ]);
  }
  const parsed = BackupHeader.safeParse(raw);
  if (!parsed.success) {
    const problems = problemsFromZod(parsed.error.issues.slice(0, 10), { file, lineOf: () => 1 });
    throw new ValidationError(problems.map((p) => ({ ...p, code: 'bad_header' })));
  }
  return parsed.data;
}

/** The target must be at the backup's schema, hold its tables with the same columns, and be empty. */
async function checkTarget(tx: Queryable, file: string, header: BackupHeader, target: TableInfo[]) {
  const problems: Problem[] = [];
  const applied = await appliedMigrations(tx);
  const theirs = header.migrations.map((m) => `${m.id}:${m.checksum}`).join(',');
  const ours = applied.map((m) => `${m.id}:${m.checksum}`).join(',');
  if (theirs !== ours) {
    const last = (ms: { id: number }[]) => ms.at(-1)?.id ?? 'none';
    problems.push({
      code: 'schema_mismatch',
      file,
      line: 1,
      field: 'migrations',
      message: `the backup was made at schema ${last(header.migrations)} and this store is at ${last(applied)} (or their migrations differ): restore it with the Entente version that made it, then upgrade`,
    });
  }
  const byName = new Map(target.map((t) => [t.name, t]));
  for (const t of header.tables) {
    const ours = byName.get(t.name);
    if (!ours) {
      problems.push({
        code: 'unknown_table',
        file,
        line: 1,
        field: t.name,
        message: 'no such table in this store',
      });
    } else if (ours.columns.join(',') !== t.columns.join(',')) {
      problems.push({
        code: 'columns_differ',
        file,
        line: 1,
        field: t.name,
        message: `the backup's columns (${t.columns.join(', ')}) are not this store's (${ours.columns.join(', ')})`,
      });
    }
  }
  const listed = new Set(header.tables.map((t) => t.name));
  for (const t of target) {
    if (!listed.has(t.name)) {
      problems.push({
        code: 'missing_table',
        file,
        line: 1,
        field: t.name,
        message: 'the backup holds no such table',
      });
    }
  }
  if (problems.length > 0) throw new ValidationError(problems);

  const counts = await rowCounts(tx, target);
  const full = target.flatMap((t, i) => (counts[i]! > 0 ? [`${t.name} (${counts[i]})`] : []));
  if (full.length > 0) {
    throw new ValidationError([
      {
        code: 'store_not_empty',
        message: `a backup restores into an empty store, and this one holds rows: ${full.join(', ')}. Restore into a new data folder (ENTENTE_DATA) or a new database (DATABASE_URL); nothing was changed`,
      },
    ]);
  }
}

async function insertRows(tx: Queryable, t: { name: string; columns: string[] }, rows: string[]) {
  const cols = t.columns.map(ident).join(', ');
  await tx.query(
    `INSERT INTO ${ident(t.name)} (${cols}) OVERRIDING SYSTEM VALUE
     SELECT ${cols} FROM jsonb_populate_recordset(NULL::${ident(t.name)}, $1::jsonb)`,
    [`[${rows.join(',')}]`],
  );
}

function isJsonObject(text: string): boolean {
  if (!text.startsWith('{')) return false;
  try {
    const v = JSON.parse(text);
    return typeof v === 'object' && v !== null && !Array.isArray(v);
  } catch {
    return false;
  }
}
