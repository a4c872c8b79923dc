import { mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Locale } from '../../core/i18n/index.ts';
import {
  crawl,
  type Fetched,
  keyOf,
  type RequestHandler,
  type Target,
  targetOf,
  unescapeAttr,
} from './crawl.ts';
import { DEFAULT_LOCALE, relativeHref, staticFile } from './paths.ts';
import { SEARCH_SCRIPT, STATIC_WORDS } from './words.ts';

export interface BuildOptions {
  app: RequestHandler;
  /** The folder to write; emptied first. */
  outDir: string;
  /** The address the copy will be published at: absolute links in pages and downloads use it. @default 'http://localhost/' */
  baseUrl?: string;
  /** The live site, linked from the note that replaces forms. */
  liveUrl?: string;
  /** At most this many resources are fetched. @default 20000 */
  limit?: number;
  /** Build the Pagefind index (the static search). @default true */
  search?: boolean;
  /** Paths left out of the copy; their links go to the live site, or are dropped without one. */
  skip?: RegExp[];
  /**
   * The path `app` serves its dataset under (`/d/<id>`, see `createApp`): the copy holds that
   * dataset's pages at the same files as the default dataset's. @default ''
   */
  basePath?: string;
  log?: (line: string) => void;
}

export interface BuildReport {
  /** HTML pages written (all languages). */
  pages: number;
  /** All files written, Pagefind's included. */
  files: number;
  bytes: number;
  /** Answers that were not 2xx/3xx, with the page that linked them: a build with any is a failure. */
  broken: { url: string; status: number; from: string }[];
  truncated: boolean;
  /** Pages in Pagefind's index, by language. */
  indexed: Record<string, number>;
}

const SEARCH_PAGE = '/search';
const ASSET_SEARCH = 'assets/static-search.js';
const decoder = new TextDecoder();

/**
 * Writes the public site as static files: every page reached from `/` in English, Korean and
 * Japanese, every download and chart it links, the API's GET answers as JSON files, a Pagefind
 * index for search; forms are replaced by a note that the live site edits.
 *
 * @example await buildSite({ app: createApp({ db }), outDir: 'public' })
 */
export async function buildSite(opts: BuildOptions): Promise<BuildReport> {
  const base = new URL(opts.baseUrl ?? 'http://localhost/');
  const log = opts.log ?? (() => {});
  const limit = opts.limit ?? 20_000;
  const basePath = opts.basePath ?? '';
  const started = performance.now();

  // The pages, then the API's GET answers named by its OpenAPI document.
  const { fetched, truncated } = await crawl({
    app: opts.app,
    base,
    seeds: ['/', SEARCH_PAGE],
    limit,
    skip: opts.skip,
    basePath,
  });
  const apiSeeds = apiPaths(fetched, basePath);
  const more = await crawl(
    { app: opts.app, base, seeds: apiSeeds, seedLocales: [DEFAULT_LOCALE], limit, skip: opts.skip, basePath },
    fetched,
  );
  log(`Fetched ${fetched.size} resources in ${Math.round(performance.now() - started)} ms`);

  const broken: BuildReport['broken'] = [];
  const apiSeedSet = new Set(apiSeeds);
  for (const f of fetched.values()) {
    if (f.status < 400) continue;
    // A filled-in API template that the record does not hold is simply not written.
    if (apiSeedSet.has(`${f.pathname}${f.search}`) && f.from === '(start)') continue;
    broken.push({ url: `${f.pathname}${f.search} (${f.locale})`, status: f.status, from: f.from });
  }

  const files = placeFiles(fetched);
  const searchFile = (l: Locale) => files.get(keyOf({ locale: l, pathname: SEARCH_PAGE, search: '' }))!;

  rmSync(opts.outDir, { recursive: true, force: true });
  mkdirSync(opts.outDir, { recursive: true });
  let bytes = 0;
  let count = 0;
  let pages = 0;
  const write = (file: string, body: string | Uint8Array) => {
    const full = path.join(opts.outDir, file);
    mkdirSync(path.dirname(full), { recursive: true });
    writeFileSync(full, body);
    bytes += typeof body === 'string' ? Buffer.byteLength(body) : body.byteLength;
    count++;
  };

  const forIndex: { url: string; html: string }[] = [];
  for (const [key, f] of fetched) {
    const file = files.get(key);
    if (!file || f.status >= 300 || files.get(`written|${file}`)) continue;
    files.set(`written|${file}`, file);
    if (!f.type.startsWith('text/html')) {
      write(file, f.body);
      continue;
    }
    const html = rewritePage(decoder.decode(f.body), {
      file,
      page: new URL(`${f.pathname}${f.search}`, base),
      locale: f.locale,
      files,
      search: searchFile(f.locale),
      liveUrl: opts.liveUrl,
      skip: opts.skip ?? [],
      basePath,
      isSearch: f.pathname === SEARCH_PAGE,
    });
    write(file, html);
    pages++;
    if (f.pathname !== SEARCH_PAGE && f.pathname !== '/login')
      forIndex.push({ url: `/${file.replace(/index\.html$/, '')}`, html });
  }
  write(ASSET_SEARCH, SEARCH_SCRIPT);

  const indexed: Record<string, number> = {};
  if (opts.search !== false) {
    const t = performance.now();
    const written = await writeSearchIndex(forIndex, path.join(opts.outDir, 'pagefind'));
    for (const p of forIndex) {
      const lang = /<html lang="([a-z]+)"/.exec(p.html)?.[1] ?? '?';
      indexed[lang] = (indexed[lang] ?? 0) + 1;
    }
    count += written.files;
    bytes += written.bytes;
    log(`Indexed ${forIndex.length} pages for search in ${Math.round(performance.now() - t)} ms`);
  }
  return { pages, files: count, bytes, broken, truncated: truncated || more.truncated, indexed };
}

/** The file of every fetched resource; a download the same in every language is written once. */
function placeFiles(fetched: Map<string, Fetched>): Map<string, string> {
  const files = new Map<string, string>();
  const byPath = new Map<string, Fetched[]>();
  for (const f of fetched.values()) {
    if (f.status >= 300) continue;
    if (f.type.startsWith('text/html')) {
      files.set(keyOf(f), staticFile(f.locale, f.pathname, f.search, 'page'));
    } else {
      const k = `${f.pathname}${f.search}`;
      byPath.set(k, [...(byPath.get(k) ?? []), f]);
    }
  }
  for (const group of byPath.values()) {
    const first = group[0]!;
    const same = group.every((f) => Buffer.compare(f.body, first.body) === 0);
    for (const f of group)
      files.set(keyOf(f), staticFile(same ? null : f.locale, f.pathname, f.search, 'file'));
  }
  // A redirect's links go where it points.
  for (const f of fetched.values())
    if (f.location) {
      const to = files.get(keyOf(f.location));
      if (to) files.set(keyOf(f), to);
    }
  return files;
}

interface PageContext {
  file: string;
  page: URL;
  locale: Locale;
  files: Map<string, string>;
  search: string;
  liveUrl?: string;
  skip: RegExp[];
  /** The app's base path (`BuildOptions.basePath`): the live site's addresses carry it. */
  basePath?: string;
  isSearch: boolean;
}

const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A page made static: links relative to its file, forms replaced by the note, the search box kept. */
export function rewritePage(html: string, ctx: PageContext): string {
  const words = STATIC_WORDS[ctx.locale];
  const bp = ctx.basePath ?? '';
  const live = ctx.liveUrl
    ? ` <a href="${escapeHtml(new URL(`${bp}${ctx.page.pathname}`, ctx.liveUrl).href)}">${escapeHtml(words.live)}</a>`
    : '';
  const note = `<p class="static-note">${escapeHtml(words.note)}${live}</p>`;
  let out = html.replace(/<form\b([^>]*)>[\s\S]*?<\/form>/g, (form, attrs: string) => {
    const search = attrs.includes(` action="${bp}${SEARCH_PAGE}"`) && /\smethod="get"/.test(attrs);
    if (!search) return note;
    // The search form's kind filters need the live index; the static search has the words only.
    return form.replace(/<fieldset[\s\S]*?<\/fieldset>/g, '');
  });
  out = out.replace(/\s(href|src|action)="([^"]*)"/g, (whole, attr: string, raw: string) => {
    const to = targetOf(unescapeAttr(raw), ctx.page, ctx.locale, bp);
    if (!to) return whole;
    let href: string | undefined;
    if (ctx.skip.some((r) => r.test(to.pathname))) {
      if (!ctx.liveUrl) return '';
      href = new URL(`${bp}${to.pathname}${to.search}`, ctx.liveUrl).href;
    } else if (to.pathname === SEARCH_PAGE) href = relativeHref(ctx.file, ctx.search) + to.search;
    else href = resolved(to, ctx.files, ctx.file, to.hash);
    return href === undefined ? whole : ` ${attr}="${escapeHtml(href)}"`;
  });
  out = out.replace('<main id="main">', '<main id="main" data-pagefind-body>');
  if (ctx.isSearch) {
    const data = Object.entries({
      searching: words.searching,
      one: words.one,
      other: words.other,
      none: words.none,
    })
      .map(([k, v]) => ` data-${k}="${escapeHtml(v)}"`)
      .join('');
    out = out.replace(
      '</main>',
      `<div id="static-search"${data}></div><script type="module" src="${relativeHref(ctx.file, ASSET_SEARCH)}"></script></main>`,
    );
  }
  return out;
}

function resolved(to: Target, files: Map<string, string>, from: string, hash: string): string | undefined {
  const file = files.get(keyOf(to)) ?? files.get(keyOf({ ...to, locale: DEFAULT_LOCALE }));
  return file === undefined ? undefined : relativeHref(from, file, hash);
}

/**
 * The GET paths of the API from its OpenAPI document, a path parameter filled with every value the
 * crawl saw in its place (`/api/papers/{id}` from the pages `/papers/<id>` and the list `/api/papers`).
 */
export function apiPaths(fetched: Map<string, Fetched>, basePath = ''): string[] {
  const doc = [...fetched.values()].find((f) => f.pathname === '/api/openapi.json' && f.status === 200);
  if (!doc) return [];
  const spec = JSON.parse(decoder.decode(doc.body)) as {
    servers?: { url: string }[];
    paths: Record<string, { get?: { parameters?: { in: string; required?: boolean }[] } }>;
  };
  // The document names the API at its address under the base path; the crawl names it without.
  const server = spec.servers?.[0]?.url ?? `${basePath}/api`;
  const prefix = basePath && server.startsWith(`${basePath}/`) ? server.slice(basePath.length) : server;
  const known = [...fetched.values()].filter((f) => f.status === 200);
  const out = new Set<string>();
  for (const [template, item] of Object.entries(spec.paths)) {
    const params = item.get?.parameters ?? [];
    if (!item.get || params.some((p) => p.in === 'query' && p.required)) continue;
    const holes = template.match(/\{[^}]+\}/g) ?? [];
    if (holes.length === 0) {
      out.add(`${prefix}${template}`);
      continue;
    }
    if (holes.length > 1) continue;
    const [head, tail] = template.split(/\{[^}]+\}/) as [string, string];
    const values = new Set<string>();
    for (const f of known) {
      // Pages and answers at `<head><value>` (with or without the API prefix).
      for (const p of [`${prefix}${head}`, head]) {
        if (f.pathname.startsWith(p)) {
          const v = f.pathname.slice(p.length);
          if (v && !v.includes('/') && !v.includes('.')) values.add(decodeURIComponent(v));
        }
      }
      // Ids in the list answer at `<head>` without its slash.
      if (f.pathname === `${prefix}${head.replace(/\/$/, '')}` && f.type.includes('json')) {
        for (const v of idsIn(JSON.parse(decoder.decode(f.body)))) values.add(v);
      }
    }
    for (const v of values) out.add(`${prefix}${head}${encodeURIComponent(v)}${tail}`);
  }
  return [...out];
}

function idsIn(json: unknown): string[] {
  const rows = Array.isArray(json)
    ? json
    : (Object.values((json ?? {}) as Record<string, unknown>).find(Array.isArray) ?? []);
  return (rows as Record<string, unknown>[])
    .map((r) => r?.id ?? r?.code)
    .filter((v): v is string => typeof v === 'string');
}

/** Pagefind's index of the pages, in one index per language (Korean and Japanese segmented by Pagefind). */
async function writeSearchIndex(pages: { url: string; html: string }[], outputPath: string) {
  const pagefind = await import('pagefind');
  try {
    const { index, errors } = await pagefind.createIndex({});
    if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
    for (const p of pages) {
      const r = await index.addHTMLFile({ url: p.url, content: p.html });
      if (r.errors.length) throw new Error(`Pagefind refused ${p.url}: ${r.errors.join('; ')}`);
    }
    const w = await index.writeFiles({ outputPath });
    if (w.errors.length) throw new Error(`Pagefind could not write: ${w.errors.join('; ')}`);
  } finally {
    await pagefind.close();
  }
  return countFiles(outputPath);
}

function countFiles(dir: string): { files: number; bytes: number } {
  let files = 0;
  let bytes = 0;
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else {
        files++;
        bytes += statSync(p).size;
      }
    }
  };
  walk(dir);
  return { files, bytes };
}
