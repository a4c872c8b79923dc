import type { Context, MiddlewareHandler } from 'hono';

declare module 'hono' {
  interface ContextVariableMap {
    siteBase: string;
  }
}

/** The base of absolute links when none is configured: never the request's `Host` header. */
export const DEFAULT_BASE = 'http://localhost';

/** Makes `base` (e.g. `ENTENTE_BASE_URL`) the origin of every absolute link a request writes. */
export const siteBase =
  (base = DEFAULT_BASE): MiddlewareHandler =>
  async (c, next) => {
    c.set('siteBase', base);
    await next();
  };

/**
 * The absolute address of this request (path and query) on the configured base. Feeds, exports and
 * citations use it instead of `c.req.url`, whose host is whatever the client sent.
 */
export function siteUrl(c: Context): string {
  const { pathname, search } = new URL(c.req.url);
  return new URL(`${pathname}${search}`, c.get('siteBase') ?? DEFAULT_BASE).href;
}
