import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { Db } from '../../src/core/index.ts';
import { loadDataset } from '../../src/dataset/index.ts';
import { appWith } from '../helpers/app.ts';
import { BUNDLED, copyDataset, edit } from '../helpers/datasets.ts';

// The record's titles and summaries in Korean and Japanese: shown in place of the English, marked
// as Entente's translation, quotes kept verbatim, and found by search in either language.
type Tr = { kind: string; id: string; title?: string; summary?: string };
const file = (lang: string) =>
  parse(readFileSync(path.join(BUNDLED, `translations/${lang}.yaml`), 'utf8')) as { records: Tr[] };
const ko = file('ko').records;
const ja = file('ja').records;

let app: Awaited<ReturnType<typeof appWith>>['app'];
let db: Db;
beforeAll(async () => {
  ({ app, db } = await appWith(BUNDLED));
});
afterAll(() => db.close());

const get = async (url: string) => {
  const res = await app.request(url);
  expect(res.status, url).toBe(200);
  return res;
};

describe('the record in Korean and Japanese', () => {
  it('translates the title and summary of every recommendation, commitment and milestone', () => {
    const ids = (rs: Tr[], kind: string) => new Set(rs.filter((r) => r.kind === kind).map((r) => r.id));
    for (const rs of [ko, ja]) {
      expect(ids(rs, 'recommendation').size).toBeGreaterThanOrEqual(58);
      expect(ids(rs, 'commitment').size).toBeGreaterThanOrEqual(39);
      expect(ids(rs, 'milestone').size).toBeGreaterThanOrEqual(50);
      for (const r of rs.filter((x) => x.kind !== 'paper')) expect(r.title && r.summary, r.id).toBeTruthy();
    }
  });

  it('shows a recommendation in Korean and Japanese in place of the English, marked as our translation', async () => {
    const id = 'a1-cyber-ai-norms-leadership';
    const k = ko.find((r) => r.id === id)!;
    const j = ja.find((r) => r.id === id)!;
    const en = await (await get(`/recommendations/${id}?lang=en`)).text();
    expect(en).toContain('<h1 lang="en">Lead on global cyber and AI governance norms</h1>');
    const koPage = await (await get(`/recommendations/${id}?lang=ko`)).text();
    expect(koPage).toContain(`<h1 lang="ko">${k.title}</h1>`);
    expect(koPage).toContain(k.summary!);
    expect(koPage).toContain('Entente가 번역했습니다');
    // The quote stays in its original words.
    expect(koPage).toContain('He further suggests that both countries take leadership');
    const jaPage = await (await get(`/items/${id}?lang=ja`)).text();
    expect(jaPage).toContain(`<h1 lang="ja">${j.title}</h1>`);
    expect(jaPage).toContain('Ententeによる翻訳');
  });

  it('lists milestones and recommendations by their translated titles', async () => {
    const m = ko.find((r) => r.kind === 'milestone')!;
    expect(await (await get('/milestones?lang=ko')).text()).toContain(`<span lang="ko">${m.title}</span>`);
    const r = ja.find((x) => x.kind === 'recommendation')!;
    expect(await (await get('/recommendations?lang=ja')).text()).toContain(
      `<span lang="ja">${r.title}</span>`,
    );
  });

  it('finds records by Korean and Japanese words of their translated titles and summaries', async () => {
    for (const [q, lang] of [
      ['북한', 'ko'],
      ['インド太平洋', 'ja'],
      ['공급망', 'ko'],
      ['サプライチェーン', 'ja'],
    ] as const) {
      const body = (await (await get(`/api/search?q=${encodeURIComponent(q)}`)).json()) as {
        results: { id: string; kind: string; title: Record<string, string> }[];
      };
      const translated = (lang === 'ko' ? ko : ja).filter((r) => `${r.title} ${r.summary}`.includes(q));
      expect(translated.length, q).toBeGreaterThan(0);
      const found = new Set(body.results.map((r) => `${r.kind}/${r.id}`));
      expect(
        translated.some((r) => found.has(`${r.kind}/${r.id}`)),
        `${q}: a record whose translation holds it is found`,
      ).toBe(true);
    }
    // Any record, by a word of its Korean title.
    const rec = ko.find((r) => r.id === 'scpa-2026-supply-chain-partnership')!;
    // Its most distinctive word: the longest one of the title.
    const word = rec.title!.split(/\s+/).sort((a, b) => b.length - a.length)[0]!;
    const body = (await (await get(`/api/search?q=${encodeURIComponent(word)}`)).json()) as {
      results: { id: string }[];
    };
    expect(body.results.map((r) => r.id)).toContain(rec.id);
  });

  it('shows authors by their names in Hangul and Japanese script where given, and finds their papers by them', async () => {
    type Author = { id: string; name: string; name_ko?: string; name_ja?: string };
    const { authors } = parse(readFileSync(path.join(BUNDLED, 'authors.yaml'), 'utf8')) as {
      authors: Author[];
    };
    for (const [id, lang, script] of [
      ['chaesung-chun', 'ko', /^\p{Script=Hangul}+$/u],
      // No translated summary names him: only his name as an author finds the paper.
      ['makoto-shiono', 'ja', /^\p{Script=Han}+$/u],
    ] as const) {
      const a = authors.find((x) => x.id === id)!;
      const own = lang === 'ko' ? a.name_ko : a.name_ja;
      expect(own, id).toMatch(script);
      const rows = await db.query<{ paper_id: string }>(
        'SELECT paper_id FROM paper_authors WHERE author_id = $1 ORDER BY paper_id LIMIT 1',
        [id],
      );
      const paper_id = rows[0]!.paper_id;
      // In the page's own language, with the name as printed beside it; as printed elsewhere.
      expect(await (await get(`/papers/${paper_id}?lang=${lang}`)).text()).toContain(`${own} (${a.name})`);
      expect(await (await get(`/papers?lang=${lang}`)).text()).toContain(`${own} (${a.name})`);
      expect(await (await get(`/papers/${paper_id}?lang=en`)).text()).not.toContain(own!);
      const body = (await (await get(`/api/search?q=${encodeURIComponent(own!)}`)).json()) as {
        results: { id: string; kind: string }[];
      };
      expect(body.results.map((r) => `${r.kind}/${r.id}`)).toContain(`paper/${paper_id}`);
    }
  });

  it("refuses an author's name in Hangul or Japanese script without its source, naming file:line", () => {
    const dir = copyDataset(BUNDLED);
    const f = path.join(dir, 'authors.yaml');
    edit(
      f,
      '  - id: jiyoung-ko\n    name: Jiyoung Ko\n',
      '  - id: jiyoung-ko\n    name: Jiyoung Ko\n    name_ko: 고지영\n',
    );
    expect(loadDataset(dir).problems).toEqual([
      expect.objectContaining({
        file: f,
        field: expect.stringMatching(/^authors\.\d+\.sources$/),
        message: expect.stringContaining('needs the source that prints it'),
        line: expect.any(Number),
      }),
    ]);
  });

  it('refuses a translation of a record that is not in the dataset, naming file:line', () => {
    const dir = copyDataset(BUNDLED);
    const f = path.join(dir, 'translations/ja.yaml');
    const text = readFileSync(f, 'utf8');
    writeFileSync(f, text.replace(/^( {4}id: )(\S+)$/m, '$1no-such-record'));
    const r = loadDataset(dir);
    expect(r.problems).toEqual([
      expect.objectContaining({
        file: f,
        code: 'unknown_reference',
        field: 'records.0.id',
        line: expect.any(Number),
      }),
    ]);
  });
});
