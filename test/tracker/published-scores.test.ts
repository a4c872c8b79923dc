import { parseHTML } from 'linkedom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliContext } from '../../src/cli/context.ts';
import { buildProgram } from '../../src/cli/program.ts';
import { type Db, readConfig } from '../../src/core/index.ts';
import { MIN_ITEMS, type ScoreLine } from '../../src/tracker/index.ts';
import { appWith } from '../helpers/app.ts';
import { BUNDLED } from '../helpers/datasets.ts';

// The published figures of the bundled record, read as a reader reads them: every percentage with
// its n and interval, none from fewer than MIN_ITEMS items, no running period, and each one the
// figure `entente scores` recomputes.
let app: Awaited<ReturnType<typeof appWith>>['app'];
let db: Db;
const today = new Date().toISOString().slice(0, 10);

beforeAll(async () => {
  ({ app, db } = await appWith(BUNDLED));
});
afterAll(() => db.close());

const html = async (path: string) => {
  const res = await app.request(path);
  expect(res.status, path).toBe(200);
  return res.text();
};
const PAGES = [
  '/tracker',
  '/tracker/parties/KOR',
  '/tracker/parties/JPN',
  '/tracker/parties/USA',
  '/tracker/parties/CHN',
];

/** Every rendered score: its text, its n, and its percentage and interval when it has them. */
function scores(page: string) {
  const { document } = parseHTML(page);
  return Array.from(document.querySelectorAll('span.score') as ArrayLike<Element>).map((el) => {
    const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim();
    const n = /n = (\d+)/.exec(text);
    const pct = /(\d+) % \(95 % interval (\d+)–(\d+) %\)/.exec(text);
    return {
      text,
      n: n ? Number(n[1]) : null,
      value: pct ? Number(pct[1]) : null,
      interval: pct ? [Number(pct[2]), Number(pct[3])] : null,
    };
  });
}

describe('the scores of the bundled record', () => {
  it('show no percentage without its n and its interval', async () => {
    let shown = 0;
    for (const path of PAGES) {
      const page = await html(path);
      for (const s of scores(page)) {
        expect(s.n, `${path}: ${s.text}`).not.toBeNull();
        if (/%/.test(s.text)) {
          shown++;
          expect(s.value, `${path}: ${s.text}`).not.toBeNull();
          expect(s.interval![0]).toBeLessThanOrEqual(s.value!);
          expect(s.interval![1]).toBeGreaterThanOrEqual(s.value!);
        }
      }
    }
    expect(shown).toBeGreaterThan(10);
  });

  it('show no percentage from fewer items than the minimum, and say why instead', async () => {
    let tooFew = 0;
    for (const path of PAGES) {
      for (const s of scores(await html(path))) {
        if (s.value !== null) expect(s.n!, `${path}: ${s.text}`).toBeGreaterThanOrEqual(MIN_ITEMS);
        else if (s.n !== null && s.n > 0) {
          tooFew++;
          expect(s.n, `${path}: ${s.text}`).toBeLessThan(MIN_ITEMS);
          expect(s.text).toContain(`at least ${MIN_ITEMS}`);
        }
      }
    }
    // The heat map and the smaller parties have cells of 1–4 items.
    expect(tooFew).toBeGreaterThan(0);
  });

  it('score no period that has not ended', async () => {
    for (const code of ['KOR', 'JPN', 'USA']) {
      const page = await html(`/tracker/parties/${code}`);
      const section = /<section aria-labelledby="over-time">([\s\S]*?)<\/section>/.exec(page)![1]!;
      const dates = [...section.matchAll(/<time datetime="(\d{4}-\d{2}-\d{2})"/g)].map((m) => m[1]!);
      expect(dates.length, code).toBeGreaterThan(4);
      for (const d of dates) {
        expect(d < today, `${code}: ${d}`).toBe(true);
        expect(d.slice(5), `${code}: ${d} is a quarter end`).toMatch(/^(03-31|06-30|09-30|12-31)$/);
      }
    }
    // An as-of day in the past scores the quarters ended by then only.
    const past = await html('/tracker/parties/KOR?as_of=2025-08-15');
    const dates = [...past.matchAll(/<time datetime="(\d{4}-\d{2}-\d{2})"/g)].map((m) => m[1]!);
    expect(dates).toContain('2025-06-30');
    expect(dates).not.toContain('2025-09-30');
  });

  it('are the figures `entente scores` recomputes from the record', async () => {
    const out: string[] = [];
    const ctx: CliContext = {
      config: readConfig({}),
      out: (l) => out.push(l),
      err: () => {},
      interactive: false,
      // The test's store stays open for the other tests.
      openStore: async () => ({ ...db, close: async () => {} }) as Db,
    };
    await (await buildProgram(ctx, ['scores']))
      .exitOverride()
      .parseAsync(['node', 'entente', 'scores', '--format', 'json']);
    const lines = (JSON.parse(out.join('\n')) as { scores: ScoreLine[] }).scores;
    const find = (scope: string, group: string, measure: string) =>
      lines.find((l) => l.scope === scope && l.group === group && l.measure === measure)!;
    for (const code of ['KOR', 'JPN', 'USA']) {
      const page = await html(`/tracker/parties/${code}`);
      for (const measure of ['compliance', 'implementation'] as const) {
        const dd = new RegExp(`<dd id="${measure}">([\\s\\S]*?)</dd>`).exec(page)![1]!;
        const [shown] = scores(dd);
        const line = find('party', code, measure);
        expect(shown!.n, `${code} ${measure}`).toBe(line.n);
        expect(shown!.value, `${code} ${measure}`).toBe(line.value);
        expect(shown!.interval, `${code} ${measure}`).toEqual(
          line.value === null ? null : [line.interval_low, line.interval_high],
        );
      }
    }
    const uptake = find('all', 'recommendations', 'uptake');
    const overview = await html('/tracker');
    expect(overview).toContain(
      `${uptake.value} % (95 % interval ${uptake.interval_low}–${uptake.interval_high} %)`,
    );
    // Uptake counts assessed recommendations only, and restating records once, through their originals.
    expect(uptake.n).toBeLessThan(58);
    expect(uptake.unassessed).toBe(0);
  });
});
