import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/core/index.ts';
import { chromiumAvailable, launchChromium, listen } from '../helpers/browser.ts';
import { PASSWORD, seeded, testApp } from '../helpers/tracker.ts';

const ITEM = 'busan-continue-shuttle-diplomacy';

describe.skipIf(!chromiumAvailable())('tracker editing in Chromium', () => {
  let browser: Browser;
  let server: { url: string; close: () => Promise<void> };
  let db: Db;
  const contexts: BrowserContext[] = [];
  beforeAll(async () => {
    ({ db } = await seeded());
    server = await listen(testApp(db).fetch);
    browser = await launchChromium();
  });
  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
    await server?.close();
    await db?.close();
  });

  /** A fresh browser profile, logged in as `username` through the login form (none when undefined). */
  async function as(username?: string): Promise<Page> {
    const context = await browser.newContext();
    contexts.push(context);
    const page = await context.newPage();
    if (username) {
      await page.goto(`${server.url}/login`);
      await page.fill('#username', username);
      await page.fill('#password', PASSWORD);
      await page.click('form.login button[type=submit]');
      await page.waitForURL(`${server.url}/tracker`);
      expect(await page.locator('.user-bar').textContent()).toContain('Signed in as');
    }
    return page;
  }

  it('an editor drafts with evidence, a second editor publishes; the timeline and the party score change; a contributor cannot publish; anonymous cannot write', async () => {
    const reader = await as();
    await reader.goto(`${server.url}/tracker/parties/KOR`);
    const scoreBefore = await reader.locator('#compliance').textContent();
    await reader.goto(`${server.url}/items/${ITEM}`);
    // The item's status before this test's assessment (the bundled record assesses every item).
    const statusBefore = await reader.locator('#status').textContent();
    expect(statusBefore).toMatch(/as of/);
    expect(await reader.locator('a', { hasText: 'Draft an assessment' }).count()).toBe(0);

    // The first editor drafts an assessment with evidence and submits it for review.
    const erin = await as('erin');
    await erin.goto(`${server.url}/items/${ITEM}`);
    await erin.click('text=Draft an assessment');
    // Dated today and rated below the record's assessment, so that it is the one in force and the
    // status and the party's score change.
    await erin.fill('#f-as_of', new Date().toISOString().slice(0, 10));
    await erin.check('input[name=implementation][value="2"]');
    await erin.selectOption('#f-compliance-KOR', '0');
    await erin.selectOption('#f-compliance-JPN', '1');
    await erin.fill('#f-rationale', 'Lee and Takaichi agreed at Gyeongju to continue shuttle diplomacy.');
    await erin.fill('#f-evidence-0-title', 'korea.net …articleId=281430');
    await erin.fill('#f-evidence-0-publisher', 'korea.net');
    await erin.fill(
      '#f-evidence-0-quote',
      'They agreed to continue shuttle diplomacy between the two sides.',
    );
    await erin.click('form.assessment-form button[type=submit]');
    await erin.waitForURL(/\/assessments\/[a-z0-9-]+$/);
    const assessmentUrl = erin.url();
    expect(await erin.locator('h1 .badge').textContent()).toBe('draft');
    await erin.click('button:has-text("Submit for review")');
    await erin.waitForURL(assessmentUrl);
    expect(await erin.locator('h1 .badge').textContent()).toBe('in review');
    // The assessor never publishes their own assessment.
    expect(await erin.locator('button:has-text("Publish")').count()).toBe(0);

    // A contributor sees no Publish button, and a forged publish form is refused.
    const carol = await as('carol');
    await carol.goto(assessmentUrl);
    expect(await carol.locator('button:has-text("Publish")').count()).toBe(0);
    // Another contributor's draft is not even shown to her; her own pages carry her CSRF token.
    await carol.goto(`${server.url}/tracker`);
    const csrf = await carol.locator('input[name=_csrf]').first().getAttribute('value');
    const forged = await carol.request.post(`${assessmentUrl}/publish`, {
      form: { _csrf: csrf!, version: '2' },
    });
    expect(forged.status()).toBe(403);

    // Anonymous readers cannot write either.
    const anonCsrf = await (async () => {
      await reader.goto(`${server.url}/login`);
      return reader.locator('input[name=_csrf]').getAttribute('value');
    })();
    const anon = await reader.request.post(`${server.url}/items/${ITEM}/assessments`, {
      form: { _csrf: anonCsrf!, as_of: '2025-10-30', implementation: '0', rationale: 'x' },
    });
    expect(anon.status()).toBe(401);

    // The second editor publishes.
    const ed = await as('ed');
    await ed.goto(assessmentUrl);
    await ed.click('button:has-text("Publish")');
    await ed.waitForURL(`${server.url}/items/${ITEM}`);

    // The item's timeline and status show it to every reader, evidence included.
    await reader.goto(`${server.url}/items/${ITEM}`);
    expect(await reader.locator('#status').textContent()).toContain('2 Intermediate');
    const timeline = reader.locator('.timeline');
    expect(await timeline.textContent()).toContain('agreed at Gyeongju');
    expect(await timeline.locator('blockquote').first().textContent()).toBe(
      'They agreed to continue shuttle diplomacy between the two sides.',
    );
    expect(await timeline.textContent()).toContain('published');

    // The party's score now counts the new commitment.
    await reader.goto(`${server.url}/tracker/parties/KOR`);
    const scoreAfter = await reader.locator('#compliance').textContent();
    expect(scoreAfter).not.toBe(scoreBefore);
    expect(await reader.locator(`#counted + ul a[href="/items/${ITEM}"]`).count()).toBe(1);
  });
});
