import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, createToken } from '../../src/accounts/index.ts';
import { changeVersion, type Db, migrate, openPostgres } from '../../src/core/index.ts';
import { importDataset } from '../../src/dataset/index.ts';
import { draftAssessment, publishAssessment, submitForReview } from '../../src/tracker/index.ts';
import { createApp } from '../../src/web/index.ts';
import { MINI, mustLoad } from '../helpers/datasets.ts';
import { available, DRIVERS, PG_URL } from '../helpers/stores.ts';
import { PASSWORD } from '../helpers/templates.ts';

const PAPER = '/papers/2025-skj-08-introduction';
const TITLE = 'South Korea-Japan Partnership ⑧ Introduction';
const cached = (db: Db) => createApp({ db, cache: { maxBytes: 8 * 2 ** 20 } });
const rename = (db: Db, title: string) =>
  db.query('UPDATE papers SET title = $1 WHERE id = $2', [title, '2025-skj-08-introduction']);

const ITEM = 'trilateral-nuclear-risk-discussions';

/** Two editors of the store, by user name: one to draft and submit, one to publish. */
async function editors(db: Db, names: [string, string]) {
  const setup = { id: null, name: 'test setup', role: 'admin' } as const;
  const users = await Promise.all(
    names.map((username) =>
      db.transaction((tx) =>
        addUser(tx, setup, { username, displayName: username, role: 'editor', password: PASSWORD }),
      ),
    ),
  );
  return users.map((u, i) => ({ id: u.id, name: names[i]!, role: 'editor' }) as const);
}

/** An assessment of {@link ITEM} drafted and submitted by one new editor, published by another. */
async function publishOne(
  db: Db,
  names: [string, string],
  as_of: string,
  implementation: number,
  rationale: string,
) {
  const [author, publisher] = await editors(db, names);
  const draft = await draftAssessment(db, author!, ITEM, {
    as_of,
    implementation,
    rationale,
    evidence: [{ title: 'T', publisher: 'P', url: `https://example.org/${as_of}`, quote: 'q' }],
  });
  const submitted = await submitForReview(db, author!, draft.id, draft.version);
  await publishAssessment(db, publisher!, draft.id, submitted.version);
}

for (const driver of DRIVERS) {
  describe.runIf(await available(driver))(`read cache (${driver.name})`, () => {
    let db: Db;
    let drop: () => Promise<void>;
    let app: ReturnType<typeof cached>;
    beforeAll(async () => {
      ({ db, drop } = await driver.open());
      await importDataset(db, mustLoad(MINI));
      app = cached(db);
    });
    afterAll(() => drop());

    it('serves a page again from the cache, with a strong ETag a CDN can revalidate', async () => {
      const first = await app.request(PAPER);
      expect(first.status).toBe(200);
      expect(first.headers.get('X-Entente-Cache')).toBe('miss');
      const body = await first.text();
      expect(body).toContain(TITLE);
      const second = await app.request(PAPER);
      expect(second.headers.get('X-Entente-Cache')).toBe('hit');
      expect(await second.text()).toBe(body);
      const etag = first.headers.get('ETag')!;
      expect(etag).toMatch(/^"[\w-]{27}"$/);
      expect(second.headers.get('ETag')).toBe(etag);
      expect(second.headers.get('Cache-Control')).toBe('public, no-cache');
      expect(second.headers.get('Vary')).toContain('Cookie');
      expect(second.headers.get('Content-Type')).toMatch(/^text\/html/);
    });

    it('answers If-None-Match with a 304 and no body', async () => {
      const etag = (await app.request(PAPER)).headers.get('ETag')!;
      const res = await app.request(PAPER, { headers: { 'If-None-Match': `W/"other", ${etag}` } });
      expect(res.status).toBe(304);
      expect(await res.text()).toBe('');
      expect(res.headers.get('ETag')).toBe(etag);
      expect((await app.request(PAPER, { headers: { 'If-None-Match': '"other"' } })).status).toBe(200);
    });

    it('shows a write at the next request, and a transaction that changes nothing keeps the cache', async () => {
      const before = await changeVersion(db);
      await importDataset(db, mustLoad(MINI));
      expect(await changeVersion(db)).toBe(before);
      expect((await app.request(PAPER)).headers.get('X-Entente-Cache')).toBe('hit');

      await rename(db, 'A renamed paper');
      expect(await changeVersion(db)).not.toBe(before);
      const res = await app.request(PAPER);
      expect(res.headers.get('X-Entente-Cache')).toBe('miss');
      expect(await res.text()).toContain('A renamed paper');
      // The old ETag no longer matches: a CDN that asks again gets the new page.
      await importDataset(db, mustLoad(MINI));
      const back = await app.request(PAPER);
      expect(await back.text()).toContain(TITLE);
    });

    it('keeps one answer per language and never one for a signed-in reader', async () => {
      const ko = await app.request(PAPER, { headers: { 'Accept-Language': 'ko' } });
      expect(ko.headers.get('Content-Language')).toBe('ko');
      const en = await app.request(PAPER, { headers: { 'Accept-Language': 'en' } });
      expect(en.headers.get('Content-Language')).toBe('en');
      expect(await ko.text()).not.toBe(await en.text());
      expect(
        (await app.request(PAPER, { headers: { 'Accept-Language': 'ko' } })).headers.get('X-Entente-Cache'),
      ).toBe('hit');

      for (const cookie of ['entente_session=abc', 'lang=en; entente_csrf=xyz']) {
        const res = await app.request(PAPER, { headers: { Cookie: cookie } });
        expect(res.status).toBe(200);
        expect(res.headers.get('X-Entente-Cache')).toBeNull();
        expect(res.headers.get('Cache-Control')).toBe('private, no-store');
      }
      const api = await app.request('/api/papers', { headers: { Authorization: 'Bearer nope' } });
      expect(api.headers.get('X-Entente-Cache')).toBeNull();
      // A language switch sets the language cookie, the same for everyone asking for its URL: its
      // answer is kept with the cookie; an answer setting any other cookie is not.
      const switched = await app.request(`${PAPER}?lang=ja`);
      expect(switched.headers.get('Set-Cookie')).toContain('lang=ja');
      const again = await app.request(`${PAPER}?lang=ja`);
      expect(again.headers.get('X-Entente-Cache')).toBe('hit');
      expect(again.headers.get('Set-Cookie')).toContain('lang=ja');
      expect(again.headers.get('Content-Language')).toBe('ja');
      for (let i = 0; i < 2; i++)
        expect((await app.request('/login')).headers.get('X-Entente-Cache')).toBeNull();
    });

    it("keeps the tracker's pages for an anonymous reader, who is given no cookie", async () => {
      for (const path of ['/tracker', '/tracker/parties/KOR']) {
        const first = await app.request(path);
        expect(first.status).toBe(200);
        expect(first.headers.get('Set-Cookie')).toBeNull();
        expect(await first.text()).not.toContain('name="_csrf"');
        expect((await app.request(path)).headers.get('X-Entente-Cache')).toBe('hit');
      }
    });

    it('is not emptied by an API reader with a token: recording its use is no change of the records', async () => {
      const setup = { id: null, name: 'test setup', role: 'admin' } as const;
      const user = await db.transaction((tx) =>
        addUser(tx, setup, {
          username: 'script',
          displayName: 'A script',
          role: 'viewer',
          password: PASSWORD,
        }),
      );
      const { secret } = await createToken(
        db,
        { id: user.id, name: user.display_name, role: 'viewer' },
        'script',
      );
      await app.request(PAPER);
      const before = await changeVersion(db);
      for (let i = 0; i < 2; i++) {
        const res = await app.request('/api/assessments', { headers: { Authorization: `Bearer ${secret}` } });
        expect(res.status).toBe(200);
      }
      expect(await changeVersion(db)).toBe(before);
      expect((await app.request(PAPER)).headers.get('X-Entente-Cache')).toBe('hit');
      const [token] = await db.query<{ used: string | null }>('SELECT last_used_at AS used FROM api_tokens');
      expect(token?.used).toBeTruthy();
    });

    it("is not emptied by an editor's draft or review step, which no reader sees; a publication empties it", async () => {
      const [ann, bea] = await editors(db, ['ann', 'bea']);
      const page = `/items/${ITEM}`;
      await app.request(page);
      const before = await changeVersion(db);
      const draft = await draftAssessment(db, ann!, ITEM, {
        as_of: '2025-06-01',
        implementation: 1,
        rationale: 'A first step.',
        evidence: [{ title: 'T', publisher: 'P', url: 'https://example.org/t', quote: 'q' }],
      });
      const submitted = await submitForReview(db, ann!, draft.id, draft.version);
      expect(await changeVersion(db)).toBe(before);
      expect((await app.request(page)).headers.get('X-Entente-Cache')).toBe('hit');
      await publishAssessment(db, bea!, draft.id, submitted.version);
      expect(await changeVersion(db)).not.toBe(before);
      const after = await app.request(page);
      expect(after.headers.get('X-Entente-Cache')).toBe('miss');
      expect(await after.text()).toContain('A first step.');
    });

    it('renders again after a publication only the pages that read assessments', async () => {
      for (const p of ['/tracker', '/milestones', '/opinion']) await app.request(p);
      await publishOne(db, ['cy', 'dee'], '2025-07-01', 2, 'A second step.');
      expect((await app.request('/tracker')).headers.get('X-Entente-Cache')).toBe('miss');
      expect((await app.request('/milestones')).headers.get('X-Entente-Cache')).toBe('hit');
      expect((await app.request('/opinion')).headers.get('X-Entente-Cache')).toBe('hit');
      // A write to the table a page reads still shows at once.
      await db.query("UPDATE milestones SET title = title || ' (renamed)'");
      const milestones = await app.request('/milestones');
      expect(milestones.headers.get('X-Entente-Cache')).toBe('miss');
      expect(await milestones.text()).toContain('(renamed)');
      expect((await app.request('/opinion')).headers.get('X-Entente-Cache')).toBe('hit');
    });

    it('reads what a publication left unchanged once for every page and language', async () => {
      const sent: string[] = [];
      const spied: Db = Object.create(db, {
        query: {
          value: (sql: string, params?: unknown[]) => {
            sent.push(sql);
            return db.query(sql, params);
          },
        },
      });
      const site = cached(spied);
      const times = (pattern: RegExp) => sent.filter((sql) => pattern.test(sql)).length;
      const ITEMS = /FROM commitments c JOIN milestones m ON m.id = c.milestone_id\s+\) i/;
      const PUBLISHED = /FROM assessments WHERE state = 'published'/;
      const en = await (await site.request('/tracker')).text();
      await site.request('/tracker?lang=ko');
      await site.request('/recommendations');
      expect([times(ITEMS), times(PUBLISHED)]).toEqual([1, 1]);

      await publishOne(db, ['eve', 'fay'], '2025-08-01', 3, 'A third step.');
      const after = await site.request('/tracker');
      expect(after.headers.get('X-Entente-Cache')).toBe('miss');
      expect(await after.text()).not.toBe(en);
      await site.request('/tracker?lang=ko');
      // The items were not read again; the assessments were, once for both languages.
      expect([times(ITEMS), times(PUBLISHED)]).toEqual([1, 2]);

      await db.query("UPDATE recommendations SET title = title || ' (retitled)' WHERE id = $1", [ITEM]);
      const retitled = await site.request('/tracker?lang=ko');
      expect(retitled.headers.get('X-Entente-Cache')).toBe('miss');
      expect(await retitled.text()).toContain('(retitled)');
      expect(times(ITEMS)).toBe(2);
    });

    it('keeps API reads too, and bounds its memory', async () => {
      const first = await app.request('/api/papers');
      expect(first.headers.get('X-Entente-Cache')).toBe('miss');
      expect((await app.request('/api/papers')).headers.get('X-Entente-Cache')).toBe('hit');
      // A cache smaller than the page keeps nothing and still answers.
      const tiny = createApp({ db, cache: { maxBytes: 100 } });
      for (let i = 0; i < 2; i++) {
        const res = await tiny.request(PAPER);
        expect(res.status).toBe(200);
        expect(res.headers.get('X-Entente-Cache')).toBe('miss');
      }
    });
  });
}

describe.runIf(await available(DRIVERS[1]!))('read cache across processes (PostgreSQL)', () => {
  const name = `entente_test_${randomBytes(6).toString('hex')}`;
  const url = new URL(PG_URL);
  url.pathname = `/${name}`;
  let a: Db;
  let b: Db;
  beforeAll(async () => {
    const admin = new pg.Client({ connectionString: PG_URL });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    a = await openPostgres(url.href);
    b = await openPostgres(url.href);
    await migrate(a);
    await importDataset(a, mustLoad(MINI));
  });
  afterAll(async () => {
    await a.close();
    await b.close();
    const admin = new pg.Client({ connectionString: PG_URL });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  });

  it('an instance with its own pool sees the write of another at its next request', async () => {
    const one = cached(a);
    const two = cached(b);
    await two.request(PAPER);
    expect((await two.request(PAPER)).headers.get('X-Entente-Cache')).toBe('hit');
    await rename(a, 'Renamed through the first instance');
    const res = await two.request(PAPER);
    expect(res.headers.get('X-Entente-Cache')).toBe('miss');
    expect(await res.text()).toContain('Renamed through the first instance');
    expect(await (await one.request(PAPER)).text()).toContain('Renamed through the first instance');
  });
});
