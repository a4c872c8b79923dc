import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/core/index.ts';
import { appWith } from '../helpers/app.ts';
import { lookalikeDir } from '../search/fixture.ts';

let app: Awaited<ReturnType<typeof appWith>>['app'];
let db: Db;
beforeAll(async () => {
  ({ app, db } = await appWith(lookalikeDir()));
  // A record whose text would be markup if it were not escaped.
  await db.query(
    `UPDATE milestones SET summary = summary || ' <script>alert(1)</script> & <b>treaty</b>' WHERE id = '1965-06-22-treaty-on-basic-relations'`,
  );
});
afterAll(() => db.close());

async function page(path: string, status = 200) {
  const res = await app.request(path);
  expect(res.status, path).toBe(status);
  return res.text();
}

describe('search page', () => {
  it('has a search box in every page header', async () => {
    for (const path of ['/', '/opinion', '/papers']) {
      const html = await page(path);
      expect(html).toMatch(
        /<search class="site-search" aria-label="Search the record"><form method="get" action="\/search">/,
      );
      expect(html).toContain('<label for="site-q" class="visually-hidden">Search the record</label>');
    }
  });

  it('ranks results and marks the matching words in an escaped snippet', async () => {
    const html = await page('/search?q=administration');
    expect(html).toContain('1 result for “administration”');
    expect(html).toContain('href="/papers/2025-skj-08-introduction"');
    expect(html).toContain('the second Trump <mark>admіnistration</mark> changed trade');
    const treaty = await page('/search?q=treaty');
    expect(treaty).toContain(
      '&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;<mark>treaty</mark>&lt;/b&gt;',
    );
    expect(treaty).not.toContain('<script>alert');
    // The query is shown back escaped, and kept in the header box.
    const odd = await page('/search?q=%3Cimg+src%3Dx%3E');
    expect(odd).toContain('Nothing in the record matches “&lt;img src=x&gt;”.');
    expect(odd).not.toContain('<img src=x>');
  });

  it('filters by kind with counts, and speaks the reader’s language', async () => {
    const html = await page('/search?q=japan&kind=milestone');
    expect(html).toContain('value="milestone" checked=""');
    expect(html).toMatch(/Survey question \(2\)/);
    expect(html).toContain('1 result for “japan”');
    const ko = await page('/search?q=%ED%95%9C%EA%B5%AD&lang=ko'); // 한국
    expect(ko).toContain('<html lang="ko">');
    expect(ko).toContain('“한국” 검색 결과 1건');
    expect(ko).toContain('<mark>한국</mark>에 대한 인상');
    const ja = await page('/search?q=%E5%8D%B0%E8%B1%A1&lang=ja'); // 印象
    expect(ja).toContain('「印象」の検索結果 1件');
    expect(ja).toContain('>韓国に対する印象</a>');
    expect(ja).toContain(
      '<p class="snippet" lang="ja">あなたは韓国に対してどのような<mark>印象</mark>を持っていますか。',
    );
    // An English snippet on a Korean page says it is English.
    expect(await page('/search?q=treaty&lang=ko')).toContain('<p class="snippet" lang="en">');
  });

  it('rejects malformed parameters naming them', async () => {
    expect(await page('/search?q=x&kind=secret', 400)).toContain('Query parameter &quot;kind&quot;');
    expect(await page(`/search?q=${'a'.repeat(201)}`, 400)).toContain('at most 200 characters');
    expect(await page('/search?q=x&page=0', 400)).toContain('Query parameter &quot;page&quot;');
  });
});

describe('search API', () => {
  it('answers JSON with ranked results, snippets as segments and as escaped HTML', async () => {
    const res = await app.request('/api/search?q=treaty');
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      total: number;
      results: {
        kind: string;
        id: string;
        url: string;
        snippet: { text: string; match: boolean }[];
        snippet_html: string;
      }[];
    };
    expect(body.total).toBe(1);
    expect(body.results[0]).toMatchObject({
      kind: 'milestone',
      id: '1965-06-22-treaty-on-basic-relations',
      url: '/milestones/1965-06-22-treaty-on-basic-relations',
    });
    expect(body.results[0]!.snippet.filter((s) => s.match).map((s) => s.text)).toEqual(['treaty', 'treaty']);
    expect(body.results[0]!.snippet_html).toContain('&lt;b&gt;<mark>treaty</mark>&lt;/b&gt;');
  });

  it('filters by repeated kind, and is in the OpenAPI document', async () => {
    const r = (await (await app.request('/api/search?q=japan&kind=question&kind=paper')).json()) as {
      results: { kind: string }[];
    };
    // The paper's title says "Korea-Japan"; the milestone that mentions Japan is filtered out.
    expect(new Set(r.results.map((x) => x.kind))).toEqual(new Set(['question', 'paper']));
    expect((await app.request('/api/search?q=japan&kind=nope')).status).toBe(400);
    expect(await (await app.request('/api/search')).json()).toMatchObject({ total: 0, results: [] });
    expect((await app.request(`/api/search?q=${'a'.repeat(201)}`)).status).toBe(400);
    const doc = (await (await app.request('/api/openapi.json')).json()) as { paths: Record<string, unknown> };
    expect(doc.paths['/search']).toBeDefined();
  });
});
