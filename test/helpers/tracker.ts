import { type Actor, addUser, LoginLimiter } from '../../src/accounts/index.ts';
import type { Db } from '../../src/core/index.ts';
import { importDataset } from '../../src/dataset/index.ts';
import { createApp } from '../../src/web/index.ts';
import { BUNDLED, mustLoad } from './datasets.ts';

export const PASSWORD = 'correct horse battery staple';

/** One user per role, plus a second editor so that someone other than the assessor can publish. */
export const USERS = [
  { username: 'carol', displayName: 'Carol Contributor', role: 'contributor' },
  { username: 'erin', displayName: 'Erin Editor', role: 'editor' },
  { username: 'ed', displayName: 'Ed Second-Editor', role: 'editor' },
  { username: 'ada', displayName: 'Ada Admin', role: 'admin' },
  { username: 'vic', displayName: 'Vic Viewer', role: 'viewer' },
] as const;

export type Username = (typeof USERS)[number]['username'];

const CLI: Actor = { id: null, name: 'test setup', role: 'admin' };

/** Fills a fresh store with the bundled record and the test users; returns each user as an actor. */
export async function seed(db: Db): Promise<Record<Username, Actor & { id: number }>> {
  await importDataset(db, mustLoad(BUNDLED));
  const out = {} as Record<Username, Actor & { id: number }>;
  for (const u of USERS) {
    const row = await db.transaction((tx) => addUser(tx, CLI, { ...u, password: PASSWORD }));
    out[u.username] = { id: row.id, name: row.display_name, role: row.role };
  }
  return out;
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
