import type { Db, Queryable } from '../db.ts';
import { appliedMigrations } from '../migrate.ts';
import { ident, listSequences, listTables, rowCounts, type TableInfo } from './catalog.ts';
import { BACKUP_FORMAT, BACKUP_VERSION, type BackupHeader } from './format.ts';

const PAGE = 2000;

export interface BackupReport {
  header: BackupHeader;
  rows: number;
}

/**
 * Writes a backup of the whole records store as lines (see `format.ts`), handing each to `write`,
 * which may wait (a file or a response that is slower than the store). Everything is read in one
 * read-only snapshot, so a backup taken beside a running server is the store as of one instant.
 */
export async function writeBackup(
  db: Db,
  write: (line: string) => Promise<void> | void,
  onProgress?: (done: number, total: number) => void,
): Promise<BackupReport> {
  return db.transaction(async (tx) => {
    await tx.exec('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY');
    const tables = await listTables(tx);
    const counts = await rowCounts(tx, tables);
    const migrations = (await appliedMigrations(tx)).map(({ id, checksum }) => ({ id, checksum }));
    const header: BackupHeader = {
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      created_at: new Date().toISOString(),
      driver: db.driver,
      migrations,
      tables: tables.map((t, i) => ({ name: t.name, columns: t.columns, rows: counts[i]! })),
      sequences: await listSequences(tx),
    };
    await write(JSON.stringify(header));
    const total = counts.reduce((a, b) => a + b, 0);
    let done = 0;
    for (const t of tables) {
      for await (const row of tableRows(tx, t)) {
        await write(`${t.name}\t${row}`);
        done++;
        if (done % 500 === 0) onProgress?.(done, total);
      }
    }
    onProgress?.(done, total);
    return { header, rows: done };
  });
}

/** A table's rows as JSON text, by key; a row that refers to another of its table comes after it. */
async function* tableRows(tx: Queryable, t: TableInfo): AsyncGenerator<string> {
  const order = t.key.length > 0 ? t.key.map(ident).join(', ') : 'ctid';
  if (t.selfRef) {
    const rows = await tx.query<{ key: string; ref: string | null; row: string }>(
      `SELECT ${ident(t.selfRef.references)}::text AS key, ${ident(t.selfRef.column)}::text AS ref,
              to_jsonb(x)::text AS row
         FROM ${ident(t.name)} x ORDER BY ${order}`,
    );
    yield* parentsFirst(rows);
    return;
  }
  for (let offset = 0; ; offset += PAGE) {
    const rows = await tx.query<{ row: string }>(
      `SELECT to_jsonb(x)::text AS row FROM ${ident(t.name)} x ORDER BY ${order} LIMIT ${PAGE} OFFSET ${offset}`,
    );
    for (const r of rows) yield r.row;
    if (rows.length < PAGE) return;
  }
}

/** Orders rows so that each comes after the row it refers to, keeping key order otherwise. */
function parentsFirst(rows: { key: string; ref: string | null; row: string }[]): string[] {
  const byKey = new Map(rows.map((r) => [r.key, r]));
  const placed = new Set<string>();
  const out: string[] = [];
  const place = (r: { key: string; ref: string | null; row: string }, depth: number) => {
    if (placed.has(r.key)) return;
    if (depth > rows.length) throw new Error(`rows refer to each other in a circle at ${r.key}`);
    const parent = r.ref === null ? undefined : byKey.get(r.ref);
    if (parent && parent.key !== r.key) place(parent, depth + 1);
    placed.add(r.key);
    out.push(r.row);
  };
  for (const r of rows) place(r, 0);
  return out;
}
