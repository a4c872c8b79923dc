import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { migrate, openPglite, openPostgres } from '../../src/core/index.ts';
import { createDatabase, databaseUrl, PG_URL, postgresReachable } from '../helpers/stores.ts';
import { fillTemplate, type StoreTemplates, TEMPLATES, type TemplateName } from '../helpers/templates.ts';

/**
 * Makes each store template once for the whole run (see test/helpers/templates.ts): a PGlite dump
 * file each and, where the test server is reachable, a PostgreSQL database each; removes them after.
 */
export default async function setup(project: TestProject) {
  const dir = mkdtempSync(path.join(tmpdir(), 'entente-templates-'));
  const templates: StoreTemplates = { pglite: {} as Record<TemplateName, string> };
  for (const name of TEMPLATES) {
    const db = await openPglite();
    await migrate(db);
    await fillTemplate(db, name);
    const file = path.join(dir, `${name}.tar`);
    writeFileSync(file, Buffer.from(await (await db.dump()).arrayBuffer()));
    await db.close();
    templates.pglite[name] = file;
  }
  const databases: string[] = [];
  if (await postgresReachable()) {
    templates.pg = {} as Record<TemplateName, string>;
    for (const name of TEMPLATES) {
      const database = await createDatabase();
      databases.push(database);
      const db = await openPostgres(databaseUrl(database));
      await migrate(db);
      await fillTemplate(db, name);
      await db.close();
      templates.pg[name] = database;
    }
  }
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
