import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Db, datasetStore } from '../../src/core/index.ts';
import { importDataset } from '../../src/dataset/index.ts';
import { createApp, createSite } from '../../src/web/index.ts';
import { fileWarehouse, signalsPlugins } from '../../src/web/signals/index.ts';
import { copyDataset, edit, MINI, mustLoad, TRILATERAL } from '../helpers/datasets.ts';
import { everyPageKind } from '../helpers/pages.ts';
import { available, DRIVERS } from '../helpers/stores.ts';

const TRI = '/d/us-japan-korea';
const h1 = (html: string) =>
  /<h1[^>]*>([\s\S]*?)<\/h1>/
    .exec(html)?.[1]
    ?.replace(/<[^>]+>/g, '')
    .trim();

/** One page of every kind the second dataset has (it has no papers, so no paper or recommendation pages). */
const TRI_PAGES = [
  '/',
  '/milestones',
  '/milestones/tri-2023-08-18-camp-david-summit',
  '/parties',
  '/parties/USA',
  '/tracker',
  '/items/tri-camp-david-commitment-to-consult',
  '/tracker/parties/USA',
  '/tracker/methodology',
  '/tracker/corrections',
  '/opinion',
  '/opinion/tri-eai-api-kei-survey',
  '/search?q=hotline',
  '/api',
  '/api/openapi.json',
  '/api/scores',
  '/tracker/feed.atom',
  '/tracker/items.csv',
  '/tracker/assessments.json',
  '/tracker/datapackage.json',
];

for (const driver of DRIVERS) {
  const runnable = await available(driver);
  describe.skipIf(!runnable)(`a site of two datasets on ${driver.name}`, () => {
    let db: Db;
    let drop: () => Promise<void>;
    let site: Hono;
    const warehouse = fileWarehouse(path.join(tmpdir(), 'entente-no-signals.duckdb'));
    const get = (p: string) => site.request(`http://localhost${p}`);
    beforeAll(async () => {
      ({ db, drop } = await driver.open('bundled'));
      const tri = (await datasetStore(db, 'us-japan-korea', { create: true }))!;
      await importDataset(tri, mustLoad(TRILATERAL));
      site = await createSite({ db, perDataset: (d) => signalsPlugins(d, warehouse) });
    });
    afterAll(async () => {
      await drop();
    });

    it('answers every Korea–Japan address of today as the one-dataset site does', async () => {
      const alone = createApp({ db, ...signalsPlugins(db, warehouse) });
      for (const { path: p } of await everyPageKind(db)) {
        const [res, before] = await Promise.all([get(p), alone.request(`http://localhost${p}`)]);
        expect(res.status, p).toBe(before.status);
        expect(h1(await res.text()), p).toBe(h1(await before.text()));
      }
    });

    it('serves every page kind, download and API answer of the second dataset under /d/<id>', async () => {
      for (const p of TRI_PAGES) {
        const res = await get(`${TRI}${p}`);
        expect(res.status, p).toBe(200);
      }
      const milestones = await (await get(`${TRI}/milestones`)).text();
      expect(milestones).toContain('Camp David');
      expect(milestones).not.toContain('Treaty on Basic Relations');
      const items = await (await get(`${TRI}/tracker/items.csv`)).text();
      expect(items).toContain('tri-camp-david-commitment-to-consult');
      expect(items).not.toContain('lng-procurement');
      const feed = await (await get(`${TRI}/tracker/feed.atom`)).text();
      expect(feed).toContain(`http://localhost${TRI}/assessments/`);
    });

    it('takes the signals pair from the dataset’s parties', async () => {
      const kj = await get('/signals');
      const tri = await get(`${TRI}/signals`);
      expect([kj.status, tri.status]).toEqual([302, 302]);
      expect(kj.headers.get('location')).toMatch(/^\/signals\/KOR-JPN/);
      expect(tri.headers.get('location')).toMatch(new RegExp(`^${TRI}/signals/USA-JPN`));
    });

    it('scores each dataset from its own items', async () => {
      type Score = { group: string; implementation: { counted: { id: string }[] } };
      const counted = async (p: string) =>
        ((await (await get(p)).json()) as Score[]).flatMap((s) => s.implementation.counted.map((c) => c.id));
      const kj = await counted('/api/scores');
      const tri = await counted(`${TRI}/api/scores`);
      expect(tri.length).toBeGreaterThan(0);
      expect(tri.every((id) => id.startsWith('tri-'))).toBe(true);
      expect(kj.length).toBeGreaterThan(0);
      expect(kj.some((id) => id.startsWith('tri-'))).toBe(false);
    });

    it('lists the datasets in the header, the one being read marked', async () => {
      const nav = (html: string) => /<nav class="datasets"[\s\S]*?<\/nav>/.exec(html)?.[0] ?? '';
      const kj = nav(await (await get('/tracker')).text());
      const tri = nav(await (await get(`${TRI}/tracker`)).text());
      expect(kj).toContain('href="/" lang="en" aria-current="true">South Korea–Japan partnership');
      expect(kj).toContain(`href="${TRI}/" lang="en">US–Japan–South Korea trilateral partnership`);
      expect(tri).toContain(`href="${TRI}/" lang="en" aria-current="true">`);
      // A store of one dataset shows no list.
      expect(await (await createApp({ db }).request('http://localhost/tracker')).text()).not.toContain(
        'class="datasets"',
      );
    });

    it('searches the dataset being read, or every dataset with in=all', async () => {
      const links = (html: string) =>
        [...html.matchAll(/<ol class="search-results"[\s\S]*?<\/ol>/g)].flatMap((m) =>
          [...m[0].matchAll(/<a href="([^"]+)"/g)].map((a) => a[1]!),
        );
      const one = links(await (await get(`${TRI}/search?q=japan`)).text());
      expect(one.length).toBeGreaterThan(0);
      expect(one.every((u) => u.startsWith(`${TRI}/`))).toBe(true);
      const kjOnly = links(await (await get('/search?q=japan')).text());
      expect(kjOnly.some((u) => u.startsWith('/d/'))).toBe(false);
      const all = await (await get(`${TRI}/search?q=japan&in=all&size=100`)).text();
      const everywhere = links(all);
      expect(everywhere.some((u) => u.startsWith(`${TRI}/`))).toBe(true);
      expect(everywhere.some((u) => !u.startsWith('/d/'))).toBe(true);
      expect(all).toContain('<span class="dataset" lang="en">South Korea–Japan partnership</span>');
      expect((await get('/search?q=japan&in=both')).status).toBe(400);
    });

    it('answers a dataset’s home with and without the slash, and an unknown dataset is not found', async () => {
      const [bare, slash] = await Promise.all([get(TRI), get(`${TRI}/`)]);
      expect([bare.status, slash.status]).toEqual([200, 200]);
      for (const home of [await bare.text(), await slash.text()]) expect(home).toContain('Freedom Edge');
      expect((await get('/d/nowhere/tracker')).status).toBe(404);
      expect((await get('/d/Bad_Id!/tracker')).status).toBe(404);
    });

    it('keeps each dataset’s pages apart in the one read cache of the site', async () => {
      const cached = await createSite({ db, cache: { maxBytes: 32 * 2 ** 20 } });
      const read = async (p: string) => {
        const res = await cached.request(`http://localhost${p}`);
        return { state: res.headers.get('X-Entente-Cache'), body: await res.text() };
      };
      await read('/milestones');
      await read(`${TRI}/milestones`);
      const kj = await read('/milestones');
      const tri = await read(`${TRI}/milestones`);
      expect([kj.state, tri.state]).toEqual(['hit', 'hit']);
      expect(kj.body).toContain('Treaty on Basic Relations');
      expect(tri.body).not.toContain('Treaty on Basic Relations');
    });

    it('finds a dataset imported while the site runs at its first request', async () => {
      const dir = copyDataset(MINI);
      edit(path.join(dir, 'dataset.yaml'), 'id: mini', 'id: late-mini');
      const late = (await datasetStore(db, 'late-mini', { create: true }))!;
      await importDataset(late, mustLoad(dir));
      const res = await get('/d/late-mini/milestones');
      expect(res.status).toBe(200);
      expect(await res.text()).toContain('Treaty on Basic Relations');
    });
  });
}
