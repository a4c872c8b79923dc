import { readFileSync } from 'node:fs';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { contextStorage } from 'hono/context-storage';
import { HTTPException } from 'hono/http-exception';
import { secureHeaders } from 'hono/secure-headers';
import type { LoginLimiter } from '../accounts/index.ts';
import { changeVersions, type Db } from '../core/index.ts';
import { type AuthOptions, accountsRoutes, createAuth } from './accounts/index.ts';
import { type ApiPlugin, createApi } from './api/index.tsx';
import { basePathMiddleware } from './base-path.ts';
import { type ReadCacheStore, readCache } from './cache.ts';
import { framingHeaders } from './charts/index.ts';
import { datasetsMiddleware, type SiteDataset } from './dataset-list.ts';
import { errorResponse } from './errors.tsx';
import { localeMiddleware } from './i18n.ts';
import { refuseNulBytes } from './nul-bytes.ts';
import { opinionApi, opinionRoutes } from './opinion/index.ts';
import { translationsMiddleware } from './record-text.tsx';
import { searchApi, searchRoutes } from './search/index.ts';
import type { SignalsState } from './signals/index.ts';
import { siteRoutes } from './site.tsx';
import { siteBase } from './site-url.ts';
import { briefRoutes, trackerApi, trackerRoutes } from './tracker/index.ts';

/** Records kept outside the store that pages read (see `noteSource`). */
export interface ReadSource {
  name: string;
  /** Changes whenever what is read from the source may have: read before each request is served. */
  version: () => Promise<string>;
}

export interface AppDeps {
  db: Db;
  /** API routes of optional modules (e.g. signals), added to the same OpenAPI document. */
  apiPlugins?: ApiPlugin[];
  /** Page routes of optional modules, mounted at the site root. */
  sitePlugins?: Hono[];
  /** The last months of signals for the home page; absent when the site has no signals module. */
  signals?: () => Promise<SignalsState>;
  /**
   * What the pages read from outside the store (the signals warehouse), with its version: the read
   * cache keeps a page that read one only while its version stays the same.
   */
  sources?: ReadSource[];
  /** Cookie settings and the login rate limiter (tests pass their own). */
  accounts?: AuthOptions & { limiter?: LoginLimiter };
  /**
   * The site's public address, the origin of absolute links in feeds and downloads
   * (`ENTENTE_BASE_URL`). @default DEFAULT_BASE
   */
  baseUrl?: string;
  /** The largest request body accepted, in bytes. @default MAX_BODY_BYTES */
  maxBodyBytes?: number;
  /** The address readers reach the site at, for citations (see `Config.publicUrl`). */
  publicUrl?: string;
  /** Keep the answers of anonymous GET requests (see `cache.ts`), in at most this many bytes. @default off */
  cache?: { maxBytes: number; store?: ReadCacheStore };
  /**
   * The path the site is served under (`datasetBasePath`): `''` for the default dataset, `/d/<id>`
   * for another one of the same store. @default ''
   */
  basePath?: string;
  /** Every dataset of the store, for the switch in the header (see `createSite`). */
  datasets?: readonly SiteDataset[];
}

/**
 * The largest request body any route accepts: a full assessment form (50 pieces of evidence at
 * their longest) is about 150 kB, so 1 MiB leaves room and keeps an anonymous upload from growing
 * the server.
 */
export const MAX_BODY_BYTES = 1024 * 1024;

const asset = (name: string) => readFileSync(new URL(`./assets/${name}`, import.meta.url), 'utf8');
const STYLE = asset('style.css');
const PRINT = asset('print.css');
const FAVICON = asset('favicon.svg');

/** The whole web application: pages, downloads and the API. Built in a factory so tests need no port. */
export function createApp(deps: AppDeps) {
  const base = deps.basePath ?? '';
  // `at('/')` is `/d/<id>/`, the home's address; not strict, so that the route `/` answers there too.
  const app = base ? new Hono({ strict: false }).basePath(base) : new Hono();
  // Pages read the request's language and base path through this context while they render.
  app.use(contextStorage());
  app.use(basePathMiddleware(base));
  app.use(datasetsMiddleware(deps.datasets ?? []));
  app.use(localeMiddleware);
  app.use(siteBase(deps.baseUrl));
  // A chart's own page may be framed by other sites; it says so, and only it (charts/embed.ts).
  app.use(framingHeaders);
  app.use(
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
      referrerPolicy: 'strict-origin-when-cross-origin',
      xFrameOptions: 'DENY',
    }),
  );
  if (deps.cache && deps.cache.maxBytes > 0) {
    app.use(
      readCache({
        maxBytes: deps.cache.maxBytes,
        store: deps.cache.store,
        // A dataset added to the store changes the header's list of them on every page.
        versions: async () => {
          const [store, sources] = await Promise.all([
            changeVersions(deps.db),
            Promise.all((deps.sources ?? []).map(async (s) => [s.name, await s.version()] as const)),
          ]);
          return { ...store, always: String(deps.datasets?.length ?? 0), sources: new Map(sources) };
        },
      }),
    );
  }

  // After the cache: an answer served from it needs no translations read.
  app.use(translationsMiddleware(deps.db));

  // Every write route, pages and API alike, reads at most this much; more is a 413 before parsing.
  const maxSize = deps.maxBodyBytes ?? MAX_BODY_BYTES;
  app.use(
    bodyLimit({
      maxSize,
      onError: () => {
        throw new HTTPException(413, {
          message: `The request body is larger than ${Math.round(maxSize / 1024)} kB; send less (fewer or shorter fields).`,
        });
      },
    }),
  );

  app.use(refuseNulBytes);

  app.get('/assets/style.css', (c) =>
    c.body(STYLE, 200, {
      'Content-Type': 'text/css; charset=utf-8',
      'Cache-Control': 'public, max-age=3600',
    }),
  );
  app.get('/assets/print.css', (c) =>
    c.body(PRINT, 200, {
      'Content-Type': 'text/css; charset=utf-8',
      'Cache-Control': 'public, max-age=3600',
    }),
  );
  // The icon changes about never: a week in every cache.
  app.get('/assets/favicon.svg', (c) =>
    c.body(FAVICON, 200, {
      'Content-Type': 'image/svg+xml',
      'Cache-Control': 'public, max-age=604800',
    }),
  );
  // Clients that ask for the icon by its traditional name, without reading the page, find it too.
  app.get('/favicon.ico', (c) => c.redirect('/assets/favicon.svg', 301));
  const auth = createAuth(deps.db, deps.accounts);
  app.route(
    '/api',
    createApi(
      deps.db,
      [trackerApi(deps.db, auth), opinionApi(deps.db), searchApi(deps.db), ...(deps.apiPlugins ?? [])],
      deps.publicUrl,
    ),
  );
  app.route('/', siteRoutes(deps.db, auth, deps.publicUrl, deps.signals));
  app.route('/', accountsRoutes(deps.db, auth, deps.accounts?.limiter));
  app.route('/', trackerRoutes(deps.db, auth));
  app.route('/', briefRoutes(deps.db));
  app.route('/', opinionRoutes(deps.db));
  app.route('/', searchRoutes(deps.db));
  for (const plugin of deps.sitePlugins ?? []) app.route('/', plugin);

  app.notFound((c) =>
    errorResponse(new HTTPException(404, { message: `Nothing is at ${new URL(c.req.url).pathname}.` }), c),
  );
  app.onError(errorResponse);
  return app;
}
