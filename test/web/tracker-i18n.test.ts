import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { en } from '../../src/core/i18n/index.ts';
import type { Db } from '../../src/core/index.ts';
import {
  COMPLIANCE_LEVELS,
  FLAGS,
  IMPLEMENTATION_LEVELS,
  MATCHES,
  REVIEW_STATES,
  SPECIFICITY_LEVELS,
} from '../../src/tracker/index.ts';
import { appWith } from '../helpers/app.ts';
import { BUNDLED } from '../helpers/datasets.ts';
import { Client, seeded, testApp } from '../helpers/tracker.ts';

let app: Awaited<ReturnType<typeof appWith>>['app'];
let db: Db;
beforeAll(async () => {
  ({ app, db } = await appWith(BUNDLED));
});
afterAll(() => db.close());

// A commitment of the bundled dataset with a published assessment, so the timeline has entries.
const ITEM = '/items/camp-david-annual-leaders-meetings';

const page = async (path: string, lang?: string) => {
  const url = lang ? `${path}${path.includes('?') ? '&' : '?'}lang=${lang}` : path;
  const res = await app.request(url);
  return { status: res.status, html: await res.text() };
};

const decode = (s: string) =>
  s
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'");

/**
 * The interface text of a page's navigation, headings and definition terms: record text (marked
 * `lang="en"`) and the language switch (which names every language in its own) are left out.
 */
function chrome(html: string): string[] {
  const body = html
    .replace(/<nav class="languages"[\s\S]*?<\/nav>/, '')
    .replace(/<(?!html\b)(\w+)\b[^>]*\slang="en"[^>]*>[\s\S]*?<\/\1>/g, '');
  const navs = [...body.matchAll(/<nav\b[^>]*>([\s\S]*?)<\/nav>/g)].map((m) => m[1]!);
  const entries = navs.flatMap((n) => [...n.matchAll(/<li\b[^>]*>([\s\S]*?)<\/li>/g)].map((m) => m[1]!));
  const headings = [...body.matchAll(/<(h[1-6]|dt|th)\b[^>]*>([\s\S]*?)<\/\1>/g)].map((m) => m[2]!);
  const blocks = [...entries, ...headings];
  return blocks
    .map((b) =>
      decode(b.replace(/<[^>]+>/g, ' '))
        .replace(/\s+/g, ' ')
        .trim(),
    )
    .filter((s) => s !== '');
}

/** English interface strings of each page, checked against its navigation and headings. */
const ENGLISH: Record<string, string[]> = {
  '/tracker': [
    'Tracker',
    'Overview',
    'Recommendations',
    'Parties',
    'Implementation by issue area and party',
    'By format',
    'Follow and download',
    'Compliance with its commitments',
    'Issue area',
  ],
  [ITEM]: ['Status timeline', 'Status', 'Format', 'From', 'Parties'],
  '/tracker/methodology': [
    'How the tracker judges and scores',
    'Implementation of an item (recommendations and commitments)',
    'Compliance of each party with a commitment',
    'Recommendations: specificity and uptake, separate axes',
    'Scores',
    'Review',
    'Flag: stalled',
    'Uptake: no match',
  ],
  '/login': ['Log in', 'Tracker', 'Milestones'],
};

describe('tracker and account pages in Korean and Japanese', () => {
  for (const [path, strings] of Object.entries(ENGLISH)) {
    it(`${path}: no English interface string of the English page stays in the Korean navigation and headings`, async () => {
      const en = await page(path);
      const ko = await page(path, 'ko');
      expect(en.status).toBe(200);
      expect(ko.status).toBe(200);
      const enText = chrome(en.html);
      const koText = chrome(ko.html);
      for (const s of strings) {
        // Each string is interface text of the English page, so its absence from Korean means something.
        expect(enText, `English ${path}`).toContain(s);
        expect(koText, `Korean ${path}: ${s}`).not.toContain(s);
      }
      // Nothing of the English page's navigation and headings is kept as it was, beyond codes and numbers.
      const untranslated = enText.filter((s) => /[a-z]{3}/.test(s) && koText.includes(s));
      expect(untranslated, `Korean ${path}`).toEqual([]);
    });
  }

  it('the overview speaks Korean and Japanese: headings, score counts, dates and links', async () => {
    const ko = await page('/tracker', 'ko');
    expect(ko.html).toContain('<html lang="ko">');
    expect(ko.html).toContain('<h1>트래커</h1>');
    expect(ko.html).toContain('이슈 영역·당사자별 이행');
    // Every percentage carries its n and its interval, in the reader's language.
    expect(ko.html).toMatch(/\d+% \(95% 구간 \d+–\d+%\)<\/strong> <span class="counts">\(n = \d+\)/);
    expect(ko.html).toContain('>방법론</a>');
    expect(ko.html).toMatch(/<time datetime="\d{4}-\d{2}-\d{2}">\d{4}년 \d{1,2}월 \d{1,2}일<\/time>/);
    // Party and issue-area names come from the record in the reader's language.
    expect(ko.html).toContain('대한민국');
    expect(ko.html).toContain('경제안보와 기술');

    const ja = await page('/tracker', 'ja');
    expect(ja.html).toContain('<html lang="ja">');
    expect(ja.html).toContain('<h1>トラッカー</h1>');
    expect(ja.html).toContain('課題分野・当事者別の履行');
    expect(ja.html).toContain('公開済みの評価の Atom フィード');
  });

  it('an item page: status, timeline and scale labels translated, the title in our translation, the rationale marked as English', async () => {
    const ko = await page(ITEM, 'ko');
    expect(ko.html).toContain('<html lang="ko">');
    expect(ko.html).toContain('<h2 id="timeline">이행 상황 타임라인</h2>');
    expect(ko.html).toContain('<dt>이행 상황</dt>');
    expect(ko.html).toContain('완전 이행');
    expect(ko.html).toContain('<h1 lang="ko">한미일 정상회의 연 1회 이상 개최</h1>');
    expect(ko.html).toContain('제목과 요약은 Entente가 번역했습니다');
    expect(ko.html).toMatch(/<p class="rationale" lang="en">/);
    expect(ko.html).toContain('평가 초안을 작성하거나 검토하려면');

    const ja = await page(ITEM, 'ja');
    expect(ja.html).toContain('<html lang="ja">');
    expect(ja.html).toContain('<h2 id="timeline">進捗の推移</h2>');
    expect(ja.html).toContain('完全遵守');
    expect(ja.html).toContain('評価の JSON');
  });

  it("the Atom feed's title is in the reader's language", async () => {
    const title = async (lang?: string) =>
      /<title[^>]*>([^<]*)<\/title>/.exec((await page('/tracker/feed.atom?party=KOR', lang)).html)![1];
    expect(await title()).toBe('Entente: published assessments (KOR)');
    expect(await title('ko')).toBe('Entente: 게시된 평가 (KOR)');
    expect(await title('ja')).toBe('Entente:公開済みの評価 (KOR)');
  });

  it('the methodology page explains the scales and keeps the formulas', async () => {
    const ko = await page('/tracker/methodology', 'ko');
    expect(ko.html).toContain('<html lang="ko">');
    expect(ko.html).toContain('<h1>트래커의 평가와 점수 산출 방식</h1>');
    expect(ko.html).toContain('(s의 평균 + 1) / 2 × 100');
    expect(ko.html).toContain('수준의 평균 / 3 × 100');
    expect(ko.html).toContain('<dt>표시: 정체</dt>');

    const ja = await page('/tracker/methodology', 'ja');
    expect(ja.html).toContain('<html lang="ja">');
    expect(ja.html).toContain('<h1>トラッカーの評価とスコアの算出方法</h1>');
    expect(ja.html).toContain('(s の平均 + 1) / 2 × 100');
    expect(ja.html).toContain('<dd>下書き:作成中。寄稿者と編集者だけが見られます。</dd>');
  });

  it('the login page, and the messages of a refused form and a missing party', async () => {
    const ko = await page('/login', 'ko');
    expect(ko.html).toContain('<html lang="ko">');
    expect(ko.html).toContain('<h1>로그인</h1>');
    expect(ko.html).toContain('<label for="username">사용자 이름</label>');

    const ja = await page('/login', 'ja');
    expect(ja.html).toContain('<html lang="ja">');
    expect(ja.html).toContain('<label for="password">パスワード</label>');
    expect(ja.html).toContain('<button type="submit">ログイン</button>');

    const refused = await app.request('/login', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: 'lang=ko' },
      body: 'username=x&password=y',
    });
    expect(refused.status).toBe(403);
    expect(await refused.text()).toContain('이 양식은 받아들일 수 없습니다');

    const missing = await page('/tracker/parties/XYZ', 'ja');
    expect(missing.status).toBe(404);
    expect(missing.html).toContain('当事者「XYZ」は記録にありません。');
  });

  it('a save on an out-of-date version: the 409 page says so in Korean, keeping the input', async () => {
    const { db: store } = await seeded();
    try {
      const erin = new Client(testApp(store));
      erin.cookies.set('lang', 'ko');
      await erin.logIn('erin');
      const judgement = {
        as_of: '2025-10-30',
        implementation: '3',
        'compliance.KOR': '1',
        rationale: 'First rationale',
        'evidence.0.title': 'korea.net',
        'evidence.0.publisher': 'korea.net',
        'evidence.0.quote': 'They agreed to continue shuttle diplomacy.',
      };
      const made = await erin.post('/items/busan-continue-shuttle-diplomacy/assessments', judgement);
      const at = made.headers.get('location')!;
      const id = at.split('/').pop()!;
      const stale = await erin.post(at, { ...judgement, version: '0', rationale: 'Kept rationale' });
      expect(stale.status).toBe(409);
      const html = await stale.text();
      expect(html).toContain('<html lang="ko">');
      expect(html).toContain(`평가 &quot;${id}&quot;을(를) 연 뒤에 다른 사람이 변경했습니다.`);
      expect(html).toContain('현재 평가 (버전 1)');
      expect(html).toContain('Kept rationale');
      expect(html).not.toContain('changed by someone else');
    } finally {
      await store.close();
    }
  });

  it('the English catalogue says what the tracker’s scales say, word for word', () => {
    // The pages take the scales' words from the catalogues; the exports and the API from the scales.
    const catalogue = en as Record<string, string>;
    for (const l of IMPLEMENTATION_LEVELS) {
      expect(catalogue[`tracker.level.${l.value}`]).toBe(l.label);
      expect(catalogue[`tracker.level.${l.value}.definition`]).toBe(l.definition);
    }
    for (const l of COMPLIANCE_LEVELS) {
      expect(catalogue[`tracker.compliance.${l.value}`]).toBe(l.label);
      expect(catalogue[`tracker.compliance.${l.value}.definition`]).toBe(l.definition);
    }
    for (const l of SPECIFICITY_LEVELS) {
      expect(catalogue[`tracker.specificity.${l.value}`]).toBe(l.label);
      expect(catalogue[`tracker.specificity.${l.value}.definition`]).toBe(l.definition);
    }
    for (const [flag, definition] of Object.entries(FLAGS)) {
      expect(catalogue[`tracker.flag.${flag}`]).toBe(flag);
      expect(catalogue[`tracker.flag.${flag}.definition`]).toBe(definition);
    }
    for (const [match, definition] of Object.entries(MATCHES)) {
      expect(catalogue[`tracker.match.${match}`]).toBe(match);
      expect(catalogue[`tracker.match.${match}.definition`]).toBe(definition);
    }
    for (const [state, definition] of Object.entries(REVIEW_STATES)) {
      expect(catalogue[`tracker.state.${state}`]).toBe(state.replace('_', ' '));
      expect(catalogue[`tracker.review.${state}`]).toBe(definition);
    }
  });
});
