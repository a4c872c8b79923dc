import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { emptyStoreFile, keepEmptyStore } from '../../src/core/empty-store.ts';
import { type Db, loadMigrations, openStore, readConfig } from '../../src/core/index.ts';
import { pgliteFrom } from '../helpers/templates.ts';

const scratch = mkdtempSync(path.join(tmpdir(), 'entente-empty-store-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
let n = 0;
const fresh = () => ({ dataDir: path.join(scratch, `data-${n++}`) });

const tableNames = async (db: Db) => {
  const rows = await db.query<{ t: string }>(
    `SELECT table_name AS t FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1`,
  );
  return rows.map((r) => r.t);
};

const tables = async (config: { dataDir: string; cacheDir?: string }) => {
  const db = await openStore(config);
  try {
    return await tableNames(db);
  } finally {
    await db.close();
  }
};

describe('a new embedded store starts from the kept copy of an empty one', () => {
  const cacheDir = path.join(scratch, 'cache');
  const file = emptyStoreFile(cacheDir, loadMigrations());

  it('opens a new folder from the copy: what the copy holds, the new store holds', async () => {
    // A copy with a mark no migration makes, so that the store can only hold it if it began there.
    const db = await pgliteFrom('empty');
    await db.exec('CREATE TABLE made_from_the_copy (x int)');
    await keepEmptyStore(file, await db.dump('none'));
    await db.close();
    const folder = fresh();
    const store = await openStore({ ...folder, cacheDir });
    expect(await tableNames(store)).toContain('made_from_the_copy');
    // A folder that already holds a store is opened as it is, never replaced by the copy.
    await store.exec('DROP TABLE made_from_the_copy');
    await store.close();
    expect(await tables({ ...folder, cacheDir })).not.toContain('made_from_the_copy');
  });

  it('starts the long way from a damaged copy, and leaves a good one for the next', async () => {
    writeFileSync(file, 'not a tar archive');
    const made = await tables({ ...fresh(), cacheDir });
    expect(made).toContain('entente_migrations');
    expect(made).not.toContain('made_from_the_copy');
    // The copy was made again from the store just migrated: the next folder starts from it.
    expect(readdirSync(cacheDir)).toEqual([path.basename(file)]);
    expect(await tables({ ...fresh(), cacheDir })).toEqual(made);
  });

  it('names the copy by the migrations: another migration, another file, and the old one goes', async () => {
    const migrations = loadMigrations();
    const changed = [...migrations, { id: 9999, name: 'x/9999_new.sql', sql: 'SELECT 1', checksum: 'c' }];
    const other = emptyStoreFile(cacheDir, changed);
    expect(other).not.toBe(file);
    await keepEmptyStore(other, new Blob([new Uint8Array(8)]));
    expect(readdirSync(cacheDir)).toEqual([path.basename(other)]);
  });

  it('keeps nothing with ENTENTE_CACHE_DIR=off, and finds its folder beside PGlite by default', () => {
    expect(readConfig({ ENTENTE_CACHE_DIR: 'off' }).cacheDir).toBeUndefined();
    expect(readConfig({ ENTENTE_CACHE_DIR: 'some/where' }).cacheDir).toBe(path.resolve('some/where'));
    const dir = readConfig({}).cacheDir!;
    expect(dir.endsWith(path.join('node_modules', '.cache', 'entente'))).toBe(true);
    expect(existsSync(path.join(dir, '..', '..', '@electric-sql', 'pglite', 'package.json'))).toBe(true);
  });
});
