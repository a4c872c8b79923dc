import type { Db, Queryable } from '../core/index.ts';
import { type Row, type UpsertOutcome, upsertMany } from '../core/index.ts';
import type { Dataset } from './dataset.ts';
import { TABLES, type TableName } from './tables.ts';
import { toRows } from './to-rows.ts';

export interface ImportReport {
  /** Per table: rows inserted, updated, unchanged, and child rows removed. */
  tables: Record<TableName, Record<UpsertOutcome | 'removed', number>>;
  /** Total rows written or removed; 0 means the store already held exactly this dataset. */
  changes: number;
}

// Rows that only exist as part of a parent record: when the parent is imported, its children in
// the store become exactly those of the file. Tracked items are never removed this way, since
// assessments may refer to them.
const CHILDREN: { table: TableName; parent: string; parentTable: TableName; parentKey: string }[] = [
  { table: 'surveyResults', parent: 'series_id', parentTable: 'surveySeries', parentKey: 'id' },
  { table: 'surveyQuestions', parent: 'series_id', parentTable: 'surveySeries', parentKey: 'id' },
  { table: 'surveyWaves', parent: 'series_id', parentTable: 'surveySeries', parentKey: 'id' },
  { table: 'paperAuthors', parent: 'paper_id', parentTable: 'papers', parentKey: 'id' },
];

/**
 * Writes a dataset into the store in one transaction: a crash part-way leaves the store as it was,
 * and importing the same dataset twice changes nothing the second time.
 */
export async function importDataset(
  db: Db,
  dataset: Dataset,
  onProgress?: (done: number, total: number) => void,
): Promise<ImportReport> {
  const rows = toRows(dataset);
  const total = Object.values(rows).reduce((n, r) => n + r.length, 0);
  const tables = Object.fromEntries(
    Object.keys(TABLES).map((t) => [t, { inserted: 0, updated: 0, unchanged: 0, removed: 0 }]),
  ) as ImportReport['tables'];

  await db.transaction(async (tx) => {
    let done = 0;
    for (const c of CHILDREN) {
      tables[c.table].removed += await pruneChildren(tx, c, rows[c.table], rows[c.parentTable]);
    }
    for (const name of Object.keys(TABLES) as TableName[]) {
      Object.assign(tables[name], await upsertMany(tx, TABLES[name], rows[name]));
      done += rows[name].length;
      onProgress?.(done, total);
    }
  });
  const changes = Object.values(tables).reduce((n, t) => n + t.inserted + t.updated + t.removed, 0);
  return { tables, changes };
}

async function pruneChildren(
  tx: Queryable,
  c: (typeof CHILDREN)[number],
  children: Row[],
  parents: Row[],
): Promise<number> {
  const spec = TABLES[c.table];
  const keep = new Set(children.map((r) => JSON.stringify(spec.key.map((k) => r[k]))));
  let removed = 0;
  for (const parent of parents) {
    const existing = await tx.query<Row>(
      `SELECT ${spec.key.map((k) => `"${k}"`).join(', ')} FROM ${spec.table} WHERE "${c.parent}" = $1`,
      [parent[c.parentKey]],
    );
    for (const r of existing) {
      const key = spec.key.map((k) => r[k]);
      if (keep.has(JSON.stringify(key))) continue;
      await tx.query(
        `DELETE FROM ${spec.table} WHERE ${spec.key.map((k, i) => `"${k}" = $${i + 1}`).join(' AND ')}`,
        key,
      );
      removed++;
    }
  }
  return removed;
}
