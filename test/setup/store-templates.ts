import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import {
  defaultCacheDir,
  emptyStoreFile,
  keepEmptyStore,
  readEmptyStore,
} from '../../src/core/empty-store.ts';
import { loadMigrations, migrate, openPglite, openPostgres } from '../../src/core/index.ts';
import { createDatabase, databaseUrl, PG_URL, postgresReachable } from '../helpers/stores.ts';
import {
  addTemplate,
  type StoreTemplates,
  TEMPLATES,
  type TemplateName,
  templateBase,
} from '../helpers/templates.ts';

/**
 * A migrated empty PGlite store, from the copy Entente keeps for new data folders when there is one
 * (src/core/empty-store.ts): `initdb` is the slowest step of the setup.
 */
async function migratedPglite() {
  const file = emptyStoreFile(defaultCacheDir(), loadMigrations());
  const kept = readEmptyStore(file);
  if (kept) {
    const db = await openPglite(undefined, { from: kept });
    await migrate(db);
    return db;
  }
  const db = await openPglite(undefined);
  await migrate(db);
  await keepEmptyStore(file, await db.dump('none'));
  return db;
}

/**
 * Makes each store template once for the whole run (see test/helpers/templates.ts), each from a
 * copy of the one it builds on: a PGlite dump file each and, where the test server is reachable, a
 * PostgreSQL database each; removes them after.
 */
export default async function setup(project: TestProject) {
  const dir = mkdtempSync(path.join(tmpdir(), 'entente-templates-'));
  const databases: string[] = [];
  // The PGlite chain runs in this process and the PostgreSQL one mostly in the server: side by side.
  const [pglite, pgTemplates] = await Promise.all([
    (async () => {
      const files = {} as Record<TemplateName, string>;
      const dumps = new Map<TemplateName, Blob>();
      for (const name of TEMPLATES) {
        const base = templateBase(name);
        const db = base ? await openPglite(undefined, { from: dumps.get(base) }) : await migratedPglite();
        await addTemplate(db, name);
        const dump = await db.dump();
        await db.close();
        dumps.set(name, dump);
        files[name] = path.join(dir, `${name}.tar`);
        writeFileSync(files[name], Buffer.from(await dump.arrayBuffer()));
      }
      return files;
    })(),
    (async () => {
      if (!(await postgresReachable())) return undefined;
      const made = {} as Record<TemplateName, string>;
      for (const name of TEMPLATES) {
        const base = templateBase(name);
        const database = await createDatabase(base && made[base]);
        databases.push(database);
        const db = await openPostgres(databaseUrl(database));
        if (!base) await migrate(db);
        await addTemplate(db, name);
        await db.close();
        made[name] = database;
      }
      return made;
    })(),
  ]);
  const templates: StoreTemplates = { pglite, ...(pgTemplates && { pg: pgTemplates }) };
  project.provide('storeTemplates', templates);

  return async () => {
    rmSync(dir, { recursive: true, force: true });
    if (databases.length === 0) return;
    const admin = new pg.Client({ connectionString: PG_URL });
    await admin.connect();
    for (const d of databases) await admin.query(`DROP DATABASE IF EXISTS ${d} WITH (FORCE)`);
    await admin.end();
  };
}
