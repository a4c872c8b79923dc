import type { Context, MiddlewareHandler } from 'hono';

const FRAMEABLE = new WeakSet<Request>();

/** Lets other sites frame this response: only a chart's own page asks for it. */
export function allowFraming(c: Context): void {
  FRAMEABLE.add(c.req.raw);
}

/**
 * Mounted outside the security headers: where a handler allowed framing, replaces the policy's
 * `frame-ancestors 'none'` with `*` and drops `X-Frame-Options`, on that response alone. Every
 * other response keeps the site's refusal to be framed.
 */
export const framingHeaders: MiddlewareHandler = async (c, next) => {
  await next();
  if (!FRAMEABLE.has(c.req.raw) || c.res.status !== 200) return;
  c.res.headers.delete('X-Frame-Options');
  const csp = c.res.headers.get('Content-Security-Policy');
  if (csp)
    c.res.headers.set('Content-Security-Policy', csp.replace(/frame-ancestors [^;]*/, 'frame-ancestors *'));
};
