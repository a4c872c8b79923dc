import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { type Db, migrate, openPostgres } from '../../src/core/index.ts';
import { fillTemplate, pgliteFrom, pgTemplate, type TemplateName } from './templates.ts';

/**
 * The PostgreSQL server the store suite runs against. In CI it must be there (a skipped
 * PostgreSQL test would hide a broken driver); on a laptop without one the suite says so and skips.
 */
export const PG_URL = process.env.ENTENTE_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/test';
const REQUIRED = process.env.CI === 'true' || process.env.ENTENTE_REQUIRE_PG === '1';

let reachable: Promise<boolean> | undefined;
export function postgresReachable(): Promise<boolean> {
  reachable ??= (async () => {
    const client = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 3000 });
    try {
      await client.connect();
      await client.end();
      return true;
    } catch (e) {
      if (REQUIRED)
        throw new Error(`PostgreSQL at ${PG_URL} is required in CI but unreachable: ${(e as Error).message}`);
      process.stderr.write(`PostgreSQL at ${PG_URL} is unreachable; its store tests are skipped.\n`);
      return false;
    }
  })();
  return reachable;
}

export interface StoreDriver {
  name: 'pglite' | 'pg';
  /** A fresh store as the template holds it (by default migrated and empty); `drop` removes it. */
  open(template?: TemplateName): Promise<{ db: Db; drop: () => Promise<void> }>;
}

/** A new database on the test server; with a template, a copy of it. */
export async function createDatabase(template?: string): Promise<string> {
  const name = `entente_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}${template ? ` TEMPLATE ${template}` : ''}`);
  } finally {
    await admin.end();
  }
  return name;
}

/** The address of database `name` on the test server. */
export function databaseUrl(name: string): string {
  const url = new URL(PG_URL);
  url.pathname = `/${name}`;
  return url.href;
}

async function freshPostgres(
  template: TemplateName = 'empty',
): Promise<{ db: Db; drop: () => Promise<void> }> {
  const copyOf = pgTemplate(template);
  const name = await createDatabase(copyOf);
  const db = await openPostgres(databaseUrl(name));
  if (!copyOf) {
    await migrate(db);
    await fillTemplate(db, template);
  }
  return {
    db,
    drop: async () => {
      await db.close();
      const a = new pg.Client({ connectionString: PG_URL });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.end();
    },
  };
}

export const DRIVERS: StoreDriver[] = [
  {
    name: 'pglite',
    async open(template = 'empty') {
      const db = await pgliteFrom(template);
      return { db, drop: () => db.close() };
    },
  },
  { name: 'pg', open: freshPostgres },
];

/** Whether a driver can run here; PGlite always can. */
export async function available(d: StoreDriver): Promise<boolean> {
  return d.name === 'pglite' || (await postgresReachable());
}
