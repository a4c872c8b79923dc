import { parse as parseCsv } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/accounts/index.ts';
import type { Db } from '../../src/core/index.ts';
import { draftAssessment, linkItems, publishAssessment, submitForReview } from '../../src/tracker/index.ts';
import { createApp } from '../../src/web/index.ts';
import { seeded, type Username } from '../helpers/tracker.ts';

const ITEM = 'camp-david-missile-warning-data-sharing';
const FORMULAS = ['=HYPERLINK("https://attacker.test","x")', '+1+1', '-2+3', '@SUM(A1)'];

const rows = (text: string) =>
  parseCsv(text.replace(/^\uFEFF/, ''), { columns: true }) as Record<string, string>[];

describe('downloads and feeds', () => {
  let db: Db;
  let users: Record<Username, Actor & { id: number }>;
  beforeAll(async () => {
    ({ db, users } = await seeded());
    for (const rationale of FORMULAS) {
      const a = await draftAssessment(db, users.carol, ITEM, {
        as_of: '2023-12-19',
        implementation: 3,
        rationale: `${rationale}`,
        evidence: [{ title: 'T', publisher: 'P', quote: 'Q' }],
      });
      const s = await submitForReview(db, users.carol, a.id, a.version);
      await publishAssessment(db, users.erin, s.id, s.version);
    }
    // The services trim text; a record imported or restored may still start with a tab or CR.
    await db.query(
      `UPDATE assessments SET rationale = chr(9) || 'TAB' WHERE id = (SELECT id FROM assessments WHERE rationale = '+1+1')`,
    );
    await db.query(
      `UPDATE assessments SET rationale = chr(13) || 'CR' WHERE id = (SELECT id FROM assessments WHERE rationale = '-2+3')`,
    );
    const [rec] = await db.query<{ id: string }>('SELECT id FROM recommendations ORDER BY id LIMIT 1');
    const [com] = await db.query<{ id: string }>('SELECT id FROM commitments ORDER BY id LIMIT 1');
    await linkItems(db, users.erin, {
      recommendation: rec!.id,
      commitment: com!.id,
      match: 'partial',
      rationale: '=1+2',
    });
    await db.query(
      `UPDATE survey_results SET source = jsonb_set(source, '{quote}', to_jsonb('=HYPERLINK("https://attacker.test")'::text))`,
    );
  });
  afterAll(async () => {
    await db.close();
  });

  it('neutralises every cell that a spreadsheet would run as a formula, in every CSV download', async () => {
    const app = createApp({ db });
    const assessments = rows(await (await app.request('/tracker/assessments.csv')).text());
    const rationales = assessments.map((r) => r.rationale!);
    for (const f of [FORMULAS[0]!, FORMULAS[3]!, '\tTAB', '\rCR']) expect(rationales, f).toContain(`'${f}`);
    expect(rationales.every((r) => !/^[=+\-@\t\r]/.test(r))).toBe(true);
    // Numbers are left alone: a score of −1 stays a number.
    expect(assessments.every((r) => /^\d$/.test(r.implementation!))).toBe(true);
    const links = rows(await (await app.request('/tracker/links.csv')).text());
    expect(links.map((r) => r.rationale)).toContain("'=1+2");
    const [series] = await db.query<{ id: string }>('SELECT id FROM survey_series ORDER BY id LIMIT 1');
    for (const path of [
      `/opinion/${series!.id}/results.csv`,
      `/api/opinion/series/${series!.id}/results.csv`,
    ]) {
      const results = rows(await (await app.request(path)).text());
      expect(results.length, path).toBeGreaterThan(0);
      expect(
        results.every((r) => r.source_quote === `'=HYPERLINK("https://attacker.test")`),
        path,
      ).toBe(true);
    }
  });

  it('writes absolute links from the configured base URL, never from the Host header', async () => {
    const app = createApp({ db, baseUrl: 'https://entente.example.org' });
    const spoof = { headers: { Host: 'evil.example' } };
    for (const path of [
      '/tracker/feed.atom',
      '/tracker/assessments.csv',
      '/tracker/assessments.json',
      '/tracker/items.csv',
      '/tracker/links.csv',
      '/tracker/datapackage.json',
      '/recommendations.csv',
      '/recommendations.json',
    ]) {
      const body = await (await app.request(`http://evil.example${path}`, spoof)).text();
      expect(body, path).not.toContain('evil.example');
      expect(body, path).toContain('https://entente.example.org/');
    }
    const feed = await (await app.request('http://evil.example/tracker/feed.atom?party=KOR', spoof)).text();
    expect(feed).toContain(
      '<link rel="self" href="https://entente.example.org/tracker/feed.atom?party=KOR"/>',
    );
  });
});
