import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/core/index.ts';
import { appWith } from '../helpers/app.ts';
import { seriousViolations } from '../helpers/axe.ts';
import { chromiumAvailable, launchChromium, listen } from '../helpers/browser.ts';
import { BUNDLED } from '../helpers/datasets.ts';

describe.skipIf(!chromiumAvailable())('publications in Chromium', () => {
  let browser: Browser;
  let server: { url: string; close: () => Promise<void> };
  let db: Db;
  beforeAll(async () => {
    const built = await appWith(BUNDLED);
    db = built.db;
    server = await listen(built.app.fetch);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await db?.close();
  });

  it('home → a recommendation → its paper → its BibTeX, with no serious accessibility violation', async () => {
    const context = await browser.newContext({ acceptDownloads: true });
    const page = await context.newPage();
    const problems: string[] = [];

    await page.goto(`${server.url}/`);
    expect(await page.locator('h1').first().textContent()).toBe('Redesigning Korea-Japan Relations');
    problems.push(...(await seriousViolations(page)));

    // The first issue area, then the first recommendation of its list.
    await page.locator('.area-list a').first().click();
    await page.waitForURL(/\/recommendations\?area=/);
    const rec = page.locator('table.recs tbody a[href^="/recommendations/"]').first();
    const recTitle = (await rec.textContent())!;
    await rec.click();
    await page.waitForURL(/\/recommendations\/[a-z0-9-]+$/);
    expect(await page.locator('h1').textContent()).toBe(recTitle);
    const quote = (await page.locator('.provenance blockquote').textContent())!;
    expect(quote.length).toBeGreaterThan(20);
    problems.push(...(await seriousViolations(page)));

    await page.locator('.provenance figcaption a').click();
    await page.waitForURL(/\/papers\/[a-z0-9-]+$/);
    const paperTitle = await page.locator('meta[name="citation_title"]').getAttribute('content');
    expect(paperTitle).toBeTruthy();
    // The paper lists the recommendation we came from.
    expect(await page.locator('.rec-list a', { hasText: recTitle }).count()).toBeGreaterThan(0);
    problems.push(...(await seriousViolations(page)));

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('a', { hasText: 'BibTeX' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.bib$/);
    const bib = readFileSync((await download.path())!, 'utf8');
    expect(bib).toMatch(/^@techreport\{/);
    expect(bib).toContain('institution = {East Asia Institute}');

    expect(problems).toEqual([]);
    await context.close();
  });

  it('filters recommendations with the form, without JavaScript, and keeps them in the URL', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${server.url}/recommendations`);
    const all = await page.locator('table.recs tbody tr').count();
    await page.selectOption('#f-format', 'trilateral');
    await page.click('form.filters button[type="submit"]');
    await page.waitForURL(/format=trilateral/);
    const trilateral = await page.locator('table.recs tbody tr').count();
    expect(trilateral).toBeGreaterThan(0);
    expect(trilateral).toBeLessThan(all);
    // The format cell is found by what it holds, not by its column, so a new column cannot move it.
    const formats = await page
      .locator('table.recs tbody tr td[data-format]')
      .evaluateAll((cells) => cells.map((c) => c.getAttribute('data-format')));
    expect(formats).toHaveLength(trilateral);
    expect(new Set(formats)).toEqual(new Set(['trilateral']));
    await context.close();
    // axe runs as a script, so the accessibility check of the same view uses a normal context.
    const checking = await browser.newContext();
    const checked = await checking.newPage();
    await checked.goto(`${server.url}/recommendations?format=trilateral`);
    expect(await seriousViolations(checked)).toEqual([]);
    await checking.close();
  });
});
