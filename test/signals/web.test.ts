import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseCsv } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/core/index.ts';
import { dyadQuery, dyadSeries, Warehouse } from '../../src/signals/index.ts';
import { listMilestones } from '../../src/tracker/index.ts';
import { createApp } from '../../src/web/index.ts';
import { dataSpan, milestonesWithin } from '../../src/web/signals/chart.ts';
import { fileWarehouse, signalsPlugins } from '../../src/web/signals/index.ts';
import { appWith } from '../helpers/app.ts';
import { BUNDLED } from '../helpers/datasets.ts';
import { fixture, tempDir } from './helpers.ts';

let db: Db;
let w: Warehouse;
let app: ReturnType<typeof createApp>;
let bare: ReturnType<typeof createApp>;

beforeAll(async () => {
  ({ db } = await appWith(BUNDLED));
  w = await Warehouse.open(':memory:');
  for (const f of [
    'events-v2/narayave__20190121220000.export.CSV',
    'events-v2/20241210143000.export.CSV',
    'events-v2/20241211113000.export.CSV',
    'events-v2/20250103111500.export.CSV',
    'events-v2/20250104170000.export.CSV',
  ]) {
    await w.ingest(fixture(f));
  }
  app = createApp({ db, ...signalsPlugins(db, (fn) => fn(w)) });
  bare = createApp({ db, ...signalsPlugins(db, async () => undefined) });
});
afterAll(async () => {
  w.close();
  await db.close();
});

describe('the dyad page', () => {
  it('opens on KOR–JPN and takes any pair from its form', async () => {
    const home = await app.request('/signals');
    expect(home.status).toBe(302);
    expect(home.headers.get('location')).toBe('/signals/KOR-JPN');
    const picked = await app.request('/signals?a=kor&b=usa&by=week');
    expect(picked.status).toBe(303);
    expect(picked.headers.get('location')).toBe('/signals/KOR-USA?by=week');
  });

  it("opens on the dataset's own pair, not on a pair written in the code", async () => {
    const [{ partnership }] = (await db.query('SELECT partnership FROM datasets')) as [
      { partnership: string[] },
    ];
    expect(partnership).toEqual(['KOR', 'JPN']);
    try {
      await db.query(`UPDATE datasets SET partnership = '{USA,JPN}'`);
      expect((await app.request('/signals')).headers.get('location')).toBe('/signals/USA-JPN');
      await db.query(`UPDATE datasets SET partnership = '{USA}'`);
      const none = await app.request('/signals');
      expect(none.status).toBe(404);
      expect(await none.text()).toContain('CAMEO codes');
    } finally {
      await db.query(`UPDATE datasets SET partnership = '{KOR,JPN}'`);
    }
  });

  it('draws cooperation against conflict as SVG, with the milestones of both parties within its span on the time axis', async () => {
    const res = await app.request('/signals/KOR-JPN');
    expect(res.status).toBe(200);
    const page = await res.text();
    expect(page).toContain('<h1>Signals: KOR–JPN</h1>');
    expect(page).toMatch(/<svg[^>]*class="chart"/);
    expect(page).not.toContain('<script');
    const both = (await listMilestones(db)).filter(
      (m) => m.parties.includes('KOR') && m.parties.includes('JPN'),
    );
    expect(both.length).toBeGreaterThan(0);
    // Only the milestones within the span of the data are drawn (see 'the dyad chart' below).
    const inside = milestonesWithin(both, dataSpan(await dyadSeries(w, dyadQuery({ dyad: 'KOR-JPN' }))));
    expect(inside.length).toBeGreaterThan(0);
    for (const m of inside) expect(page).toContain(`href="/milestones/${m.id}"`);
    // Every period of the index is in the table, linking to its day list.
    const series = await dyadSeries(w, dyadQuery({ dyad: 'KOR-JPN' }));
    for (const p of series) expect(page).toContain(`href="/signals/KOR-JPN?by=month&amp;day=${p.period}"`);
  });

  it('lists the top event types with CAMEO labels', async () => {
    const page = await (await app.request('/signals/KOR-JPN')).text();
    expect(page).toContain('Top event types');
    expect(page).toMatch(/<td>\d{2,4}<\/td><td lang="en">[A-Z][^<]+<\/td>/);
  });

  it('speaks the reader’s language, keeping CAMEO labels in English', async () => {
    const ko = await (await app.request('/signals/KOR-JPN?lang=ko')).text();
    expect(ko).toContain('<html lang="ko">');
    expect(ko).toContain('<h1>신호: KOR–JPN</h1>');
    expect(ko).toContain('주요 사건 유형');
    expect(ko).not.toContain('Top event types');
    const ja = await (await app.request('/signals/KOR-JPN?lang=ja')).text();
    expect(ja).toContain('<h1>シグナル: KOR–JPN</h1>');
  });

  it('lists a day’s most-mentioned events with their source URLs', async () => {
    const page = await (await app.request('/signals/KOR-JPN?day=2025-01-03')).text();
    const links = [...page.matchAll(/<a href="(https?:[^"]+)" rel="nofollow noopener">source<\/a>/g)].map(
      (m) => m[1],
    );
    expect(links.length).toBeGreaterThan(0);
    expect(page).toContain('value="2025-01-03"');
  });

  it('answers 400 to a pair that is not two country codes', async () => {
    const res = await app.request('/signals/KOREA-JAPAN');
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('two CAMEO country codes');
  });

  it('explains how to load signals when there are none', async () => {
    const page = await (await bare.request('/signals/KOR-JPN')).text();
    expect(page).toContain('entente signals fetch');
  });
});

describe('the dyad chart', () => {
  it('spans the data of the real sample files, says what they cover, draws only the milestones inside', async () => {
    const series = await dyadSeries(w, dyadQuery({ dyad: 'KOR-JPN' }));
    const periods = series.map((p) => p.period);
    const res = await app.request('/signals/KOR-JPN/chart.csv');
    expect(res.status).toBe(200);
    const rows = parseCsv((await res.text()).replace(/^\uFEFF/, ''), { columns: true }) as Record<
      string,
      string
    >[];
    // The CSV holds the chart's numbers, period by period.
    expect(rows.map((r) => r.period)).toEqual(periods);
    expect(rows.map((r) => Number(r.events))).toEqual(series.map((p) => p.events));
    expect(rows.map((r) => Number(r.conflict))).toEqual(
      series.map((p) => p.verbal_conflict + p.material_conflict),
    );
    // The x-domain is the first to the last period of the data: milestones of 1965 do not move it.
    const span = dataSpan(series)!;
    expect(span.map((d) => d.toISOString().slice(0, 10))).toEqual([periods[0], periods.at(-1)]);
    const page = await (await app.request('/signals/KOR-JPN/chart')).text();
    expect(page).toContain(
      'The loaded files: 5 GDELT files published from January 21, 2019 to January 4, 2025.',
    );
    const both = (await listMilestones(db)).filter(
      (m) => m.parties.includes('KOR') && m.parties.includes('JPN'),
    );
    const inside = milestonesWithin(both, span);
    for (const m of both)
      expect(page.includes(`href="/milestones/${m.id}"`), m.id).toBe(inside.some((x) => x.id === m.id));
    // Milestone labels are laid out in rows; no two in a row overlap (checked in test/charts).
    const years = [...page.matchAll(/<text[^>]*>(\d{4})<\/text>/g)].map((m) => Number(m[1]));
    for (const y of years) expect(y).toBeGreaterThanOrEqual(Number(periods[0]!.slice(0, 4)));
  });

  it('has its own page, embeddable there only, and PNG and SVG downloads', async () => {
    const res = await app.request('/signals/KOR-JPN/chart?by=week');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain('frame-ancestors *');
    expect(res.headers.get('x-frame-options')).toBeNull();
    const main = await app.request('/signals/KOR-JPN');
    expect(main.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(await main.text()).toContain('href="/signals/KOR-JPN/chart.png?by=month"');
    const png = await app.request('/signals/KOR-JPN/chart.png?lang=ja');
    expect(png.headers.get('content-type')).toBe('image/png');
    expect(
      Buffer.from(await png.arrayBuffer())
        .subarray(1, 4)
        .toString(),
    ).toBe('PNG');
    const svg = await (await app.request('/signals/KOR-JPN/chart.svg')).text();
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" /);
    expect((await app.request('/signals/KOR-ZZZ/chart')).status).toBe(404);
    expect((await bare.request('/signals/KOR-JPN/chart')).status).toBe(404);
  });
});

describe('/api/signals', () => {
  it('returns the index as one object per period, as the library computes it', async () => {
    const res = await app.request('/api/signals/dyads/KOR-JPN/series?by=month');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual(await dyadSeries(w, dyadQuery({ dyad: 'KOR-JPN', by: 'month' })));
  });

  it('has breakdowns, top events, a day’s events and the status', async () => {
    const roots = (await (await app.request('/api/signals/dyads/KOR-JPN/roots')).json()) as {
      root: string;
    }[];
    expect(roots.every((r) => /^\d\d$/.test(r.root))).toBe(true);
    const areas = (await (await app.request('/api/signals/dyads/KOR-JPN/issue-areas')).json()) as {
      events: number;
    }[];
    expect(areas.reduce((s, a) => s + a.events, 0)).toBe(29);
    const top = (await (await app.request('/api/signals/dyads/KOR-JPN/top-events')).json()) as unknown[];
    expect(top.length).toBeGreaterThan(0);
    const day = (await (await app.request('/api/signals/dyads/KOR-JPN/days/2025-01-03?limit=2')).json()) as {
      url: string;
    }[];
    expect(day.length).toBeLessThanOrEqual(2);
    const status = (await (await app.request('/api/signals/status')).json()) as { files: number };
    expect(status.files).toBe(5);
  });

  it('answers problems for bad input and for a server without a warehouse', async () => {
    const bad = await app.request('/api/signals/dyads/KOR-JPN/series?by=year');
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toContain('application/problem+json');
    const none = await bare.request('/api/signals/status');
    expect(none.status).toBe(404);
    expect(((await none.json()) as { detail: string }).detail).toContain('entente signals fetch');
  });

  it('is in the OpenAPI document', async () => {
    const doc = (await (await app.request('/api/openapi.json')).json()) as { paths: Record<string, unknown> };
    for (const p of [
      '/signals/status',
      '/signals/dyads/{dyad}/series',
      '/signals/dyads/{dyad}/roots',
      '/signals/dyads/{dyad}/issue-areas',
      '/signals/dyads/{dyad}/top-events',
      '/signals/dyads/{dyad}/days/{day}',
    ]) {
      expect(Object.keys(doc.paths)).toContain(p);
    }
  });
});

describe('a server beside an ingest (DuckDB lets one process write a file, and none read it meanwhile)', () => {
  const tmp = tempDir();
  const path = join(tmp.dir, 'signals.duckdb');
  afterAll(() => tmp.cleanup());
  beforeAll(async () => {
    const made = await Warehouse.open(path);
    await made.ingest(fixture('events-v2/20250103111500.export.CSV'));
    made.close();
  });

  /** A process that opens the warehouse for writing; it lets go when its stdin is closed. */
  async function writer(): Promise<{ child: ChildProcess; said: string }> {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', fileURLToPath(new URL('./hold-child.ts', import.meta.url)), path],
      { stdio: ['pipe', 'pipe', 'inherit'] },
    );
    const said = await new Promise<string>((resolve) => {
      let out = '';
      child.stdout?.on('data', (d: Buffer) => {
        out += d.toString();
        if (out.includes('\n')) resolve(out.trim());
      });
    });
    return { child, said };
  }
  const letGo = (child: ChildProcess) =>
    new Promise<void>((resolve) => {
      child.on('exit', () => resolve());
      child.stdin?.end();
    });

  it('lets go of the warehouse once idle; while another process writes, pages and API say so with 503', async () => {
    const source = fileWarehouse(path, { idleMs: 300 });
    const server = createApp({ db, ...signalsPlugins(db, source) });
    expect((await server.request('/signals/KOR-JPN')).status).toBe(200);
    // While the server reads the file, a writer is refused.
    const early = await source(() => writer());
    if (early?.said === 'held') await letGo(early.child);
    expect(early?.said).toMatch(/^refused .*Could not set lock/);
    await new Promise((r) => setTimeout(r, 400));
    const { child, said } = await writer();
    expect(said).toBe('held');
    try {
      const page = await server.request('/signals/KOR-JPN');
      expect(page.status).toBe(503);
      expect(page.headers.get('retry-after')).toBe('30');
      const html = await page.text();
      expect(html).toContain(`being loaded into the warehouse right now (process ${child.pid})`);
      expect(html).toContain('role="status"');
      const api = await server.request('/api/signals/status');
      expect(api.status).toBe(503);
      expect(api.headers.get('content-type')).toContain('application/problem+json');
      expect(api.headers.get('retry-after')).toBe('30');
      expect(await api.json()).toMatchObject({
        status: 503,
        code: 'warehouse_busy',
        detail: expect.stringContaining(`PID ${child.pid}`),
      });
      const chart = await server.request('/signals/KOR-JPN/chart.svg');
      expect([chart.status, chart.headers.get('retry-after')]).toEqual([503, '30']);
    } finally {
      await letGo(child);
    }
    const after = await server.request('/signals/KOR-JPN');
    expect(after.status).toBe(200);
    expect(await after.text()).toContain('<h1>Signals: KOR–JPN</h1>');
  });

  it('keeps pages that read the warehouse until it changes, and none rendered while another process writes it', async () => {
    const server = createApp({
      db,
      ...signalsPlugins(db, fileWarehouse(path, { idleMs: 50 })),
      cache: { maxBytes: 2 ** 23 },
    });
    const get = async (p: string) => {
      const res = await server.request(p);
      return { status: res.status, cache: res.headers.get('x-entente-cache'), body: await res.text() };
    };
    const before = await get('/signals/KOR-JPN');
    expect(before).toMatchObject({ status: 200, cache: 'miss' });
    expect((await get('/signals/KOR-JPN')).cache).toBe('hit');
    expect((await get('/api/signals/status')).cache).toBe('miss');
    expect((await get('/api/signals/status')).cache).toBe('hit');
    const home = await get('/');
    expect((await get('/')).cache).toBe('hit');

    // Another file loaded while the server has let go of the warehouse (as `entente signals ingest` does).
    await new Promise((r) => setTimeout(r, 150));
    const w = await Warehouse.open(path);
    await w.ingest(fixture('events-v2/20250104170000.export.CSV'));
    w.close();
    const changed = await get('/signals/KOR-JPN');
    expect(changed).toMatchObject({ status: 200, cache: 'miss' });
    expect(changed.body).not.toBe(before.body);
    expect((await get('/api/signals/status')).cache).toBe('miss');
    const homeAfter = await get('/');
    expect(homeAfter.cache).toBe('miss');
    expect(homeAfter.body).not.toBe(home.body);
    // Pages that never read the warehouse stay kept.
    expect((await get('/papers')).cache).toBe('miss');
    expect((await get('/papers')).cache).toBe('hit');

    await new Promise((r) => setTimeout(r, 150));
    const { child, said } = await writer();
    expect(said).toBe('held');
    try {
      const busy = await get('/');
      expect(busy.status).toBe(200);
      expect(busy.body).toContain('The signals warehouse is being updated');
      // Rendered, not kept: the next reader gets it rendered again, not the busy one.
      expect(busy.cache).toBeNull();
      expect((await get('/')).cache).toBeNull();
      expect((await get('/papers')).cache).toBe('hit');
    } finally {
      await letGo(child);
    }
    expect((await get('/')).cache).toBe('miss');
    expect((await get('/')).cache).toBe('hit');
  });
});
