import { parse as parseCsv } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/core/index.ts';
import { getSurveySeries, trendPoints } from '../../src/opinion/index.ts';
import { decodePng } from '../charts/png.ts';
import { appWith } from '../helpers/app.ts';
import { BUNDLED } from '../helpers/datasets.ts';

const SERIES = '/opinion/eai-genron-joint-poll';
const TREND = `${SERIES}/chart?question=kr-impression-of-japan&answer=good&chart=trend`;
const GAP = `${SERIES}/chart?question=kr-impression-of-japan&answer=good&chart=gap`;
const SCORE = '/tracker/parties/KOR/chart';
let app: Awaited<ReturnType<typeof appWith>>['app'];
let db: Db;
beforeAll(async () => {
  ({ app, db } = await appWith(BUNDLED));
});
afterAll(() => db.close());

const withExt = (url: string, ext: string) => url.replace(/\/chart(\?|$)/, `/chart${ext}$1`);
const csvOf = async (url: string) => {
  const res = await app.request(withExt(url, '.csv'));
  expect(res.status, url).toBe(200);
  expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
  return parseCsv((await res.text()).replace(/^\uFEFF/, ''), { columns: true }) as Record<string, string>[];
};

describe('chart pages', () => {
  it('answer 200, may be framed by any site, and only they', async () => {
    for (const url of [TREND, GAP, SCORE]) {
      const res = await app.request(url);
      expect(res.status, url).toBe(200);
      const csp = res.headers.get('content-security-policy')!;
      expect(csp, url).toContain('frame-ancestors *');
      expect(csp).not.toContain("frame-ancestors 'none'");
      expect(res.headers.get('x-frame-options')).toBeNull();
      const page = await res.text();
      expect(page).toMatch(/<svg[^>]*class="chart"/);
      expect(page).toContain('<base target="_top"/>');
      expect(page).toContain('&lt;iframe src=');
    }
    // Every other page, downloads and errors included, keeps refusing to be framed.
    for (const url of [
      SERIES,
      '/tracker/parties/KOR',
      '/',
      withExt(TREND, '.png'),
      `${SERIES}/chart?question=nope`,
    ]) {
      const res = await app.request(url);
      expect(res.headers.get('content-security-policy'), url).toContain("frame-ancestors 'none'");
      expect(res.headers.get('x-frame-options'), url).toBe('DENY');
    }
  });

  it('link from the page their chart is on, with PNG, SVG and CSV downloads', async () => {
    const page = await (await app.request(SERIES)).text();
    for (const ext of ['', '.png', '.svg', '.csv'])
      expect(page).toContain(`href="${withExt(TREND, ext).replaceAll('&', '&amp;')}"`);
    const party = await (await app.request('/tracker/parties/KOR')).text();
    for (const ext of ['', '.png', '.svg', '.csv']) expect(party).toContain(`href="${SCORE}${ext}"`);
    // The figures as a table for screen readers, beside the picture.
    expect(page).toMatch(
      /<div class="visually-hidden"><table class="screen-reader-table"><caption>The figures of the chart: Share answering/,
    );
  });

  it('refuse what they cannot draw', async () => {
    expect((await app.request(`${SERIES}/chart?question=nope`)).status).toBe(404);
    expect((await app.request(`${SERIES}/chart?question=kr-impression-of-japan&chart=pie`)).status).toBe(400);
    expect((await app.request('/tracker/parties/XXX/chart')).status).toBe(404);
    expect((await app.request(`${SCORE}?as_of=2025-13-40`)).status).toBe(400);
  });
});

describe('chart downloads', () => {
  it('CSV of the trend parses back to the chart’s numbers', async () => {
    const series = (await getSurveySeries(db, 'eai-genron-joint-poll'))!;
    const points = trendPoints(series, ['kr-impression-of-japan', 'jp-impression-of-korea'], 'good');
    const rows = await csvOf(TREND);
    expect(rows.length).toBe(points.length);
    rows.forEach((r, i) => {
      const p = points[i]!;
      expect(Number(r.year)).toBe(p.year);
      expect(Number(r.share)).toBe(p.share);
      expect(r.n === '' ? null : Number(r.n)).toBe(p.n);
      if (p.interval) expect(Number(r.low)).toBeCloseTo(p.interval.low, 1);
      else expect(r.low).toBe('');
    });
    const gap = await csvOf(GAP);
    expect(Object.keys(gap[0]!)).toEqual(['year', 'gap', 'low', 'high']);
  });

  it('CSV of the scorecard chart has one row per quarter end, values as the page shows them', async () => {
    const rows = await csvOf(SCORE);
    expect(rows.length).toBeGreaterThan(0);
    expect(Object.keys(rows[0]!)).toEqual(['quarter_end', 'compliance', 'low', 'high', 'n']);
    const page = await (await app.request('/tracker/parties/KOR')).text();
    for (const r of rows) {
      expect(r.quarter_end).toMatch(/^\d{4}-(03-31|06-30|09-30|12-31)$/);
      if (r.compliance !== '') expect(page).toContain(`>${r.compliance}</text>`);
    }
  });

  it('PNG in Korean decodes at twice the chart’s size; SVG is XML with the title', async () => {
    const svgRes = await app.request(`${withExt(TREND, '.svg')}&lang=ko`);
    const svg = await svgRes.text();
    const [w, h] = [Number(/width="(\d+)"/.exec(svg)![1]), Number(/height="(\d+)"/.exec(svg)![1])];
    expect(svg).toContain('<title>“좋다');
    const res = await app.request(`${withExt(TREND, '.png')}&lang=ko`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    const img = decodePng(new Uint8Array(await res.arrayBuffer()));
    expect([img.width, img.height]).toEqual([w * 2, h * 2]);
    const score = await app.request(`${SCORE}.png?lang=ja`);
    expect(score.status).toBe(200);
    decodePng(new Uint8Array(await score.arrayBuffer()));
  });
});
