import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { LoginLimiter } from '../../src/accounts/index.ts';
import { type Db, openPostgres, readConfig } from '../../src/core/index.ts';
import { createApp } from '../../src/web/index.ts';
import { available, DRIVERS, databaseUrl } from '../helpers/stores.ts';
import { Client, seeded } from '../helpers/tracker.ts';

type App = ReturnType<typeof createApp>;

/** The app as seen from one socket address, as @hono/node-server passes it. */
const from = (app: App, remoteAddress: string) =>
  ({
    request: (path: string, init?: RequestInit) =>
      app.request(path, init, { incoming: { socket: { remoteAddress } } }),
  }) as unknown as App;

describe('login limits and the page after login', () => {
  let db: Db;
  const now = 0;
  const clock = () => now;
  beforeAll(async () => {
    ({ db } = await seeded());
  });
  afterAll(async () => {
    await db.close();
  });

  it('counts failures per socket address: five wrong passwords from one client lock out no other client', async () => {
    const app = createApp({ db, accounts: { limiter: new LoginLimiter(5, 15 * 60_000, clock) } });
    const guesser = new Client(from(app, '203.0.113.7'));
    for (let i = 0; i < 5; i++) expect((await guesser.logIn('ed', 'wrong password!')).status).toBe(401);
    expect((await guesser.logIn('ed')).status).toBe(429);
    // The real user on another address, and every other user, still log in.
    expect((await new Client(from(app, '198.51.100.2')).logIn('ed')).status).toBe(303);
    expect((await new Client(from(app, '198.51.100.3')).logIn('erin')).status).toBe(303);
  });

  it('ignores a forged X-Forwarded-For unless a proxy is trusted', async () => {
    const app = createApp({ db, accounts: { limiter: new LoginLimiter(5, 15 * 60_000, clock) } });
    const socket = from(app, '203.0.113.8');
    let last = 0;
    for (let i = 0; i < 8; i++) {
      const client = new Client(socket);
      const csrf = await client.csrf('/login');
      const res = await client.request('/login', {
        method: 'POST',
        headers: {
          'Content-Type': 'application/x-www-form-urlencoded',
          'X-Forwarded-For': `10.0.0.${i}`,
        },
        body: new URLSearchParams({ _csrf: csrf, username: 'ada', password: 'wrong password!' }),
      });
      last = res.status;
    }
    expect(last).toBe(429);
  });

  it('reads the last X-Forwarded-For entry when ENTENTE_TRUST_PROXY is set', async () => {
    expect(readConfig({ ENTENTE_TRUST_PROXY: '1' }).trustProxy).toBe(true);
    expect(readConfig({}).trustProxy).toBe(false);
    expect(() => readConfig({ ENTENTE_TRUST_PROXY: 'maybe' })).toThrow(/ENTENTE_TRUST_PROXY must be 1 or 0/);
    const app = createApp({
      db,
      accounts: { trustProxy: true, limiter: new LoginLimiter(5, 15 * 60_000, clock) },
    });
    const proxy = from(app, '127.0.0.1');
    const attempt = async (forwarded: string, password: string) => {
      const client = new Client(proxy);
      const csrf = await client.csrf('/login');
      return client.request('/login', {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'X-Forwarded-For': forwarded },
        body: new URLSearchParams({ _csrf: csrf, username: 'vic', password }),
      });
    };
    // A client may prepend anything; the proxy appends the address it saw.
    for (let i = 0; i < 5; i++) await attempt(`1.1.1.${i}, 192.0.2.50`, 'wrong password!');
    expect((await attempt('9.9.9.9, 192.0.2.50', 'correct horse battery staple')).status).toBe(429);
    expect((await attempt('192.0.2.51', 'correct horse battery staple')).status).toBe(303);
  });

  describe('the page after login', () => {
    let app: App;
    beforeAll(() => {
      app = createApp({ db, accounts: { limiter: new LoginLimiter(1000) } });
    });
    const logInWith = async (next: string) => {
      const client = new Client(app);
      const csrf = await client.csrf('/login');
      return client.post('/login', {
        _csrf: csrf,
        username: 'erin',
        password: 'correct horse battery staple',
        next,
      });
    };

    it.each([
      '/\t/evil.example',
      '/\n/evil.example',
      '/\\evil.example',
      '\\\\evil.example',
      '//evil.example',
      'https://evil.example/',
      '/\r\nSet-Cookie: x=1',
      'javascript:alert(1)',
    ])('refuses next=%j with 400 and no redirect', async (next) => {
      const res = await logInWith(next);
      expect(res.status).toBe(400);
      expect(res.headers.get('Location')).toBeNull();
      expect(await res.text()).toContain('must be a path of this site');
    });

    it('follows a path of this site, with its query', async () => {
      const res = await logInWith('/items/x?lang=ko#links');
      expect(res.status).toBe(303);
      expect(res.headers.get('Location')).toBe('/items/x?lang=ko#links');
    });

    it('does not carry a foreign next into the login form', async () => {
      const html = await (await app.request('/login?next=%2F%09%2Fevil.example')).text();
      // (The language links keep the query: links to this page, which are harmless.)
      expect(html).not.toContain('name="next"');
      const ok = await (await app.request('/login?next=%2Fitems%2Fx')).text();
      expect(ok).toContain('name="next" value="/items/x"');
    });
  });
});

// The counts live in the store, so that every server process on one database counts the same guesses.
for (const driver of DRIVERS) {
  const runnable = await available(driver);
  describe.skipIf(!runnable)(`login counts in the store on ${driver.name}`, () => {
    let db: Db;
    let drop: () => Promise<void>;
    beforeEach(async () => {
      ({ db, drop } = await driver.open('seeded'));
    });
    afterEach(async () => {
      await drop();
    });

    it('locks a guessing address out for longer each time, and a success clears it', async () => {
      let t = 0;
      const limiter = new LoginLimiter(5, 60_000, () => t);
      const a = { username: 'erin', address: '203.0.113.9' };
      for (let i = 0; i < 5; i++) await limiter.fail(db, a);
      expect(await limiter.retryAfter(db, a)).toBe(60);
      t += 60_001;
      expect(await limiter.retryAfter(db, a)).toBe(0);
      for (let i = 0; i < 5; i++) await limiter.fail(db, a);
      expect(await limiter.retryAfter(db, a)).toBe(120);
      expect(await limiter.retryAfter(db, { ...a, address: '198.51.100.9' })).toBe(0);
      await limiter.succeed(db, a);
      expect(await limiter.retryAfter(db, a)).toBe(0);
    });

    it('forgets failures older than the window', async () => {
      let t = 0;
      const limiter = new LoginLimiter(5, 60_000, () => t);
      const a = { username: 'erin', address: '203.0.113.11' };
      for (let i = 0; i < 4; i++) await limiter.fail(db, a);
      t += 60_001;
      await limiter.fail(db, a);
      expect(await limiter.retryAfter(db, a)).toBe(0);
    });

    it('limits one address spraying many usernames', async () => {
      const limiter = new LoginLimiter(5, 60_000, () => 0);
      for (let i = 0; i < 20; i++) await limiter.fail(db, { username: `user${i}`, address: '203.0.113.10' });
      expect(
        await limiter.retryAfter(db, { username: 'someone-else', address: '203.0.113.10' }),
      ).toBeGreaterThan(0);
    });

    it('keeps no username typed, and removes keys whose failures and lock are past', async () => {
      let t = 0;
      const limiter = new LoginLimiter(5, 60_000, () => t);
      await limiter.fail(db, { username: 'my secret password', address: '203.0.113.12' });
      const rows = await db.query<{ key_hash: string }>('SELECT key_hash FROM login_strikes');
      expect(rows).toHaveLength(2);
      expect(JSON.stringify(rows)).not.toContain('secret');
      t += 60_001;
      await limiter.fail(db, { username: 'someone', address: '198.51.100.12' });
      const left = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM login_strikes');
      expect(left[0]!.n).toBe(2);
    });

    it('counts a failure at once for every limiter on the store, and a login does not raise the change number', async () => {
      const limiter = new LoginLimiter(5, 60_000, () => 0);
      const a = { username: 'ed', address: '203.0.113.13' };
      const before = await db.query<{ version: number }>('SELECT version FROM entente_changes');
      await Promise.all(Array.from({ length: 5 }, () => limiter.fail(db, a)));
      expect(await new LoginLimiter(5, 60_000, () => 0).retryAfter(db, a)).toBe(60);
      expect(await db.query('SELECT version FROM entente_changes')).toEqual(before);
    });

    it.skipIf(driver.name !== 'pg')(
      'shares the counts between two apps on one database, as two server processes would',
      async () => {
        const [{ name }] = (await db.query<{ name: string }>('SELECT current_database() AS name')) as [
          { name: string },
        ];
        const other = await openPostgres(databaseUrl(name));
        try {
          const clock = () => 0;
          const a = createApp({ db, accounts: { limiter: new LoginLimiter(5, 15 * 60_000, clock) } });
          const b = createApp({ db: other, accounts: { limiter: new LoginLimiter(5, 15 * 60_000, clock) } });
          const guesser = new Client(from(a, '203.0.113.14'));
          for (let i = 0; i < 5; i++) expect((await guesser.logIn('ed', 'wrong password!')).status).toBe(401);
          expect((await new Client(from(b, '203.0.113.14')).logIn('ed')).status).toBe(429);
        } finally {
          await other.close();
        }
      },
    );
  });
}
