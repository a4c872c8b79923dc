import path from 'node:path/posix';
import type { Locale } from '../../core/i18n/index.ts';

/** The language at the root of the build; the others are under their code. */
export const DEFAULT_LOCALE: Locale = 'en';

/**
 * Where a page of the live site lives in the static build. English is at the root, Korean and
 * Japanese under `/ko/` and `/ja/`; a page is a folder with an `index.html` (`/papers` →
 * `/papers/index.html`, linked as `papers/`); a page with a query puts it in one more folder
 * (`/recommendations?party=KOR` → `/recommendations/@party=KOR/index.html`); a download keeps its
 * name, its query going before the extension (`/tracker/feed.atom?party=KOR` →
 * `/tracker/feed@party=KOR.atom`); an API answer without an extension gets `.json`.
 *
 * @example staticFile('ko', '/tracker', '', 'page') // 'ko/tracker/index.html'
 */
export function staticFile(
  locale: Locale | null,
  pathname: string,
  search: string,
  kind: 'page' | 'file',
): string {
  const prefix = locale === null || locale === DEFAULT_LOCALE ? '' : `${locale}/`;
  const q = querySegment(search);
  const clean = decodeURIComponent(pathname).replace(/^\/+|\/+$/g, '');
  if (kind === 'page') {
    const dir = [clean, q && `@${q}`].filter(Boolean).join('/');
    return `${prefix}${dir ? `${dir}/` : ''}index.html`;
  }
  const dir = path.dirname(clean);
  let base = path.basename(clean);
  let ext = path.extname(base);
  if (!ext) ext = '.json';
  else base = base.slice(0, -ext.length);
  return `${prefix}${dir === '.' ? '' : `${dir}/`}${base}${q ? `@${q}` : ''}${ext}`;
}

/** A query string as a file-name-safe segment: `party=KOR&area=econ` → `area=econ_party=KOR`. */
export function querySegment(search: string): string {
  const params = [...new URLSearchParams(search)].sort(([a], [b]) => a.localeCompare(b));
  const safe = (s: string) =>
    [...new TextEncoder().encode(s)]
      .map((b) =>
        /[A-Za-z0-9.-]/.test(String.fromCharCode(b)) ? String.fromCharCode(b) : `~${b.toString(16)}`,
      )
      .join('');
  return params.map(([k, v]) => `${safe(k)}=${safe(v)}`).join('_');
}

/**
 * The link from one built file to another, relative so that the folder works at any address
 * (a domain's root or a sub-path); a page is linked as its folder (`../tracker/`).
 *
 * @example relativeHref('ko/papers/a1/index.html', 'ko/tracker/index.html') // '../../tracker/'
 */
export function relativeHref(fromFile: string, toFile: string, hash = ''): string {
  const target = toFile.endsWith('index.html') ? toFile.slice(0, -'index.html'.length) : toFile;
  let rel = path.relative(path.dirname(`/${fromFile}`), `/${target}`);
  if (target.endsWith('/') || target === '') rel = rel ? `${rel}/` : './';
  if (rel === '') rel = './';
  return encodeURI(rel) + hash;
}
