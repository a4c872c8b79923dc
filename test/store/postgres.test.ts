import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { DRIVERS, PG_URL, postgresReachable } from '../helpers/stores.ts';

const reachable = await postgresReachable();

describe.skipIf(!reachable)('PostgreSQL driver', () => {
  it('survives the server closing its idle connections, and answers the next query', async () => {
    const { db, drop } = await DRIVERS.find((d) => d.name === 'pg')!.open();
    try {
      const [{ pid }] = (await db.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')) as [
        { pid: number },
      ];
      const admin = new pg.Client({ connectionString: PG_URL });
      await admin.connect();
      await admin.query('SELECT pg_terminate_backend($1)', [pid]);
      await admin.end();
      // Let the pool see the closed connection as an idle-client error before the next query.
      await new Promise((r) => setTimeout(r, 200));
      expect(await db.query('SELECT 1 AS one')).toEqual([{ one: 1 }]);
    } finally {
      await drop();
    }
  });
});
