import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Actor, LoginLimiter, listAudit } from '../../src/accounts/index.ts';
import type { Db } from '../../src/core/index.ts';
import { listAssessments } from '../../src/tracker/index.ts';
import { createApp } from '../../src/web/index.ts';
import { Client, draftFields, PASSWORD, seeded, testApp, type Username } from '../helpers/tracker.ts';

const ITEM = 'camp-david-missile-warning-data-sharing';

describe('security of the site and the API', () => {
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

  it('sends security headers on pages and forms: a CSP without inline scripts, nosniff, frame-ancestors, referrer policy', async () => {
    const erin = new Client(app);
    await erin.logIn('erin');
    for (const path of [
      '/tracker',
      `/items/${ITEM}`,
      `/items/${ITEM}/assess`,
      '/login',
      '/account',
      '/tracker/audit',
    ]) {
      const res = await erin.request(path);
      expect(res.status, path).toBe(200);
      const csp = res.headers.get('Content-Security-Policy') ?? '';
      const script = /script-src ([^;]*)/.exec(csp)?.[1] ?? /default-src ([^;]*)/.exec(csp)?.[1];
      expect(script, path).toBe("'self'");
      expect(csp).not.toContain('unsafe-inline');
      expect(csp).toContain("frame-ancestors 'none'");
      expect(res.headers.get('X-Content-Type-Options')).toBe('nosniff');
      expect(res.headers.get('Referrer-Policy')).toBe('strict-origin-when-cross-origin');
      // The forms work without scripts, and nothing inline would be blocked by the policy.
      const html = await res.text();
      expect(html, path).not.toMatch(/<script|\son[a-z]+=|\sstyle=/i);
    }
  });

  it('rejects a form without its CSRF token, or with the token of another session, and writes nothing', async () => {
    const erin = new Client(app);
    const ed = new Client(app);
    await erin.logIn('erin');
    await ed.logIn('ed');
    const before = (await listAssessments(db, { item: ITEM })).length;
    const missing = await erin.post(`/items/${ITEM}/assessments`, { _csrf: '', ...draftFields() });
    expect(missing.status).toBe(403);
    expect(await missing.text()).toContain('did not come from this site');
    const foreign = await erin.post(`/items/${ITEM}/assessments`, {
      _csrf: await ed.csrf('/login'),
      ...draftFields(),
    });
    expect(foreign.status).toBe(403);
    expect((await listAssessments(db, { item: ITEM })).length).toBe(before);
    const ok = await erin.post(`/items/${ITEM}/assessments`, draftFields());
    expect(ok.status).toBe(303);
  });

  it('sets the session cookie Secure, HttpOnly and SameSite, and changes it at every login', async () => {
    const client = new Client(app);
    const first = await client.logIn('erin');
    const cookie = first.headers.getSetCookie().find((c) => c.startsWith('entente_session='))!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/Secure/);
    expect(cookie).toMatch(/SameSite=Lax/);
    const old = client.cookies.get('entente_session')!;
    await client.logIn('erin');
    expect(client.cookies.get('entente_session')).not.toBe(old);
    // The session the browser had before is over: a stolen or planted identifier is worthless.
    const replay = await app.request('/account', { headers: { Cookie: `entente_session=${old}` } });
    expect(replay.status).toBe(401);
  });

  it('slows password guessing: past five failures a username gets 429 even with the right password', async () => {
    let now = 0;
    const limited = createApp({ db, accounts: { limiter: new LoginLimiter(5, 15 * 60_000, () => now) } });
    const client = new Client(limited);
    for (let i = 0; i < 5; i++) expect((await client.logIn('ed', 'wrong password!')).status).toBe(401);
    const blocked = await client.logIn('ed');
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('Retry-After'))).toBeGreaterThan(0);
    now += 15 * 60_000 + 1;
    expect((await client.logIn('ed')).status).toBe(303);
  });

  it('gives nothing away about which usernames exist', async () => {
    const client = new Client(app);
    const unknown = await client.logIn('nobody');
    const wrong = await client.logIn('erin', 'not the password');
    expect(unknown.status).toBe(401);
    expect(await unknown.text()).toContain('The username or password is wrong.');
    expect(await wrong.text()).toContain('The username or password is wrong.');
  });

  it('accepts API writes with a token, refuses them once it is revoked, and never reads cookies', async () => {
    const erin = new Client(app);
    await erin.logIn('erin');
    const made = await erin.post('/account/tokens', { name: 'script' });
    expect(made.status).toBe(201);
    const secret = /<pre id="new-token">([^<]+)<\/pre>/.exec(await made.text())![1]!;
    const body = JSON.stringify({
      as_of: '2023-12-19',
      implementation: 3,
      rationale: 'By script.',
      evidence: [{ title: 't', publisher: 'p', quote: 'q' }],
    });
    const post = (headers: Record<string, string>) =>
      app.request(`/api/items/${ITEM}/assessments`, {
        method: 'POST',
        body,
        headers: { 'Content-Type': 'application/json', ...headers },
      });
    const ok = await post({ Authorization: `Bearer ${secret}` });
    expect(ok.status).toBe(201);
    expect(await ok.json()).toMatchObject({ assessor: 'Erin Editor', state: 'draft' });
    // A browser's session cookie does not authenticate the API, so other sites cannot ride on it.
    const cookie = `entente_session=${erin.cookies.get('entente_session')}`;
    expect((await post({ Cookie: cookie })).status).toBe(401);
    const [token] = await db.query<{ id: number }>('SELECT id FROM api_tokens WHERE user_id = $1', [
      users.erin.id,
    ]);
    expect((await erin.post(`/account/tokens/${token!.id}/revoke`)).status).toBe(303);
    expect((await post({ Authorization: `Bearer ${secret}` })).status).toBe(401);
    expect((await listAudit(db, { entity: 'token' })).map((r) => r.action)).toEqual([
      'token.revoke',
      'token.create',
    ]);
  });

  it('answers invalid API bodies with a problem naming each field', async () => {
    const erin = new Client(app);
    await erin.logIn('erin');
    const made = await erin.post('/account/tokens', { name: 'validation' });
    const secret = /<pre id="new-token">([^<]+)<\/pre>/.exec(await made.text())![1]!;
    const res = await app.request(`/api/items/${ITEM}/assessments`, {
      method: 'POST',
      body: JSON.stringify({ as_of: '2023-02-30', implementation: 5, rationale: 'x', evidence: [] }),
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${secret}` },
    });
    expect(res.status).toBe(400);
    const problem = (await res.json()) as { code: string; errors: { field: string }[] };
    expect(problem.errors.map((e) => e.field).sort()).toEqual(['as_of', 'evidence', 'implementation']);
    expect(problem.code).toBe('invalid_input');
  });

  it('logs out everywhere: every session of the user ends', async () => {
    const laptop = new Client(app);
    const phone = new Client(app);
    await laptop.logIn('carol');
    await phone.logIn('carol');
    expect((await phone.request('/account')).status).toBe(200);
    expect((await laptop.post('/account/logout-everywhere')).status).toBe(303);
    expect((await phone.request('/account')).status).toBe(401);
    expect((await laptop.request('/account')).status).toBe(401);
  });

  it('shows a form rejected for bad input again with every value kept and each field named', async () => {
    const carol = new Client(app);
    await carol.logIn('carol');
    const res = await carol.post(
      `/items/${ITEM}/assessments`,
      draftFields({ 'compliance.KOR': '2', 'evidence.0.url': 'not a url', rationale: 'Kept rationale' }),
    );
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('Kept rationale');
    expect(html).toContain('value="not a url"');
    expect(html).toContain('compliance.0.score');
    expect(html).toContain('evidence.0.url');
  });

  it('keeps the login password out of the audit log and user listings', async () => {
    const rows = await listAudit(db, { entity: 'user' });
    expect(JSON.stringify(rows)).not.toContain(PASSWORD);
    expect(JSON.stringify(rows)).not.toContain('argon2');
  });
});
