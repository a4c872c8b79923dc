import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/core/index.ts';
import type { createApp } from '../../src/web/index.ts';
import { PdfUnavailable, printPdf } from '../../src/web/pdf.ts';
import { appWith } from '../helpers/app.ts';
import { chromiumAvailable } from '../helpers/browser.ts';
import { cliSession } from '../helpers/cli.ts';

const PDFTOTEXT = existsSync('/usr/bin/pdftotext');
if (!PDFTOTEXT && process.env.CI === 'true')
  throw new Error('pdftotext is required in CI (apt-get install poppler-utils)');

let app: ReturnType<typeof createApp>;
let db: Db;
let dir: string;
beforeAll(async () => {
  ({ app, db } = await appWith('data/korea-japan'));
  dir = mkdtempSync(path.join(tmpdir(), 'entente-brief-'));
}, 300_000);
afterAll(async () => {
  await db?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** The text of a PDF as pdftotext reads it, whitespace folded. */
function pdfText(body: Uint8Array, name: string): string {
  const file = path.join(dir, name);
  writeFileSync(file, body);
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}
const textOf = (html: string) =>
  html
    .replace(/<[^>]+>/g, '')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
const get = async (url: string, lang: string) =>
  app.request(`http://localhost${url}`, { headers: { cookie: `lang=${lang}` } });

describe.runIf(chromiumAvailable() && PDFTOTEXT)('PDF briefs', () => {
  it("prints the Korean party brief with the scorecard's figures and Korean words", async () => {
    const card = await (await get('/tracker/parties/KOR', 'ko')).text();
    const compliance = textOf(/<dd id="compliance">([\s\S]*?)<\/dd>/.exec(card)![1]!);
    expect(compliance).toMatch(/\d/);
    expect(card).toContain('href="/tracker/parties/KOR/brief.pdf"');
    const res = await get('/tracker/parties/KOR/brief.pdf', 'ko');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const text = pdfText(new Uint8Array(await res.arrayBuffer()), 'kor-ko.pdf');
    expect(text).toContain('대한민국');
    expect(text).toContain('이행 브리프');
    expect(text).toContain('출처');
    // The compliance percentage, its interval and its n exactly as the scorecard shows them.
    expect(text).toContain(compliance);
    const brief = await (await get('/tracker/parties/KOR/brief', 'ko')).text();
    const statuses = [...brief.matchAll(/<span class="status status-[a-z-]+">([^<]+)<\/span>/g)].map(
      (m) => m[1]!,
    );
    expect(statuses.length).toBeGreaterThan(5);
    for (const s of new Set(statuses)) expect(text).toContain(s);
  }, 180_000);

  it('prints the Japanese brief of an issue area', async () => {
    const res = await get('/tracker/areas/economic-security-technology/brief.pdf', 'ja');
    expect(res.status).toBe(200);
    const text = pdfText(new Uint8Array(await res.arrayBuffer()), 'area-ja.pdf');
    expect(text).toContain('経済安全保障と技術');
    expect(text).toContain('追跡項目のブリーフ');
    expect(text).toContain('最新の根拠');
  }, 180_000);

  it('answers 404 for a party or area the record does not hold', async () => {
    expect((await get('/tracker/parties/XXX/brief.pdf', 'en')).status).toBe(404);
    expect((await get('/tracker/areas/nowhere/brief.pdf', 'en')).status).toBe(404);
  });

  it('writes the brief from the command line', async () => {
    const cli = cliSession('entente-brief-cli-');
    try {
      // An empty store has no parties: the command says so.
      await expect(
        cli.entente('brief', '--party', 'KOR', '--lang', 'ko', '-o', path.join(dir, 'x.pdf')),
      ).rejects.toThrow(/No brief: .*KOR/);
      await cli.entente('import', 'data/korea-japan');
      const out = path.join(dir, 'cli-kor-ko.pdf');
      await cli.entente('brief', '--party', 'KOR', '--lang', 'ko', '-o', out);
      expect(cli.out.at(-1)).toMatch(/^Wrote .*cli-kor-ko\.pdf/);
      expect(pdfText(readFileSync(out), 'cli-copy.pdf')).toContain('대한민국');
    } finally {
      await cli.cleanup();
    }
  }, 300_000);
});

describe('PDF without Chromium', () => {
  it('says clearly that Chromium is missing', async () => {
    await expect(printPdf('<html></html>', { executablePath: '/nonexistent/chromium' })).rejects.toThrow(
      PdfUnavailable,
    );
    await expect(printPdf('<html></html>', { executablePath: '/nonexistent/chromium' })).rejects.toThrow(
      /need Chromium.*\/nonexistent\/chromium/,
    );
  });
});
