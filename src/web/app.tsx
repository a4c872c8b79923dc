import { readFileSync } from 'node:fs';
import { Hono } from 'hono';
import { contextStorage } from 'hono/context-storage';
import { HTTPException } from 'hono/http-exception';
import { secureHeaders } from 'hono/secure-headers';
import type { LoginLimiter } from '../accounts/index.ts';
import type { Db } from '../core/index.ts';
import { type AuthOptions, createAuth } from './accounts/auth.ts';
import { accountsRoutes } from './accounts/routes.tsx';
import { type ApiPlugin, createApi } from './api/index.tsx';
import { problem } from './api/problem.ts';
import { localeMiddleware } from './i18n.ts';
import { opinionApi } from './opinion/api.ts';
import { opinionRoutes } from './opinion/routes.tsx';
import { ErrorPage } from './pages/error.tsx';
import { translationsMiddleware } from './record-text.tsx';
import { searchApi } from './search/api.ts';
import { searchRoutes } from './search/routes.tsx';
import { siteRoutes } from './site.tsx';
import { trackerApi } from './tracker/api.ts';
import { briefRoutes } from './tracker/brief-routes.tsx';
import { trackerRoutes } from './tracker/routes.tsx';

export interface AppDeps {
  db: Db;
  /** API routes of optional modules (e.g. signals), added to the same OpenAPI document. */
  apiPlugins?: ApiPlugin[];
  /** Page routes of optional modules, mounted at the site root. */
  sitePlugins?: Hono[];
  /** Cookie settings and the login rate limiter (tests pass their own). */
  accounts?: AuthOptions & { limiter?: LoginLimiter };
}

const STYLE = readFileSync(new URL('./assets/style.css', import.meta.url), 'utf8');

/** The whole web application: pages, downloads and the API. Built in a factory so tests need no port. */
export function createApp(deps: AppDeps) {
  const app = new Hono();
  // Pages read the request's language through this context while they render.
  app.use(contextStorage());
  app.use(localeMiddleware);
  app.use(translationsMiddleware(deps.db));
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

  app.get('/assets/style.css', (c) =>
    c.body(STYLE, 200, {
      'Content-Type': 'text/css; charset=utf-8',
      'Cache-Control': 'public, max-age=3600',
    }),
  );
  const auth = createAuth(deps.db, deps.accounts);
  app.route(
    '/api',
    createApi(deps.db, [
      trackerApi(deps.db, auth),
      opinionApi(deps.db),
      searchApi(deps.db),
      ...(deps.apiPlugins ?? []),
    ]),
  );
  app.route('/', siteRoutes(deps.db));
  app.route('/', accountsRoutes(deps.db, auth, deps.accounts?.limiter));
  app.route('/', trackerRoutes(deps.db, auth));
  app.route('/', briefRoutes(deps.db));
  app.route('/', opinionRoutes(deps.db));
  app.route('/', searchRoutes(deps.db));
  for (const plugin of deps.sitePlugins ?? []) app.route('/', plugin);

  const wantsJson = (path: string) => path === '/api' || path.startsWith('/api/');
  app.notFound((c) => {
    const detail = `Nothing is at ${new URL(c.req.url).pathname}.`;
    if (wantsJson(c.req.path))
      return c.json(problem(404, detail), 404, { 'Content-Type': 'application/problem+json' });
    return c.html(<ErrorPage status={404} message={detail} />, 404);
  });
  app.onError((err, c) => {
    const status = err instanceof HTTPException ? err.status : 500;
    // Only errors nobody expected are logged; their details stay out of the response.
    if (status === 500) console.error(err);
    const message =
      status === 500 ? 'Something went wrong on our side. Please try again later.' : err.message;
    if (wantsJson(c.req.path))
      return c.json(problem(status, message), status, { 'Content-Type': 'application/problem+json' });
    return c.html(<ErrorPage status={status} message={message} />, status);
  });
  return app;
}
