import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { watchTables } from './changes.ts';
import { type Db, type Queryable, SHARED_NAMESPACE } from './db.ts';

/** One SQL migration file: `src/<module>/migrations/NNNN_description.sql`. */
export interface Migration {
  id: number;
  name: string;
  sql: string;
  checksum: string;
}

const SRC = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Collects the migrations of every module. Numbers are global across modules so that there is
 * exactly one order, the same for PGlite and PostgreSQL.
 */
export function loadMigrations(srcDir = SRC): Migration[] {
  const found: Migration[] = [];
  for (const mod of readdirSync(srcDir, { withFileTypes: true })) {
    if (!mod.isDirectory()) continue;
    const dir = path.join(srcDir, mod.name, 'migrations');
    let files: string[];
    try {
      files = readdirSync(dir).filter((f) => f.endsWith('.sql'));
    } catch {
      continue;
    }
    for (const file of files) {
      const m = /^(\d{4})_[a-z0-9_]+\.sql$/.exec(file);
      if (!m)
        throw new Error(`Migration file name ${mod.name}/migrations/${file} must look like 0001_name.sql`);
      const sql = readFileSync(path.join(dir, file), 'utf8');
      found.push({
        id: Number(m[1]),
        name: `${mod.name}/${file}`,
        sql,
        checksum: createHash('sha256').update(sql).digest('hex'),
      });
    }
  }
  found.sort((a, b) => a.id - b.id);
  for (let i = 1; i < found.length; i++) {
    if (found[i]!.id === found[i - 1]!.id) {
      throw new Error(
        `Two migrations share number ${found[i]!.id}: ${found[i - 1]!.name} and ${found[i]!.name}`,
      );
    }
  }
  return found;
}

/** Modules whose tables exist once per store, in the shared namespace, whatever datasets it holds. */
const SHARED_MODULES = ['accounts'];

export interface AppliedMigration {
  id: number;
  name: string;
  checksum: string;
}

/** The migrations a store has applied, in order. */
export const appliedMigrations = (q: Queryable): Promise<AppliedMigration[]> =>
  q.query<AppliedMigration>('SELECT id, name, checksum FROM entente_migrations ORDER BY id');

export interface MigrateResult {
  applied: string[];
  alreadyApplied: number;
}

/**
 * Applies pending migrations in order, each in its own transaction, and records them. A migration
 * that has landed must never change: a different checksum stops the run with an explanation.
 */
export async function migrate(db: Db, all = loadMigrations()): Promise<MigrateResult> {
  // A dataset's own schema holds the record tables only; accounts exist once, in the shared one.
  const migrations =
    db.namespace === SHARED_NAMESPACE
      ? all
      : all.filter((m) => !SHARED_MODULES.includes(m.name.split('/')[0]!));
  await db.exec(`CREATE TABLE IF NOT EXISTS entente_migrations (
    id integer PRIMARY KEY,
    name text NOT NULL,
    checksum text NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT now()
  )`);
  return db.transaction(async (tx) => {
    // Two processes starting at once against one server must not both apply the same migration.
    if (db.driver === 'pg') await tx.query('SELECT pg_advisory_xact_lock(7310526)');
    const rows = await appliedMigrations(tx);
    const done = new Map(rows.map((r) => [r.id, r]));
    const applied: string[] = [];
    for (const m of migrations) {
      const prior = done.get(m.id);
      if (prior) {
        if (prior.checksum !== m.checksum) {
          throw new Error(
            `Migration ${m.name} was changed after it was applied (as ${prior.name}). ` +
              'Landed migrations are never edited: put the change in a new migration.',
          );
        }
        continue;
      }
      await tx.exec(m.sql);
      await tx.query('INSERT INTO entente_migrations (id, name, checksum) VALUES ($1, $2, $3)', [
        m.id,
        m.name,
        m.checksum,
      ]);
      applied.push(m.name);
    }
    // New tables are watched for the read cache as soon as they exist.
    if (applied.length > 0) await watchTables(tx);
    return { applied, alreadyApplied: done.size };
  });
}
