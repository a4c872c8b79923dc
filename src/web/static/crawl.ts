import { isLocale, LOCALES, type Locale } from '../../core/i18n/index.ts';
import { DEFAULT_LOCALE } from './paths.ts';

/** Anything that answers requests like a Hono app (`app.request`), so the crawl needs no port. */
export interface RequestHandler {
  request(input: string | Request, init?: RequestInit): Response | Promise<Response>;
}

/** A resource of the site in one interface language: a page, a download, an API answer. */
export interface Target {
  locale: Locale;
  pathname: string;
  /** The query string without `lang`, its parameters sorted; '' or '?…'. */
  search: string;
}

export interface Fetched extends Target {
  status: number;
  type: string;
  body: Uint8Array;
  /** Where the redirect points, for a 3xx answer. */
  location?: Target;
  /** The first page that linked here. */
  from: string;
}

export const keyOf = (t: Target) => `${t.locale}|${t.pathname}${t.search}`;

/** Paths a static copy leaves out: sessions and editing (their links go to the note), and search (Pagefind's). */
const LEFT_OUT = [/^\/logout$/, /^\/account(\/|$)/, /^\/admin(\/|$)/, /^\/search$/];
/** Paths whose query string is not a different page (the login's `next`). */
const QUERY_IGNORED = [/^\/login$/];

export const isLeftOut = (pathname: string) => LEFT_OUT.some((r) => r.test(pathname));

/**
 * Reads a link of a page as a target of the crawl: the same origin only, `?lang=` choosing the
 * language (otherwise the page's own), parameters sorted so that one page has one name.
 */
export function targetOf(
  href: string,
  page: URL,
  locale: Locale,
  basePath = '',
): (Target & { hash: string }) | null {
  if (/^(#|mailto:|tel:|data:|javascript:)/i.test(href)) return null;
  let url: URL;
  try {
    url = new URL(href, page);
  } catch {
    return null;
  }
  if (url.origin !== page.origin) return null;
  const lang = url.searchParams.get('lang');
  url.searchParams.delete('lang');
  let pathname = url.pathname.replace(/\/+$/, '') || '/';
  // A dataset's pages are named as the default dataset's are, so that its copy has the same files.
  if (basePath && (pathname === basePath || pathname.startsWith(`${basePath}/`)))
    pathname = pathname.slice(basePath.length) || '/';
  if (QUERY_IGNORED.some((r) => r.test(pathname))) url.search = '';
  url.searchParams.sort();
  pathname = pathname.replace(/\/index\.html$/, '') || '/';
  const search = url.searchParams.size ? `?${url.searchParams}` : '';
  return { locale: isLocale(lang) ? lang : locale, pathname, search, hash: url.hash };
}

const ATTR = /\s(href|src|action)="([^"]*)"/g;
export const unescapeAttr = (s: string) =>
  s
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<');

/** Every link, source and form action of a page (Hono's JSX always quotes attributes with "). */
export function linksOf(html: string): string[] {
  return [...html.matchAll(ATTR)].map((m) => unescapeAttr(m[2]!));
}

export interface CrawlOptions {
  app: RequestHandler;
  /** The origin pages are requested at; their absolute links to it count as internal. */
  base: URL;
  /** Where the crawl starts, in every language; API answers are added as further seeds. */
  seeds?: string[];
  /** The languages each seed is fetched in (default: all three). */
  seedLocales?: readonly Locale[];
  /** At most this many resources; a bigger site stops the crawl and says so. */
  limit: number;
  concurrency?: number;
  /** Paths not fetched (e.g. the PDF briefs of a build without Chromium). */
  skip?: RegExp[];
  /** The path the app serves its dataset under (`/d/<id>`); targets are named without it. @default '' */
  basePath?: string;
}

/**
 * Fetches the site from its seeds through every internal link, breadth first, each page in the
 * language its link asks for. Returns every answer, good or bad, by key.
 */
export async function crawl(
  opts: CrawlOptions,
  fetched = new Map<string, Fetched>(),
): Promise<{ fetched: Map<string, Fetched>; truncated: boolean }> {
  const bp = opts.basePath ?? '';
  const queue: (Target & { from: string })[] = [];
  const seen = new Set(fetched.keys());
  const push = (t: Target, from: string) => {
    const key = keyOf(t);
    if (seen.has(key) || (from !== '(start)' && isLeftOut(t.pathname))) return;
    if (opts.skip?.some((r) => r.test(t.pathname))) return;
    seen.add(key);
    queue.push({ ...t, from });
  };
  for (const seed of opts.seeds ?? ['/']) {
    const t = targetOf(seed, opts.base, DEFAULT_LOCALE, bp);
    if (t) for (const locale of opts.seedLocales ?? LOCALES) push({ ...t, locale }, '(start)');
  }
  let truncated = false;
  const fetchOne = async (t: Target & { from: string }) => {
    const url = new URL(`${bp}${t.pathname}${t.search}`, opts.base);
    // The language goes in the cookie, not the query, so that strict query checks see none.
    const res = await opts.app.request(url.href, { headers: { cookie: `lang=${t.locale}` } });
    const type = res.headers.get('content-type') ?? '';
    const body = new Uint8Array(await res.arrayBuffer());
    const entry: Fetched = { ...t, status: res.status, type, body };
    fetched.set(keyOf(t), entry);
    const location = res.headers.get('location');
    if (res.status >= 300 && res.status < 400 && location) {
      const to = targetOf(location, url, t.locale, bp);
      if (to) {
        entry.location = to;
        push(to, url.pathname);
      }
    } else if (res.ok && type.startsWith('text/html')) {
      for (const href of linksOf(new TextDecoder().decode(body))) {
        const to = targetOf(href, url, t.locale, bp);
        if (to) push(to, `${t.pathname}${t.search} (${t.locale})`);
      }
    }
  };
  // Breadth first, one level at a time, a few requests at once within a level.
  while (queue.length > 0) {
    const level = queue.splice(0);
    if (fetched.size + level.length > opts.limit) {
      truncated = true;
      level.length = Math.max(0, opts.limit - fetched.size);
    }
    let next = 0;
    const worker = async () => {
      while (next < level.length) await fetchOne(level[next++]!);
    };
    await Promise.all(Array.from({ length: opts.concurrency ?? 4 }, worker));
    if (truncated) break;
  }
  return { fetched, truncated };
}
