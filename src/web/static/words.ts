import type { Locale } from '../../core/i18n/index.ts';

/** What the static copy says in place of its forms, and its search's messages, in each language. */
export const STATIC_WORDS: Record<
  Locale,
  { note: string; live: string; searching: string; one: string; other: string; none: string }
> = {
  en: {
    note: 'This is a static copy of Entente: logging in, filtering and editing the record happen on the live site.',
    live: 'Go to the live site',
    searching: 'Searching…',
    one: '{n} result for “{q}”',
    other: '{n} results for “{q}”',
    none: 'Nothing in the record matches “{q}”.',
  },
  ko: {
    note: '이 사이트는 Entente의 정적 사본입니다. 로그인, 필터링, 기록 편집은 라이브 사이트에서 할 수 있습니다.',
    live: '라이브 사이트로 가기',
    searching: '검색 중…',
    one: '“{q}” 검색 결과 {n}건',
    other: '“{q}” 검색 결과 {n}건',
    none: '“{q}”와(과) 일치하는 기록이 없습니다.',
  },
  ja: {
    note: 'これは Entente の静的なコピーです。ログイン、絞り込み、記録の編集はライブサイトで行えます。',
    live: 'ライブサイトへ',
    searching: '検索中…',
    one: '「{q}」の検索結果 {n} 件',
    other: '「{q}」の検索結果 {n} 件',
    none: '「{q}」に一致する記録はありません。',
  },
};

/**
 * The static search page's script: reads `?q=`, asks Pagefind's index of the page's language
 * (Pagefind picks it from `<html lang>`), and lists the results as the live search does.
 */
export const SEARCH_SCRIPT = `// Entente's static search: Pagefind's index, no server.
const root = new URL('..', import.meta.url);
const box = document.getElementById('static-search');
const q = (new URLSearchParams(location.search).get('q') ?? '').trim();
for (const input of document.querySelectorAll('input[name="q"]')) input.value = q;
const say = (key, n) => box.dataset[key].replaceAll('{n}', String(n)).replaceAll('{q}', q);
if (box && q) {
  const status = document.createElement('p');
  status.setAttribute('role', 'status');
  status.textContent = box.dataset.searching;
  box.append(status);
  const pagefind = await import(new URL('pagefind/pagefind.js', root).href);
  await pagefind.options({ baseUrl: root.pathname });
  const found = await pagefind.search(q);
  const hits = await Promise.all(found.results.slice(0, 50).map((r) => r.data()));
  const n = found.results.length;
  status.textContent = n === 0 ? say('none', n) : say(n === 1 ? 'one' : 'other', n);
  const list = document.createElement('ol');
  list.className = 'search-results';
  for (const hit of hits) {
    const li = document.createElement('li');
    const a = document.createElement('a');
    a.href = hit.url;
    a.textContent = hit.meta.title ?? hit.url;
    const p = document.createElement('p');
    p.className = 'snippet';
    // Pagefind's excerpt is the page's own escaped text with <mark> around the matches.
    p.innerHTML = hit.excerpt;
    li.append(a, p);
    list.append(li);
  }
  box.append(list);
}
`;
