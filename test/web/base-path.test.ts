import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LoginLimiter } from '../../src/accounts/index.ts';
import type { Db } from '../../src/core/index.ts';
import { Warehouse } from '../../src/signals/index.ts';
import { createApp } from '../../src/web/index.ts';
import { signalsPlugins } from '../../src/web/signals/index.ts';
import { buildSite } from '../../src/web/static/index.ts';
import { everyPageKind, type PageKind } from '../helpers/pages.ts';
import { PASSWORD, seeded } from '../helpers/tracker.ts';
import { fixture } from '../signals/helpers.ts';

const BASE = '/d/other';
const GDELT = ['events-v2/20241210143000.export.CSV', 'events-v2/20250103111500.export.CSV'];

/** Every address in a page's href, action and src attributes that names a path of this host. */
function ownAddresses(html: string): { path: string; post: boolean }[] {
  const out: { path: string; post: boolean }[] = [];
  for (const m of html.matchAll(/<(\w+)([^>]*)>/g)) {
    const post = m[1] === 'form' && /\smethod="post"/.test(m[2]!);
    for (const a of m[2]!.matchAll(/\s(?:href|action|src)="([^"]*)"/g)) {
      const v = a[1]!.replaceAll('&amp;', '&');
      if (v.startsWith('/') && !v.startsWith('//')) out.push({ path: v, post });
    }
  }
  return out;
}

const shared = (path: string) => path.startsWith('/assets/') || path.startsWith('/favicon');
const underBase = (path: string) =>
  path === BASE || path.startsWith(`${BASE}/`) || path.startsWith(`${BASE}?`);

/** The cookies a response sets, as one Cookie header for the next request. */
const cookiesOf = (res: Response, jar: Map<string, string>) => {
  for (const c of res.headers.getSetCookie()) {
    const [k, v] = c.split(';')[0]!.split('=') as [string, string];
    if (/max-age=0/i.test(c)) jar.delete(k);
    else jar.set(k, v);
  }
  return [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
};

describe('a dataset served under /d/<id>', () => {
  let db: Db;
  let w: Warehouse;
  let app: ReturnType<typeof createApp>;
  let pages: PageKind[];
  const jar = new Map<string, string>();
  let cookie = '';

  beforeAll(async () => {
    ({ db } = await seeded());
    w = await Warehouse.open(':memory:');
    for (const f of GDELT) await w.ingest(fixture(f));
    pages = await everyPageKind(db);
    app = createApp({
      db,
      basePath: BASE,
      accounts: { limiter: new LoginLimiter(1000) },
      ...signalsPlugins(db, (fn) => fn(w)),
    });
  });
  afterAll(async () => {
    w?.close();
    await db?.close();
  });

  const get = (path: string, withCookie = false) =>
    app.request(path, withCookie && cookie ? { headers: { Cookie: cookie } } : {});

  async function checkPages(paths: string[], withCookie: boolean) {
    const outside: string[] = [];
    const links = new Set<string>();
    const forms = new Set<string>();
    for (const path of paths) {
      const res = await get(path, withCookie);
      expect(res.status, path).toBe(200);
      for (const a of ownAddresses(await res.text())) {
        if (shared(a.path)) continue;
        if (!underBase(a.path)) outside.push(`${path}: ${a.path}`);
        else (a.post ? forms : links).add(a.path.split('#')[0]!);
      }
    }
    expect(outside).toEqual([]);
    const broken: string[] = [];
    for (const link of links) {
      let res = await get(link, withCookie);
      // `/signals` sends the reader on to the record's pair: one hop, which must stay under the base.
      const to = res.headers.get('Location');
      if (res.status === 302 && to && underBase(to)) res = await get(to, withCookie);
      if (res.status !== 200) broken.push(`${link}: ${res.status}`);
    }
    // A form posted without its anti-forgery token is refused (403) by the route it names, and
    // changes nothing; a 404 would mean the route is not there.
    for (const action of forms) {
      const res = await app.request(action, { method: 'POST', headers: { Cookie: cookie } });
      if (res.status !== 403) broken.push(`POST ${action}: ${res.status}`);
    }
    expect(broken).toEqual([]);
  }

  it('links every page of every kind to pages under its base path, and those pages answer', async () => {
    await checkPages(
      pages.map((p) => `${BASE}${p.path}`),
      false,
    );
  }, 300_000);

  it('does the same for an administrator, whose pages carry forms', async () => {
    const login = await get(`${BASE}/login`);
    cookie = cookiesOf(login, jar);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(await login.text())![1]!;
    const res = await app.request(`${BASE}/login`, {
      method: 'POST',
      body: new URLSearchParams({
        _csrf: csrf,
        username: 'ada',
        password: PASSWORD,
        next: `${BASE}/tracker`,
      }),
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: cookie },
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('Location')).toBe(`${BASE}/tracker`);
    cookie = cookiesOf(res, jar);
    const item = pages.find((p) => p.kind === 'item')!.path;
    await checkPages([`${BASE}/tracker`, `${BASE}${item}`, `${BASE}/account`, `${BASE}/admin/users`], true);
  }, 300_000);

  it('redirects to addresses under its base path', async () => {
    const signals = await get(`${BASE}/signals?a=KOR&b=JPN`);
    expect(signals.status).toBe(303);
    expect(signals.headers.get('Location')).toBe(`${BASE}/signals/KOR-JPN`);
    const page = await get(`${BASE}/tracker`, true);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(await page.text())![1]!;
    const out = await app.request(`${BASE}/logout`, {
      method: 'POST',
      body: new URLSearchParams({ _csrf: csrf }),
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: cookie },
    });
    expect(out.status).toBe(303);
    expect(underBase(out.headers.get('Location')!)).toBe(true);
  });

  it('keeps a next= address of the site only when it is under the base path', async () => {
    const login = await get(`${BASE}/login`);
    const j = new Map<string, string>();
    const c = cookiesOf(login, j);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(await login.text())![1]!;
    const res = await app.request(`${BASE}/login`, {
      method: 'POST',
      body: new URLSearchParams({ _csrf: csrf, username: 'erin', password: PASSWORD, next: '/tracker' }),
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: c },
    });
    expect(res.status).toBe(303);
    expect(underBase(res.headers.get('Location')!)).toBe(true);
  });

  it('writes absolute addresses under the base path in feeds, downloads and the API', async () => {
    const site = `http://localhost${BASE}/`;
    const feed = await (await get(`${BASE}/tracker/feed.atom`)).text();
    const feedLinks = [...feed.matchAll(/href="([^"]+)"/g)].map((m) => m[1]!);
    expect(feedLinks.length).toBeGreaterThan(2);
    expect(feedLinks.filter((u) => !u.startsWith(site))).toEqual([]);
    for (const path of [
      '/tracker/assessments.csv',
      '/tracker/items.csv',
      '/tracker/links.csv',
      '/tracker/datapackage.json',
      '/recommendations.csv',
      '/opinion/eai-genron-joint-poll/results.csv',
    ]) {
      const text = await (await get(`${BASE}${path}`)).text();
      const urls = (text.match(/http:\/\/localhost[^\s",]*/g) ?? []).filter((u) => !u.includes('/assets/'));
      expect(urls.length, path).toBeGreaterThan(0);
      expect(
        urls.filter((u) => !u.startsWith(site)),
        path,
      ).toEqual([]);
    }
    const doc = (await (await get(`${BASE}/api/openapi.json`)).json()) as { servers: { url: string }[] };
    expect(doc.servers).toEqual([{ url: `${BASE}/api` }]);
    const hits = (await (await get(`${BASE}/api/search?q=japan`)).json()) as { results: { url: string }[] };
    expect(hits.results.length).toBeGreaterThan(0);
    expect(hits.results.filter((h) => !underBase(h.url))).toEqual([]);
    // An API error is a problem document there as at the root, not the HTML error page.
    const missing = await get(`${BASE}/api/papers/no-such-paper`);
    expect(missing.status).toBe(404);
    expect(missing.headers.get('Content-Type')).toMatch(/json/);
  });

  it('cites a paper at its page under the base path', async () => {
    const cited = createApp({ db, basePath: BASE, publicUrl: 'https://example.org' });
    const paper = pages.find((p) => p.kind === 'paper')!.path;
    const html = await (await cited.request(`${BASE}${paper}`)).text();
    expect(html).toContain(`content="https://example.org${BASE}${paper}"`);
  });

  it('builds a static copy of the dataset with the files and relative links of the default one', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'entente-base-path-'));
    try {
      const report = await buildSite({
        app,
        outDir: path.join(dir, 'site'),
        basePath: BASE,
        liveUrl: 'https://entente.example/',
        search: false,
        // A sample of the record pages, as in static-build.test.ts: the same code makes the rest.
        skip: [
          /\.pdf$/,
          /\.png$/,
          /^\/(items|assessments|recommendations)\/(?!(a1|b2|camp)-)[^/@]+/,
          /^\/milestones\/(?!19)[^/]+/,
          /^\/(papers|opinion|parties|tracker\/parties)\/[^/]+/,
        ],
      });
      expect(report.broken).toEqual([]);
      const read = (file: string) => readFileSync(path.join(dir, 'site', file), 'utf8');
      for (const file of ['index.html', 'tracker/index.html', 'ko/recommendations/index.html']) {
        const html = read(file);
        expect(html).toContain('<html lang=');
        // Every link of the copy is relative to its file, or to the live site under the base path.
        expect(html.match(/\s(?:href|src|action)="\/[^"]*"/g) ?? [], file).toEqual([]);
        expect(html.match(/https:\/\/entente\.example\/(?!d\/other\/)[^"]*/g) ?? [], file).toEqual([]);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 600_000);

  it('leaves the addresses of the default dataset as they were', async () => {
    const plain = createApp({ db });
    for (const p of pages.filter((x) => x.kind !== 'signals')) {
      const html = await (await plain.request(p.path)).text();
      expect(html, p.path).not.toContain(BASE);
    }
  });
});
