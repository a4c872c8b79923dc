import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Actor,
  addUser,
  createToken,
  disableUser,
  enableUser,
  listAudit,
  listTokens,
  setRole,
  startSession,
  tokenUser,
} from '../../src/accounts/index.ts';
import type { CliContext } from '../../src/cli/context.ts';
import { usersCommand } from '../../src/cli/users.ts';
import { CliError, ConflictError, type Db, readConfig } from '../../src/core/index.ts';
import { Client, PASSWORD, seeded, testApp, type Username } from '../helpers/tracker.ts';

const CLI: Actor = { id: null, name: 'test', role: 'admin' };

describe('accounts: passwords, enabling, the last admin, logging out everywhere, old sessions', () => {
  let db: Db;
  let users: Record<Username, Actor & { id: number }>;
  let app: ReturnType<typeof testApp>;
  beforeAll(async () => {
    ({ db, users } = await seeded());
    app = testApp(db);
  });
  afterAll(async () => {
    await db.close();
  });

  it('refuses a password of spaces, or of fewer than 12 characters besides spaces', async () => {
    for (const password of [' '.repeat(12), '\t'.repeat(20), 'a b c d e f g h i j k']) {
      await expect(
        addUser(db, CLI, { username: 'spacey', displayName: 'S', role: 'viewer', password }),
      ).rejects.toThrow(/at least 12 characters other than spaces/);
    }
    await addUser(db, CLI, {
      username: 'spacey',
      displayName: 'S',
      role: 'viewer',
      password: 'twelve chars here',
    });
  });

  it('enables a disabled user again, from the CLI, audited', async () => {
    const out: string[] = [];
    const ctx: CliContext = {
      config: readConfig({}),
      out: (l) => out.push(l),
      err: (l) => out.push(l),
      interactive: false,
      openStore: async () => ({ ...db, close: async () => {} }),
    };
    const run = (...args: string[]) =>
      usersCommand(ctx, { readPassword: async () => PASSWORD })
        .exitOverride()
        .parseAsync(args, { from: 'user' });
    await run('disable', 'vic');
    expect((await new Client(app).logIn('vic')).status).toBe(401);
    await run('enable', 'vic');
    expect(out).toEqual(['vic is disabled.', 'vic is enabled.']);
    expect((await listAudit(db, { entity: 'user', entityId: 'vic' })).map((r) => r.action)).toContain(
      'user.enable',
    );
    expect((await new Client(app).logIn('vic')).status).toBe(303);
    await expect(run('enable', 'nobody')).rejects.toThrow(CliError);
  });

  it('never disables or demotes the last enabled admin', async () => {
    await expect(disableUser(db, CLI, 'ada')).rejects.toThrow(ConflictError);
    await expect(setRole(db, CLI, 'ada', 'editor')).rejects.toThrow(/last enabled admin.*set-role/);
    await expect(setRole(db, CLI, 'ada', 'editor')).rejects.toMatchObject({
      code: 'last_admin',
      status: 409,
    });
    const ada = new Client(app);
    await ada.logIn('ada');
    expect((await ada.post('/admin/users/ada/disable')).status).toBe(409);
    // With a second admin, either may go.
    await setRole(db, CLI, 'ed', 'admin');
    await disableUser(db, CLI, 'ada');
    await expect(disableUser(db, CLI, 'ed')).rejects.toThrow(ConflictError);
    await enableUser(db, CLI, 'ada');
    await setRole(db, CLI, 'ed', 'editor');
  });

  it('refuses a token without a name or with one too long: 400 naming the field, no token made', async () => {
    const browser = new Client(app);
    await browser.logIn('carol');
    const _csrf = await browser.csrf('/account');
    const before = await listTokens(db, users.carol.id);
    for (const name of ['', '   ', 'x'.repeat(81)]) {
      const res = await browser.post('/account/tokens', { _csrf, name });
      expect(res.status).toBe(400);
      expect(await res.text()).toContain('name:');
    }
    expect(await listTokens(db, users.carol.id)).toEqual(before);
  });

  it('answers revoking a token of an id no token can have with 404, not 500', async () => {
    const browser = new Client(app);
    await browser.logIn('carol');
    const _csrf = await browser.csrf('/account');
    for (const id of ['x', '1.5', '-1', '99999999999', encodeURIComponent('"><')]) {
      expect((await browser.post(`/account/tokens/${id}/revoke`, { _csrf })).status).toBe(404);
    }
  });

  it('logs out everywhere: sessions end and API tokens are revoked', async () => {
    const { secret } = await createToken(db, users.carol, 'laptop script');
    expect(await tokenUser(db, secret)).toBeDefined();
    const browser = new Client(app);
    await browser.logIn('carol');
    expect((await browser.post('/account/logout-everywhere')).status).toBe(303);
    expect(await tokenUser(db, secret)).toBeUndefined();
    const api = await app.request('/api/items/x/assessments', {
      method: 'POST',
      headers: { Authorization: `Bearer ${secret}`, 'Content-Type': 'application/json' },
      body: '{}',
    });
    expect(api.status).toBe(401);
  });

  it('deletes expired sessions', async () => {
    await startSession(db, users.erin.id);
    await db.query(`UPDATE sessions SET expires_at = now() - interval '1 day' WHERE user_id = $1`, [
      users.erin.id,
    ]);
    const [{ n: before }] = (await db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM sessions WHERE expires_at <= now()',
    )) as [{ n: number }];
    expect(before).toBeGreaterThan(0);
    await new Client(app).logIn('erin');
    const [{ n }] = (await db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM sessions WHERE expires_at <= now()',
    )) as [{ n: number }];
    expect(n).toBe(0);
  });
});
