import { parse as parseCsv } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/core/index.ts';
import { appWith } from '../helpers/app.ts';
import { BUNDLED, mustLoad } from '../helpers/datasets.ts';

const SERIES = '/opinion/eai-genron-joint-poll';
let app: Awaited<ReturnType<typeof appWith>>['app'];
let db: Db;
beforeAll(async () => {
  ({ app, db } = await appWith(BUNDLED));
});
afterAll(() => db.close());

const eai = () => mustLoad(BUNDLED).surveys.find((s) => s.id === 'eai-genron-joint-poll')!;

async function html(path: string, status = 200, init?: RequestInit) {
  const res = await app.request(path, init);
  expect(res.status, path).toBe(status);
  return res.text();
}

describe('opinion pages', () => {
  it('lists every survey series with its years', async () => {
    const page = await html('/opinion');
    expect(page).toContain(`href="${SERIES}"`);
    expect(page).toContain('2013–2025');
    expect(page).toContain('aria-current="page">Opinion</a>');
  });

  it('renders every bundled series with a chart per question group and a row per figure', async () => {
    for (const series of mustLoad(BUNDLED).surveys) {
      const page = await html(`/opinion/${series.id}`);
      expect(page.match(/<section class="question"/g)?.length, series.id).toBeGreaterThan(0);
      expect(page.match(/<tr id="r-/g)?.length ?? 0, series.id).toBe(series.results.length);
    }
  });

  it('shows the EAI–Genron impression series 2013–2025 for both publics with every point linked to its source', async () => {
    const page = await html(SERIES);
    const series = eai();
    const impressions = series.results.filter((r) => r.question.includes('impression'));
    expect(impressions.length).toBeGreaterThan(40);
    for (const r of impressions) {
      // A table row per figure, holding its source link.
      const row = page.match(new RegExp(`<tr id="r-${r.question}-${r.wave}-${r.answer}">(.*?)</tr>`, 's'));
      expect(row, `${r.wave} ${r.question} ${r.answer}`).not.toBeNull();
      if (r.source.url) expect(row![1]).toContain(`href="${r.source.url.replaceAll('&', '&amp;')}"`);
      if (r.source.quality === 'mirror')
        expect(row![1]).toContain('only a copy of a news report gives this figure');
    }
    // The chart points of the "good" answer link to their sources too.
    for (const r of impressions.filter((x) => x.answer === 'good' && x.source.url)) {
      expect(page).toContain(`href="${r.source.url!.replaceAll('&', '&amp;')}"`);
    }
    expect(page).toMatch(/<svg[^>]*class="chart"/);
    expect(page).toContain('simple random sampling');
  });

  it('draws the 2024 and 2025 breaks and lists them with the design effect of every wave', async () => {
    const page = await html(SERIES);
    const trend = page.match(/<svg[^>]*class="chart".*?<\/svg>/s)![0];
    expect(trend.match(/<text[^>]*>break<\/text>/g)).toHaveLength(2);
    const wave2024 = page.match(/<tr id="wave-2024-kor">(.*?)<\/tr>/s)![1]!;
    expect(wave2024).toContain('mode changed');
    expect(wave2024).toContain('partner changed');
    expect(wave2024).toMatch(/<td class="num">1<\/td>/); // design effect
    expect(page.match(/<tr id="wave-/g)).toHaveLength(eai().waves.length);
  });

  it('gives the 95 % Wilson interval of each figure with a known sample', async () => {
    const page = await html(SERIES);
    // 2013, Korea, "good" 12.2 % of n = 1,004: 10.3–14.4 (see src/opinion/intervals.test.ts)
    const row = page.match(/<tr id="r-kr-impression-of-japan-2013-kor-good">(.*?)<\/tr>/s)![1]!;
    expect(row).toContain('<td class="num">1,004</td>');
    expect(row).toContain('10.3–14.4');
    // 2015 has no known sample size: no interval
    const row2015 = page.match(/<tr id="r-kr-impression-of-japan-2015-kor-good">(.*?)<\/tr>/s)![1]!;
    expect(row2015).toContain('not known');
  });

  it('switches the answer shown and rejects a malformed one', async () => {
    const page = await html(`${SERIES}?answer=bad`);
    expect(page).toMatch(/aria-current="true">Bad \(bad or relatively bad\)/);
    expect(page).toContain('Share answering “Bad (bad or relatively bad)”');
    await html(`${SERIES}?answer=%3Cscript%3E`, 400);
    await html('/opinion/no-such-series', 404);
  });

  it('speaks Korean and Japanese', async () => {
    const ko = await html(`${SERIES}?lang=ko`);
    expect(ko).toContain('<html lang="ko">');
    expect(ko).toContain('일본에 대한 인상');
    expect(ko).toContain('단순 무작위 표본 추출');
    const ja = await html(`${SERIES}?lang=ja`);
    expect(ja).toContain('日本に対する印象');
    expect(ja).toContain('断絶');
  });

  // The language of a wording comes from the wording itself, not from a party code the page knows.
  it("marks each question's wording with the language it is written in", async () => {
    const word = (id: string, wording: string | null) =>
      db.query(
        "UPDATE survey_questions SET wording = $1 WHERE series_id = 'eai-genron-joint-poll' AND id = $2",
        [wording, id],
      );
    try {
      await word('kr-impression-of-japan', '귀하는 일본에 대해 어떤 인상을 가지고 계십니까?');
      await word('jp-impression-of-korea', 'あなたは韓国に対してどのような印象を持っていますか。');
      await word('kr-current-relations', 'How are relations now?');
      const page = await html(SERIES);
      expect(page).toContain('<dd lang="ko">귀하는 일본에 대해 어떤 인상을 가지고 계십니까?</dd>');
      expect(page).toContain('<dd lang="ja">あなたは韓国に対してどのような印象を持っていますか。</dd>');
      expect(page).toContain('<dd>How are relations now?</dd>');
    } finally {
      for (const id of ['kr-impression-of-japan', 'jp-impression-of-korea', 'kr-current-relations'])
        await word(id, null);
    }
  });
});

describe('opinion downloads and API', () => {
  it("serves each chart on its own as SVG, in the reader's language, for print and reuse", async () => {
    const page = await html(SERIES);
    const link = page
      .match(/href="(\/opinion\/eai-genron-joint-poll\/chart\.svg\?[^"]+chart=trend)"/)![1]!
      .replaceAll('&amp;', '&');
    const res = await app.request(link);
    expect(res.headers.get('content-type')).toBe('image/svg+xml; charset=utf-8');
    const svg = await res.text();
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" /);
    // The page's picture inside, with the title above and the source line below; points without a
    // source URL link to the page's table.
    expect(svg).toContain('href="http://localhost/opinion/eai-genron-joint-poll#r-');
    const plot = svg.match(/<svg x="[\d.]+" y="[\d.]+" [^>]*>(.*)<\/svg><\/svg>$/s)![1]!;
    expect(page).toContain(plot.replaceAll('http://localhost/opinion/eai-genron-joint-poll#', '#'));
    expect(svg).toContain('<title>Share answering “Good');
    expect(svg).toContain('Source: East Asia Institute (EAI)');
    const ko = await (await app.request(`${link}&lang=ko`)).text();
    expect(ko).toContain('단절');
    const gap = await app.request(link.replace('chart=trend', 'chart=gap'));
    expect(gap.status).toBe(200);
    expect((await app.request(`${SERIES}/chart.svg?question=nope`)).status).toBe(404);
    expect((await app.request(`${SERIES}/chart.svg?question=kr-impression-of-japan&chart=pie`)).status).toBe(
      400,
    );
  });

  it('downloads every figure of a series as CSV with intervals and source links', async () => {
    const res = await app.request(`${SERIES}/results.csv`);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    const rows = parseCsv(await res.text(), { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(eai().results.length);
    const first = rows.find(
      (r) => r.wave === '2013-kor' && r.answer === 'good' && r.question === 'kr-impression-of-japan',
    )!;
    expect(first).toMatchObject({ share: '12.2', n: '1004', ci_low: '10.32', ci_high: '14.37' });
    expect(first.source_url).toBe('https://news.livedoor.com/article/detail/9032296/');
    expect(first.source_quality).toBe('mirror');
    expect(first.page_url).toBe('http://localhost/opinion/eai-genron-joint-poll');
  });

  it('answers the series as JSON, described in the OpenAPI document', async () => {
    const res = await app.request('/api/opinion/series/eai-genron-joint-poll');
    expect(res.status).toBe(200);
    const body = (await res.json()) as { results: { wave: string; interval: unknown; n: number | null }[] };
    const r2013 = body.results.find((r) => r.wave === '2013-kor')!;
    expect(r2013.n).toBe(1004);
    expect(r2013.interval).toMatchObject({ low: expect.closeTo(10.318, 2), high: expect.closeTo(14.37, 2) });
    expect((await app.request('/api/opinion/series/nope')).status).toBe(404);
    const doc = (await (await app.request('/api/openapi.json')).json()) as { paths: Record<string, unknown> };
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/opinion/series', '/opinion/series/{id}', '/opinion/series/{id}/results.csv']),
    );
    const list = (await (await app.request('/api/opinion/series')).json()) as { id: string }[];
    expect(list.map((s) => s.id)).toContain('eai-genron-joint-poll');
  });
});
