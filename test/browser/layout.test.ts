import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/core/index.ts';
import { Warehouse } from '../../src/signals/index.ts';
import { createApp } from '../../src/web/index.ts';
import { signalsPlugins } from '../../src/web/signals/index.ts';
import { appWith } from '../helpers/app.ts';
import { overflow, seriousViolations } from '../helpers/axe.ts';
import { chromiumAvailable, launchChromium, listen } from '../helpers/browser.ts';
import { BUNDLED } from '../helpers/datasets.ts';
import { everyPageKind, type PageKind, SCREENSHOT_KINDS } from '../helpers/pages.ts';
import { fixture } from '../signals/helpers.ts';

// Real GDELT 2.0 files with KOR–JPN events in December 2024 and January 2025.
const GDELT = [
  'events-v2/20241210143000.export.CSV',
  'events-v2/20241211113000.export.CSV',
  'events-v2/20250103111500.export.CSV',
  'events-v2/20250104170000.export.CSV',
];

describe.skipIf(!chromiumAvailable())('every kind of page in Chromium, at 390 and 1280 px', () => {
  let browser: Browser;
  let server: { url: string; close: () => Promise<void> };
  let db: Db;
  let w: Warehouse;
  let pages: PageKind[];
  beforeAll(async () => {
    ({ db } = await appWith(BUNDLED));
    w = await Warehouse.open(':memory:');
    for (const f of GDELT) await w.ingest(fixture(f));
    pages = await everyPageKind(db);
    server = await listen(createApp({ db, ...signalsPlugins(db, (fn) => fn(w)) }).fetch);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    w?.close();
    await db?.close();
  });

  for (const [width, lang] of [
    [390, 'en'],
    [390, 'ko'],
    [1280, 'ja'],
  ] as const) {
    it(`no page is wider than ${width} px in ${lang}, without JavaScript`, async () => {
      const context = await browser.newContext({
        viewport: { width, height: 800 },
        javaScriptEnabled: false,
      });
      const page = await context.newPage();
      const tooWide: string[] = [];
      for (const p of pages) {
        const response = await page.goto(
          `${server.url}${p.path}${p.path.includes('?') ? '&' : '?'}lang=${lang}`,
        );
        expect(response?.status(), p.path).toBe(200);
        const scrollWidth = await page.evaluate(() => document.scrollingElement!.scrollWidth);
        if (scrollWidth > width) {
          const { culprits } = await overflow(page);
          tooWide.push(`${p.kind} ${p.path}: ${scrollWidth} px (${culprits.join(', ')})`);
        }
      }
      expect(tooWide).toEqual([]);
      await context.close();
    }, 300_000);
  }

  it('covers every kind of page the issue names', () => {
    expect(pages.map((p) => p.kind)).toEqual([
      'home',
      'papers',
      'paper',
      'recommendations',
      'recommendation',
      'milestones',
      'milestone',
      'parties',
      'party',
      'tracker',
      'item',
      'scorecard',
      'methodology',
      'opinion',
      'opinion-series',
      'signals',
      'search',
      'api',
      'login',
    ]);
  });

  it('the screenshot pages have no serious or critical accessibility violation (one language each)', async () => {
    const langs = ['en', 'ko', 'ja'];
    const problems: string[] = [];
    for (const [i, kind] of SCREENSHOT_KINDS.entries()) {
      const p = pages.find((x) => x.kind === kind)!;
      // The wide layout for some, the narrow one for the others: both are checked.
      const context = await browser.newContext({ viewport: { width: i % 2 ? 390 : 1280, height: 800 } });
      const page = await context.newPage();
      await page.goto(`${server.url}${p.path}?lang=${langs[i % 3]}`);
      problems.push(...(await seriousViolations(page)));
      await context.close();
    }
    expect(problems).toEqual([]);
  }, 300_000);

  it('the home page answers at a glance, each figure linking to its page, without JavaScript', async () => {
    const context = await browser.newContext({
      javaScriptEnabled: false,
      viewport: { width: 1280, height: 900 },
    });
    const page = await context.newPage();
    await page.goto(`${server.url}/`);
    expect(await page.locator('h1').first().textContent()).toBe('Redesigning Korea-Japan Relations');
    const headings = await page.locator('.dashboard h2').allTextContents();
    expect(headings).toEqual([
      'Where the tracked items stand',
      'Latest assessments',
      'Latest milestones',
      'What both publics think',
      'Signals of the last months',
    ]);
    // Items by status per party: a bar per party with at least 5 items, its text alternative a table
    // whose counts link to the tracker's list filtered the same way.
    const status = page.locator('section[aria-labelledby="status"]');
    const chart = status.locator('.chart-wide svg.chart');
    expect(await chart.isVisible()).toBe(true);
    expect(await chart.getAttribute('aria-label')).toMatch(/^Tracked items by status, per party, on /);
    expect(await status.locator('.chart-narrow').isVisible()).toBe(false);
    const rows = status.locator('table.status-table tbody tr');
    expect(await rows.locator('th').allTextContents()).toEqual([
      'Japan',
      'Republic of Korea',
      'United States of America',
    ]);
    const done = status.locator('table.status-table a[href="/tracker?party=KOR&status=done#items"]');
    const n = Number(await done.textContent());
    expect(n).toBeGreaterThan(0);
    // The same count is drawn in the bar and is what the tracker's filtered list shows.
    expect(await chart.locator('title', { hasText: `Republic of Korea: Done, ${n}` }).count()).toBe(1);
    await page.goto(`${server.url}/tracker?party=KOR&status=done`);
    expect(await page.locator('table.items tbody tr').count()).toBe(n);
    await page.goBack();

    // The latest assessments carry their status; milestones their date.
    const assessments = page.locator('section[aria-labelledby="assessments"] ol.latest > li');
    expect(await assessments.count()).toBe(5);
    expect(await assessments.first().locator('.status').count()).toBe(1);
    expect(await assessments.first().locator('a[href^="/items/"]').count()).toBe(1);
    expect(await page.locator('section[aria-labelledby="latest"] ol.latest time').count()).toBeGreaterThan(4);

    // Opinion: the trend of both publics, each point a link, and the latest figures as a table.
    const opinion = page.locator('section[aria-labelledby="opinion"]');
    expect(await opinion.locator('h2 a').getAttribute('href')).toBe('/opinion/eai-genron-joint-poll');
    expect(await opinion.locator('.chart-wide svg.chart a[href]').count()).toBe(25);
    expect(await opinion.locator('table tbody th').allTextContents()).toEqual(['Republic of Korea', 'Japan']);

    // Signals: the fixture's December–January events, with the period they cover.
    const signals = page.locator('section[aria-labelledby="signals"]');
    expect(await signals.locator('.chart-wide svg.chart rect title').count()).toBeGreaterThan(0);
    expect(await signals.locator('figcaption').textContent()).toMatch(
      /KOR–JPN events in GDELT per day, .*2024 to .*2025/,
    );
    expect(await signals.locator('h2 a').getAttribute('href')).toMatch(
      /^\/signals\/KOR-JPN\?by=day&from=2024-/,
    );

    // No longer every recommendation: the issue areas link to their filtered lists.
    expect(await page.locator('main a[href^="/recommendations/"]').count()).toBe(0);
    expect(await page.locator('.area-list a[href^="/recommendations?area="]').count()).toBe(3);
    await context.close();
  }, 120_000);

  it('at 390 px the home page draws its narrow charts and keeps them readable', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${server.url}/?lang=ko`);
    for (const id of ['status', 'opinion', 'signals']) {
      const section = page.locator(`section[aria-labelledby="${id}"]`);
      expect(await section.locator('.chart-wide').isVisible(), id).toBe(false);
      const box = (await section.locator('.chart-narrow svg').boundingBox())!;
      expect(box.width, id).toBeGreaterThan(300);
      expect(box.width, id).toBeLessThanOrEqual(360);
    }
    await context.close();
  });

  it('without a warehouse the home page says there are no signals', async () => {
    const bare = await listen(createApp({ db, ...signalsPlugins(db, async () => undefined) }).fetch);
    const page = await browser.newPage();
    await page.goto(`${bare.url}/`);
    const signals = page.locator('section[aria-labelledby="signals"]');
    expect(await signals.textContent()).toContain('No signals warehouse is loaded on this site');
    expect(await signals.locator('a[href="/signals"]').count()).toBe(1);
    expect(await signals.locator('svg').count()).toBe(0);
    await page.close();
    await bare.close();
  });
});
