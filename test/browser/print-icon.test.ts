import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/core/index.ts';
import { appWith } from '../helpers/app.ts';
import { chromiumAvailable, launchChromium, listen } from '../helpers/browser.ts';
import { MINI } from '../helpers/datasets.ts';

describe.skipIf(!chromiumAvailable())('icon and print in Chromium', () => {
  let browser: Browser;
  let server: { url: string; close: () => Promise<void> };
  let db: Db;
  beforeAll(async () => {
    const built = await appWith(MINI);
    db = built.db;
    server = await listen(built.app.fetch);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await db?.close();
  });

  it('a page asks for nothing that is missing, its icon included', async () => {
    const page = await browser.newPage();
    const failed: string[] = [];
    const icons: string[] = [];
    page.on('response', (r) => {
      if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`);
      if (/favicon/.test(r.url())) icons.push(`${r.status()} ${new URL(r.url()).pathname}`);
    });
    await page.goto(`${server.url}/papers/2025-skj-08-introduction`);
    // Chromium fetches the icon after the load event, so wait for it.
    await expect.poll(() => icons, { timeout: 10_000 }).toContain('200 /assets/favicon.svg');
    expect(failed).toEqual([]);
    await page.close();
  });

  it('prints the record without navigation and forms, with outside addresses written out', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/papers/2025-skj-08-introduction`);
    const nav = page.locator('header.site nav').first();
    expect(await nav.isVisible()).toBe(true);
    await page.emulateMedia({ media: 'print' });
    expect(await nav.isVisible()).toBe(false);
    expect(await page.locator('header.site .site-search').isVisible()).toBe(false);
    expect(await page.locator('footer.site').isVisible()).toBe(false);
    expect(await page.locator('main h1').isVisible()).toBe(true);
    const outside = page.locator('main a[href^="http"]').first();
    const href = (await outside.getAttribute('href'))!;
    const after = await outside.evaluate((a) => getComputedStyle(a, '::after').content);
    expect(after).toBe(`" <${href}>"`);
    await page.close();
  });
});
