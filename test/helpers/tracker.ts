import { type Actor, LoginLimiter, type Role } from '../../src/accounts/index.ts';
import type { Db } from '../../src/core/index.ts';
import { createApp } from '../../src/web/index.ts';
import { PASSWORD, pgliteFrom, USERS } from './templates.ts';

export { PASSWORD, USERS } from './templates.ts';

export type Username = (typeof USERS)[number]['username'];

/** Each test user of a store filled as the `seeded` template, as an actor. */
export async function actors(db: Db): Promise<Record<Username, Actor & { id: number }>> {
  const rows = await db.query<{ id: number; username: Username; display_name: string; role: Role }>(
    'SELECT id, username, display_name, role FROM users',
  );
  const out = {} as Record<Username, Actor & { id: number }>;
  for (const u of USERS) {
    const row = rows.find((r) => r.username === u.username);
    if (!row)
      throw new Error(`the store holds no test user ${u.username}: was it made from the seeded template?`);
    out[u.username] = { id: row.id, name: row.display_name, role: row.role };
  }
  return out;
}

/** A new in-memory store with the bundled record and the test users, copied from the template. */
export async function seeded(): Promise<{ db: Db; users: Record<Username, Actor & { id: number }> }> {
  const db = await pgliteFrom('seeded');
  return { db, users: await actors(db) };
}

/** The app with a generous login limiter, so that tests logging in often are not throttled. */
export const testApp = (db: Db) => createApp({ db, accounts: { limiter: new LoginLimiter(1000) } });

type App = ReturnType<typeof testApp>;

/** A browser-like client for in-process requests: keeps cookies and reads the CSRF token of pages. */
export class Client {
  readonly cookies = new Map<string, string>();
  constructor(readonly app: App) {}

  async request(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size > 0)
      headers.set('Cookie', [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '));
    const res = await this.app.request(path, { ...init, headers });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const [k, v] = pair!.split('=') as [string, string];
      if (/max-age=0/i.test(c)) this.cookies.delete(k);
      else this.cookies.set(k, v);
    }
    return res;
  }

  /** The anti-forgery token a page of this client carries. */
  async csrf(path = '/login'): Promise<string> {
    const html = await (await this.request(path)).text();
    const m = /name="_csrf" value="([^"]+)"/.exec(html);
    if (!m) throw new Error(`${path} has no CSRF token`);
    return m[1]!;
  }

  /** Posts a form with this client's CSRF token (unless the fields give one). */
  async post(path: string, fields: Record<string, string | string[]> = {}): Promise<Response> {
    const body = new URLSearchParams();
    if (!('_csrf' in fields)) body.append('_csrf', await this.csrf('/login'));
    for (const [k, v] of Object.entries(fields)) for (const x of [v].flat()) body.append(k, x);
    return this.request(path, {
      method: 'POST',
      body,
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    });
  }

  async logIn(username: string, password = PASSWORD): Promise<Response> {
    const _csrf = await this.csrf('/login');
    return this.post('/login', { _csrf, username, password });
  }
}

/** A form body that drafts a commitment's assessment with one piece of evidence. */
export const draftFields = (over: Record<string, string> = {}) => ({
  as_of: '2023-12-19',
  implementation: '3',
  'compliance.KOR': '1',
  rationale: 'The mechanism was activated as pledged.',
  'evidence.0.title': 'Trilateral Ministerial Joint Press Statement',
  'evidence.0.publisher': 'U.S. Department of Defense',
  'evidence.0.date': '2023-12-19',
  'evidence.0.quote': 'fully activated a real-time DPRK missile warning data sharing mechanism',
  ...over,
});
