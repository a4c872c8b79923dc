import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/core/index.ts';
import { appWith } from '../helpers/app.ts';
import { seriousViolations } from '../helpers/axe.ts';
import { chromiumAvailable, launchChromium, listen } from '../helpers/browser.ts';
import { BUNDLED } from '../helpers/datasets.ts';

const SERIES = '/opinion/eai-genron-joint-poll';

describe.skipIf(!chromiumAvailable())('opinion and search in Chromium', () => {
  let browser: Browser;
  let server: { url: string; close: () => Promise<void> };
  let db: Db;
  beforeAll(async () => {
    const built = await appWith(BUNDLED);
    db = built.db;
    // Test text only: the seed's look-alike spelling (Cyrillic і, U+0456) in a paper note, and a
    // question wording in kana.
    await db.query(
      "UPDATE papers SET notes = notes || jsonb_build_array($1::text) WHERE id = 'partnership-2025-08-introduction'",
      ['The second Trump admіnistration changed trade.'],
    );
    await db.query(
      "UPDATE survey_questions SET wording = $1 WHERE series_id = 'eai-genron-joint-poll' AND id = 'jp-impression-of-korea'",
      ['あなたは韓国に対してどのような印象を持っていますか。'],
    );
    server = await listen(built.app.fetch);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await db?.close();
  });

  for (const [lang, heading, breakWord] of [
    ['en', 'Impression of Japan', 'break'],
    ['ko', '일본에 대한 인상', '단절'],
    ['ja', '日本に対する印象', '断絶'],
  ] as const) {
    it(`draws the EAI–Genron impression chart in ${lang}, without JavaScript, each point a link to its source`, async () => {
      const context = await browser.newContext({ javaScriptEnabled: false, locale: lang });
      const page = await context.newPage();
      await page.goto(`${server.url}${SERIES}?lang=${lang}`);
      expect(await page.locator('html').getAttribute('lang')).toBe(lang);
      const section = page.locator('section.question', { hasText: heading }).first();
      const chart = section.locator('svg.chart').first();
      await expect.poll(() => chart.isVisible()).toBe(true);
      const box = (await chart.boundingBox())!;
      expect(box.width).toBeGreaterThan(300);
      // 13 Korean and 12 Japanese "good" figures 2013–2025, each a link with a tooltip.
      const points = chart.locator('a[href] title');
      expect(await points.count()).toBe(25);
      const first = (await points.first().textContent())!;
      expect(first).toMatch(/2013/);
      // The 2024 and 2025 breaks are drawn and labelled in the page's language.
      expect(await chart.locator('text', { hasText: breakWord }).count()).toBe(2);
      // The table lists the same figures, each with its source.
      expect(await section.locator('table.results tbody tr').count()).toBeGreaterThanOrEqual(25);
      await context.close();
      // axe runs as a script in the page, so the accessibility check needs a context with JavaScript.
      const withJs = await browser.newContext({ locale: lang });
      const checked = await withJs.newPage();
      await checked.goto(`${server.url}${SERIES}?lang=${lang}`);
      expect(await seriousViolations(checked, lang === 'en' ? [] : ['color-contrast'])).toEqual([]);
      await withJs.close();
    });
  }

  it('switches the language and keeps the page', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}${SERIES}?answer=bad`);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await page.locator('nav.languages a[hreflang="ja"]').click();
    await page.waitForURL(/lang=ja/);
    expect(new URL(page.url()).pathname).toBe(SERIES);
    expect(new URL(page.url()).searchParams.get('answer')).toBe('bad');
    expect(await page.locator('html').getAttribute('lang')).toBe('ja');
    expect(await page.locator('nav[aria-label="メインメニュー"] a[aria-current="page"]').textContent()).toBe(
      '世論',
    );
    // The choice is remembered on the next page.
    await page.locator('nav[aria-label="メインメニュー"] a[href="/papers"]').click();
    await page.waitForURL(/\/papers$/);
    expect(await page.locator('html').getAttribute('lang')).toBe('ja');
    await page.close();
  });

  for (const [script, query, expected, mark] of [
    [
      'Latin (a word the record spells with a Cyrillic і)',
      'administration',
      '/papers/partnership-2025-08-introduction',
      'admіnistration',
    ],
    // A word of the survey questions that no record title shares ("한국" is now in many translated titles).
    ['Hangul', '인상', '/opinion/eai-genron-joint-poll', '인상'],
    ['Kana', 'どのよう', '/opinion/eai-genron-joint-poll', 'どのよう'],
    ['Kanji', '印象', '/opinion/eai-genron-joint-poll', '印象'],
  ] as const) {
    it(`searches from the header box in ${script}`, async () => {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(`${server.url}/opinion`);
      await page.locator('#site-q').fill(query);
      await page.locator('.site-search button[type="submit"]').click();
      await page.waitForURL(/\/search\?q=/);
      expect(await page.locator('#search-q').inputValue()).toBe(query);
      const results = page.locator('ol.search-results > li');
      expect(await results.count()).toBeGreaterThan(0);
      const hrefs = await results.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
      expect(hrefs).toContain(expected);
      const marks = await page.locator('ol.search-results mark').allTextContents();
      expect(marks).toContain(mark);
      expect(await seriousViolations(page)).toEqual([]);
      await context.close();
    });
  }

  it('filters search results by kind', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/search?q=japan`);
    const all = await page.locator('ol.search-results > li').count();
    await page.locator('input[name="kind"][value="question"]').check();
    await page.locator('.search-kinds button[type="submit"]').click();
    await page.waitForURL(/kind=question/);
    const kinds = await page.locator('ol.search-results .kind').allTextContents();
    expect(kinds.length).toBeGreaterThan(0);
    expect(new Set(kinds)).toEqual(new Set(['Survey question']));
    expect(kinds.length).toBeLessThanOrEqual(all);
    await page.close();
  });
});
