import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { type Db, migrate, openPglite, openPostgres } from '../../src/core/index.ts';

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
  /** A fresh, migrated, empty store; `drop` removes it. */
  open(): Promise<{ db: Db; drop: () => Promise<void> }>;
}

async function freshPostgres(): Promise<{ db: Db; drop: () => Promise<void> }> {
  const name = `entente_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(PG_URL);
  url.pathname = `/${name}`;
  const db = await openPostgres(url.href);
  await migrate(db);
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
    async open() {
      const db = await openPglite();
      await migrate(db);
      return { db, drop: () => db.close() };
    },
  },
  { name: 'pg', open: freshPostgres },
];

/** Whether a driver can run here; PGlite always can. */
export async function available(d: StoreDriver): Promise<boolean> {
  return d.name === 'pglite' || (await postgresReachable());
}
