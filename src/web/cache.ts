import { createHash } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { LRUCache } from 'lru-cache';
import pLimit from 'p-limit';
import { DERIVED_TABLES, type ReadMemo, recordingReads } from '../core/index.ts';
import type { I18nEnv } from './i18n.ts';

/** Settings of the read cache. */
export interface ReadCacheOptions {
  /** Most bytes of responses kept (bodies, headers and keys); the least recently used go first. */
  maxBytes: number;
  /**
   * The records' change numbers (`changeVersions` of the store), read for each request before
   * anything else, by a read begun after the request arrived (requests that arrive together share
   * one, see {@link freshReads}): a response is served from the cache only when every table its
   * rendering read (or the whole store, for a read of the search index) is as it was then.
   */
  versions: () => Promise<ReadVersions>;
  /** Keep answers here rather than in a store of this middleware's own (`readCacheStore`). */
  store?: ReadCacheStore;
  /** The day, for pages that depend on it (the quarter being scored). @default the UTC date now */
  today?: () => string;
  /**
   * Most pages rendered for the cache at once; the others wait their turn. Rendering is the costly
   * part of a request, and after a publication many pages are rendered again together: a bound keeps
   * the answers already kept flowing meanwhile instead of all waiting behind the renderings.
   * @default RENDERS
   */
  renders?: number;
}

/** Pages rendered for the cache at once by default: one computing while another waits on the store. */
export const RENDERS = 2;

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
      e.body.byteLength +
      key.length +
      Object.entries(e.headers).reduce((n, [k, v]) => n + k.length + v.length, 0) +
      64,
  });
}
export type ReadCacheStore = LRUCache<string, Entry>;

/** What a kept answer is checked against. */
export interface ReadVersions {
  /** Raised by every write: what an answer that read the search index depends on. */
  all: string;
  /** Each watched table's number: an answer depends on those its statements name. */
  tables: ReadonlyMap<string, string>;
  /** What every answer depends on, whatever it read (the list of datasets in the header). */
  always?: string;
  /**
   * The version of each source outside the store (the signals warehouse): an answer depends on
   * those its rendering noted reading (`noteSource`).
   */
  sources?: ReadonlyMap<string, string>;
}

/**
 * A dependency of a kept answer: a table's name, `*` for the whole store, `` for `always`, or
 * `source <name>` for a source outside the store (no table's name has a space).
 */
type Dep = [name: string, version: string];

const SOURCE = 'source ';

function versionOf(v: ReadVersions, name: string): string {
  if (name === '*') return v.all;
  if (name === '') return v.always ?? '';
  if (name.startsWith(SOURCE)) return v.sources?.get(name.slice(SOURCE.length)) ?? '';
  return v.tables.get(name) ?? '0';
}

const namesOf = new LRUCache<string, string[]>({ max: 2000 });
const DERIVED = new Set<string>(DERIVED_TABLES);

/**
 * What an answer rendered with these statements depends on: each watched table a statement names
 * (any word of it that is a table's name, so a column or a string of that name only makes the
 * answer go sooner), or the whole store if a statement reads what is made from all of them, and the
 * sources outside the store it read; `undefined` (not to be kept) if one of those has no version.
 */
export function dependencies(
  statements: Iterable<string>,
  v: ReadVersions,
  sources: Iterable<string> = [],
): Dep[] | undefined {
  const names = new Set<string>(['']);
  for (const s of sources) {
    if (!v.sources?.has(s)) return undefined;
    names.add(SOURCE + s);
  }
  for (const sql of statements) {
    let words = namesOf.get(sql);
    if (!words) {
      words = [...new Set(sql.toLowerCase().match(/[a-z_][a-z0-9_]*/g) ?? [])];
      namesOf.set(sql, words);
    }
    for (const w of words)
      if (DERIVED.has(w)) names.add('*');
      else if (v.tables.has(w)) names.add(w);
  }
  // A store whose tables have no numbers yet (not migrated to them) is judged as a whole.
  if (v.tables.size === 0) names.add('*');
  return [...names].map((n) => [n, versionOf(v, n)]);
}

const current = (deps: Dep[], v: ReadVersions) => deps.every(([n, version]) => versionOf(v, n) === version);

interface Entry {
  deps: Dep[];
  etag: string;
  /** Lower-case names; a plain object, so that a kept answer is sent without a `Headers` built for it. */
  headers: Record<string, string>;
  body: Uint8Array<ArrayBuffer>;
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

/** Most reads kept for later renderings (each a list of one dataset's records, a few hundred rows). */
const KEPT_READS = 500;

/**
 * Reads of the records shared between renderings (`readOnce`): after an assessment is published, the
 * pages that show it are rendered again, but the milestones, papers and surveys they also show are
 * not read again. A read is reused only while the tables its statements named are as they were.
 */
function keptReads(): (v: ReadVersions) => ReadMemo {
  const kept = new LRUCache<string, { value: unknown; statements: string[]; deps: Dep[] }>({
    max: KEPT_READS,
  });
  return (v) => ({
    get: (key) => {
      const e = kept.get(key);
      return e && current(e.deps, v) ? e : undefined;
    },
    set: (key, value, statements) => {
      const deps = dependencies(statements, v);
      if (deps) kept.set(key, { value, statements: [...statements], deps });
    },
  });
}

const BODY_HEADERS = ['content-type', 'content-length', 'content-disposition'];

/** The headers as an object, or `undefined` when they cannot be one (two cookies set). */
function plainHeaders(h: Headers): Record<string, string> | undefined {
  const out: Record<string, string> = {};
  let cookies = 0;
  h.forEach((v, k) => {
    if (k === 'set-cookie') cookies++;
    out[k] = v;
  });
  return cookies > 1 ? undefined : out;
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
export function freshReads<T>(read: () => Promise<T>): () => Promise<T> {
  let onItsWay: Promise<T> | undefined;
  let waiting: Promise<T> | undefined;
  const start = () => {
    const p: Promise<T> = read().finally(() => {
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
 * keyed by URL, language and day, each with the change numbers of the tables its rendering read
 * (statements are recorded as it runs, see `recordingReads`). A request reads the current numbers
 * first and gets a kept answer only if none of those tables has changed since, so no one is served an
 * answer older than the last write committed before the request came, whichever process on the same
 * database made it, while a write to one table leaves the answers that never read it in the cache. Requests with credentials (a session or CSRF
 * cookie, an API token) and answers that set a cookie other than the language's, are not 200 or say
 * `private` / `no-store` are never kept. Every kept answer carries a strong `ETag` (`If-None-Match` gets a 304) and, unless the
 * route chose its own, `Cache-Control: public, no-cache`: a CDN may keep it but asks again each time.
 */
export function readCache(options: ReadCacheOptions): MiddlewareHandler<I18nEnv> {
  const today = options.today ?? utcDay;
  const currentVersions = freshReads(options.versions);
  const lru = options.store ?? readCacheStore(options.maxBytes);
  // Readers who arrive while the same answer is being rendered wait for it instead of rendering it too.
  const rendering = new Map<string, Promise<Entry | undefined>>();
  const reads = keptReads();
  const inTurn = pLimit(Math.max(1, options.renders ?? RENDERS));

  // A plain object of headers and a byte array: the Node adapter writes such a response as it is.
  const respond = (e: Entry, ifNoneMatch: string | undefined, state: 'hit' | 'miss') => {
    const headers: Record<string, string> = { ...e.headers, etag: e.etag, 'x-entente-cache': state };
    if (matches(ifNoneMatch, e.etag)) {
      for (const h of BODY_HEADERS) delete headers[h];
      return new Response(null, { status: 304, headers });
    }
    return new Response(e.body, { status: 200, headers });
  };

  return async (c, next) => {
    if (c.req.method !== 'GET') return next();
    if (!anonymous(c.req.header('Cookie'), c.req.header('Authorization'))) {
      await next();
      if (!c.res.headers.has('Cache-Control')) c.res.headers.set('Cache-Control', 'private, no-store');
      return;
    }
    const versions = await currentVersions();
    const key = `${c.var.i18n.locale} ${today()} ${c.req.url}`;
    const ifNoneMatch = c.req.header('If-None-Match');
    const kept = lru.get(key);
    if (kept && current(kept.deps, versions)) return respond(kept, ifNoneMatch, 'hit');

    const slot = `${versions.all} ${versions.always ?? ''} ${key}`;
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
      // The body is read inside the recording too: a streamed page may query as it is written.
      const {
        value: body,
        statements,
        sources,
      } = await inTurn(() =>
        recordingReads(async () => {
          await next();
          const res = c.res;
          const cacheControl = res.headers.get('Cache-Control') ?? '';
          if (res.status !== 200 || !setsOnlyNeutralCookies(res) || /no-store|private/i.test(cacheControl))
            return;
          return res.arrayBuffer();
        }, reads(versions)),
      );
      const deps = body && dependencies(statements, versions, sources);
      const headers = body && deps && plainHeaders(c.res.headers);
      if (body && deps && headers) {
        headers['cache-control'] ??= 'public, no-cache';
        const bytes = new Uint8Array(body);
        const etag = `"${createHash('sha256').update(bytes).digest('base64url').slice(0, 27)}"`;
        entry = { deps, etag, headers, body: bytes };
        lru.set(key, entry);
      }
      if (body) {
        // Replaced, not merged: a 304 carries none of the 200's body headers.
        const res = c.res;
        c.res = undefined;
        c.res = entry
          ? respond(entry, ifNoneMatch, 'miss')
          : new Response(body, { status: res.status, headers: res.headers });
      }
    } finally {
      rendering.delete(slot);
      done(entry);
    }
  };
}
