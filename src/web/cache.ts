import { createHash } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { LRUCache } from 'lru-cache';
import type { I18nEnv } from './i18n.ts';

/** Settings of the read cache. */
export interface ReadCacheOptions {
  /** Most bytes of responses kept (bodies, headers and keys); the least recently used go first. */
  maxBytes: number;
  /**
   * The records' change number (`changeVersion` of the store), read for each request before
   * anything else, by a read begun after the request arrived (requests that arrive together share
   * one, see {@link freshReads}): a response is served from the cache only when it was rendered under
   * the current number.
   */
  version: () => Promise<string>;
  /** Paths whose answers come from elsewhere than the records (the signals warehouse). */
  exclude?: (path: string) => boolean;
  /** Keep answers here rather than in a store of this middleware's own (`readCacheStore`). */
  store?: ReadCacheStore;
  /** The day, for pages that depend on it (the quarter being scored). @default the UTC date now */
  today?: () => string;
}

/**
 * Where kept answers are: least recently used first out, at most `maxBytes` (bodies, headers and
 * keys). One store may serve the apps of several datasets, whose keys differ by their base path, so
 * that the memory setting bounds them all together.
 */
export function readCacheStore(maxBytes: number): ReadCacheStore {
  return new LRUCache<string, Entry>({
    maxSize: Math.max(1, maxBytes),
    maxEntrySize: Math.max(1, maxBytes),
    sizeCalculation: (e, key) =>
      e.body.byteLength + key.length + e.headers.reduce((n, [k, v]) => n + k.length + v.length, 0) + 64,
  });
}
export type ReadCacheStore = LRUCache<string, Entry>;

interface Entry {
  version: string;
  etag: string;
  headers: [string, string][];
  body: ArrayBuffer;
}

/** Cookies that do not say who is asking; a request with any other cookie is never cached. */
const NEUTRAL_COOKIES = new Set(['lang']);

function anonymous(cookieHeader: string | undefined, authorization: string | undefined): boolean {
  if (authorization) return false;
  if (!cookieHeader) return true;
  return cookieHeader
    .split(';')
    .map((c) => c.split('=')[0]!.trim())
    .every((name) => name === '' || NEUTRAL_COOKIES.has(name));
}

/**
 * Whether every cookie an answer sets is a neutral one: the language switch (`?lang=ko`) sets the
 * `lang` cookie to what the URL names, the same for everyone who asks for that URL, so its answer may
 * be kept with the cookie.
 */
function setsOnlyNeutralCookies(res: Response): boolean {
  return res.headers.getSetCookie().every((c) => NEUTRAL_COOKIES.has(c.split(';')[0]!.split('=')[0]!.trim()));
}

function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch
    .split(',')
    .map((t) => t.trim().replace(/^W\//, ''))
    .some((t) => t === '*' || t === etag);
}

const utcDay = () => new Date().toISOString().slice(0, 10);

/**
 * Shares reads of the change number between requests without ever giving a request a read that
 * began before it arrived: a read begun earlier may have been answered from a snapshot older than a
 * write committed just before the request came. A caller that finds a read on its way waits for it
 * to end, then shares the next one with everyone else who came meanwhile, so at most one read is on
 * its way and one waiting, whatever the number of readers: under load a page costs a fraction of a
 * round trip to the database instead of one each.
 */
export function freshReads(read: () => Promise<string>): () => Promise<string> {
  let onItsWay: Promise<string> | undefined;
  let waiting: Promise<string> | undefined;
  const start = () => {
    const p: Promise<string> = read().finally(() => {
      if (onItsWay === p) onItsWay = undefined;
    });
    onItsWay = p;
    return p;
  };
  const settled = () => undefined;
  return () => {
    if (waiting) return waiting;
    if (!onItsWay) return start();
    const next = onItsWay.then(settled, settled).then(() => {
      if (waiting === next) waiting = undefined;
      return start();
    });
    waiting = next;
    return next;
  };
}

/**
 * Keeps the answers of GET requests of readers who are not signed in (pages, downloads, API reads),
 * keyed by URL, language and day, each with the change number of the records it was rendered under.
 * A request reads the current number first and gets a kept answer only if it was rendered under that
 * number, so no one is served an answer older than the last write committed before the request came,
 * whichever process on the same database made it. Requests with credentials (a session or CSRF
 * cookie, an API token) and answers that set a cookie other than the language's, are not 200 or say
 * `private` / `no-store` are never kept. Every kept answer carries a strong `ETag` (`If-None-Match` gets a 304) and, unless the
 * route chose its own, `Cache-Control: public, no-cache`: a CDN may keep it but asks again each time.
 */
export function readCache(options: ReadCacheOptions): MiddlewareHandler<I18nEnv> {
  const today = options.today ?? utcDay;
  const currentVersion = freshReads(options.version);
  const lru = options.store ?? readCacheStore(options.maxBytes);
  // Readers who arrive while the same answer is being rendered wait for it instead of rendering it too.
  const rendering = new Map<string, Promise<Entry | undefined>>();

  const respond = (e: Entry, ifNoneMatch: string | undefined, state: 'hit' | 'miss') => {
    const headers = new Headers(e.headers);
    headers.set('ETag', e.etag);
    headers.set('X-Entente-Cache', state);
    if (matches(ifNoneMatch, e.etag)) {
      for (const h of ['Content-Type', 'Content-Length', 'Content-Disposition']) headers.delete(h);
      return new Response(null, { status: 304, headers });
    }
    return new Response(e.body, { status: 200, headers });
  };

  return async (c, next) => {
    if (c.req.method !== 'GET' || options.exclude?.(c.req.path)) return next();
    if (!anonymous(c.req.header('Cookie'), c.req.header('Authorization'))) {
      await next();
      if (!c.res.headers.has('Cache-Control')) c.res.headers.set('Cache-Control', 'private, no-store');
      return;
    }
    const version = await currentVersion();
    const key = `${c.var.i18n.locale} ${today()} ${c.req.url}`;
    const ifNoneMatch = c.req.header('If-None-Match');
    const kept = lru.get(key);
    if (kept && kept.version === version) return respond(kept, ifNoneMatch, 'hit');

    const slot = `${version} ${key}`;
    const inFlight = rendering.get(slot);
    if (inFlight) {
      const e = await inFlight;
      if (e) return respond(e, ifNoneMatch, 'hit');
      return next();
    }
    let done!: (e: Entry | undefined) => void;
    rendering.set(
      slot,
      new Promise((r) => {
        done = r;
      }),
    );
    let entry: Entry | undefined;
    try {
      await next();
      const res = c.res;
      const cacheControl = res.headers.get('Cache-Control') ?? '';
      if (res.status === 200 && setsOnlyNeutralCookies(res) && !/no-store|private/i.test(cacheControl)) {
        const body = await res.arrayBuffer();
        const headers: [string, string][] = [];
        res.headers.forEach((v, k) => {
          headers.push([k, v]);
        });
        if (!cacheControl) headers.push(['Cache-Control', 'public, no-cache']);
        const etag = `"${createHash('sha256').update(new Uint8Array(body)).digest('base64url').slice(0, 27)}"`;
        entry = { version, etag, headers, body };
        lru.set(key, entry);
        // Replaced, not merged: a 304 carries none of the 200's body headers.
        c.res = undefined;
        c.res = respond(entry, ifNoneMatch, 'miss');
      }
    } finally {
      rendering.delete(slot);
      done(entry);
    }
  };
}
