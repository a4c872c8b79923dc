import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/core/index.ts';
import { appWith } from '../helpers/app.ts';
import { MINI } from '../helpers/datasets.ts';

let app: Awaited<ReturnType<typeof appWith>>['app'];
let db: Db;
beforeAll(async () => {
  ({ app, db } = await appWith(MINI));
});
afterAll(() => db.close());

const page = async (path: string, headers: Record<string, string> = {}) => {
  const res = await app.request(path, { headers });
  return { res, html: await res.text() };
};

describe('interface languages', () => {
  it('answers a first visit in the language of Accept-Language', async () => {
    const { res, html } = await page('/parties/KOR', { 'Accept-Language': 'ko-KR,ko;q=0.9,en;q=0.8' });
    expect(html).toContain('<html lang="ko">');
    expect(res.headers.get('content-language')).toBe('ko');
    expect(html).toContain('당사자 · KOR');
    expect(html).toContain('<span lang="en">South Korea</span>');
  });

  it('switches language on the same page and remembers the choice', async () => {
    const { res, html } = await page('/recommendations?party=USA&lang=ja');
    expect(html).toContain('<html lang="ja">');
    expect(html).toContain('提言 1 件。');
    // The filter survives the switch, and the switch links keep both the page and the filter.
    expect(html).toContain('<option value="USA" selected="">');
    expect(html).toContain('href="/recommendations?party=USA&amp;lang=ko"');
    const cookie = res.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^lang=ja;/);
    const next = await page('/milestones', { Cookie: 'lang=ja', 'Accept-Language': 'ko' });
    expect(next.html).toContain('<html lang="ja">');
    expect(next.html).toContain('<time datetime="1965-06-22">1965年6月22日</time>');
  });

  it('shows a record field without a translation in English, marked as English', async () => {
    const { html } = await page('/parties/USA?lang=ko');
    // The mini dataset gives the United States no Korean name.
    expect(html).toContain('<span lang="en" class="fallback" title="영어로만 제공">United States</span>');
  });

  it('ignores an unknown language and keeps English', async () => {
    const { res, html } = await page('/?lang=xx');
    expect(html).toContain('<html lang="en">');
    expect(res.headers.get('set-cookie')).toBeNull();
  });
});
