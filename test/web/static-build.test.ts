import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/web/index.ts';
import { fileWarehouse, signalsPlugins } from '../../src/web/signals/index.ts';
import { type BuildReport, buildSite } from '../../src/web/static/index.ts';
import { appWith } from '../helpers/app.ts';
import { chromiumAvailable, launchChromium } from '../helpers/browser.ts';
import { crawlServed, serveFolder } from '../helpers/static-server.ts';

// The bundled record built as the CLI builds it (signals pages included, no warehouse), served by
// a plain static server and crawled over HTTP.
const SAMPLED = [
  /^\/(items|assessments|recommendations)\/(?!(a1|b2|camp)-)[^/@]+/,
  /^\/milestones\/(?!19)[^/]+/,
  /^\/opinion\/(?!eai-genron-joint-poll)[^/]+/,
];

let dir: string;
let report: BuildReport;
let site: Awaited<ReturnType<typeof serveFolder>>;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'entente-static-'));
  const { db } = await appWith('data/korea-japan');
  const app = createApp({ db, ...signalsPlugins(db, fileWarehouse(path.join(dir, 'no-signals.duckdb'))) });
  // Left out here, their links going to the live site: the PDF briefs (test/web/brief.test.ts prints
  // them), the PNG charts (test/charts/chart-files.test.ts draws them; each takes most of a second to
  // draw, as resvg reads the CJK fonts every time), and the record pages but for a sample of each
  // kind, since every record page of a kind is made by the same code. The whole record is built, and
  // its links checked, by `.ci/run`.
  report = await buildSite({
    app,
    outDir: path.join(dir, 'site'),
    liveUrl: 'https://entente.example/',
    skip: [/\.pdf$/, /\.png$/, ...SAMPLED],
  });
  await db.close();
  site = await serveFolder(path.join(dir, 'site'));
}, 1_800_000);

afterAll(async () => {
  await site?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const read = (file: string) => readFileSync(path.join(dir, 'site', file), 'utf8');

describe('entente build on the bundled record', () => {
  it('fetches every page without an error and writes the three languages', () => {
    expect(report.broken).toEqual([]);
    expect(report.truncated).toBe(false);
    expect(read('index.html')).toContain('<html lang="en"');
    expect(read('ko/index.html')).toContain('<html lang="ko"');
    expect(read('ja/tracker/parties/KOR/index.html')).toContain('<html lang="ja"');
    expect(report.indexed.ko).toBe(report.indexed.en);
    expect(report.indexed.ja).toBe(report.indexed.en);
  });

  it('serves with 0 broken links from a plain static server, in every language', async () => {
    const { pages, broken } = await crawlServed(`${site.url}/`);
    expect(broken).toEqual([]);
    for (const prefix of ['/', '/ko/', '/ja/'])
      expect(pages).toContain(`${site.url}${prefix}tracker/parties/KOR/`);
    expect(pages.length).toBe(report.pages);
  }, 600_000);

  it('keeps the language switch on the same page and the downloads and API answers as files', async () => {
    const ko = read('ko/papers/partnership-2025-08-introduction/index.html');
    expect(ko).toContain('href="../../../ja/papers/partnership-2025-08-introduction/"');
    expect(ko).toContain('href="../../../papers/partnership-2025-08-introduction/"');
    expect(JSON.parse(read('api/papers.json'))).toBeTruthy();
    expect(read('api/openapi.json')).toContain('"openapi"');
    expect(JSON.parse(read('api/papers/partnership-2025-08-introduction.json'))).toMatchObject({
      id: 'partnership-2025-08-introduction',
    });
    expect(read('recommendations.csv').split('\n')[0]).toContain('id');
    expect(read('papers/partnership-2025-08-introduction/cite.bib')).toContain('@');
  });

  it('replaces every form but the search box with the note that the live site edits', () => {
    const login = read('ko/login/index.html');
    expect(login).not.toMatch(/<form(?![^>]*action="[^"]*search\/")/);
    expect(login).not.toContain('type="password"');
    expect(login).toContain('정적 사본');
    expect(login).toContain('href="https://entente.example/login"');
    const tracker = read('tracker/index.html');
    expect(tracker).not.toMatch(/<form(?![^>]*action="[^"]*search\/")/);
    expect(tracker).toContain('class="static-note"');
    expect(tracker).toMatch(/<form method="get" action="\.\.\/search\/"/);
    expect(read('ko/tracker/parties/KOR/index.html')).toContain(
      'href="https://entente.example/tracker/parties/KOR/brief.pdf"',
    );
    expect(read('ko/tracker/parties/KOR/brief/index.html')).toContain('<html lang="ko"');
  });
});

describe.runIf(chromiumAvailable())('the static search (Pagefind) in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  const searchFor = async (prefix: string, q: string) => {
    const page = await browser.newPage();
    await page.goto(`${site.url}${prefix}search/?q=${encodeURIComponent(q)}`);
    await page.locator('#static-search ol.search-results li').first().waitFor({ timeout: 30_000 });
    const hits = await page
      .locator('#static-search ol.search-results li a')
      .evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).pathname));
    const status = await page.locator('#static-search [role=status]').textContent();
    await page.close();
    return { hits, status };
  };

  it('answers a Korean search from the Korean index', async () => {
    const { hits, status } = await searchFor('/ko/', '공급망');
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.every((h) => h.startsWith('/ko/'))).toBe(true);
    expect(status).toContain('공급망');
    // Each result leads to a page of the built folder.
    for (const h of hits.slice(0, 5)) expect((await fetch(`${site.url}${h}`)).status).toBe(200);
  });

  it('answers a Japanese search from the Japanese index', async () => {
    const { hits } = await searchFor('/ja/', 'サプライチェーン');
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.every((h) => h.startsWith('/ja/'))).toBe(true);
    for (const h of hits.slice(0, 5)) expect((await fetch(`${site.url}${h}`)).status).toBe(200);
  });
});
