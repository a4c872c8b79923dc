import type { MiddlewareHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';

/** Where in a JSON value a NUL character is, as a field path (`evidence.0.title`), or undefined. */
export function nulPath(value: unknown, path: string[] = []): string | undefined {
  if (typeof value === 'string') return value.includes('\0') ? path.join('.') || '(body)' : undefined;
  if (value === null || typeof value !== 'object') return undefined;
  for (const [k, v] of Object.entries(value)) {
    if (k.includes('\0')) return [...path, k.replaceAll('\0', '\\0')].join('.');
    const found = nulPath(v, [...path, k]);
    if (found !== undefined) return found;
  }
  return undefined;
}

const refuse = (where: string) => {
  throw new HTTPException(400, {
    message: `${where} holds a NUL character (\\0, %00), which no text in Entente may contain; remove it and send again.`,
  });
};

/**
 * Refuses NUL characters in a request's address and JSON body with a 400 naming where they are.
 * PostgreSQL cannot store them in text, so they would otherwise end as a 500 deep in a query.
 * (Form bodies are checked where they are parsed, in `auth.form`.)
 */
export const refuseNulBytes: MiddlewareHandler = async (c, next) => {
  const raw = c.req.url;
  if (/%00|\0/i.test(raw))
    refuse(
      raw.indexOf('?') >= 0 && /%00|\0/i.test(raw.slice(raw.indexOf('?')))
        ? 'The query string'
        : 'The address',
    );
  const type = c.req.header('Content-Type') ?? '';
  if (c.req.raw.body && /\bjson\b/i.test(type)) {
    const text = await c.req.text();
    // Reading the body locked the request's stream: later middleware (a route's own body limit)
    // reads the raw request again, so it gets a fresh one with the same bytes.
    c.req.raw = new Request(c.req.raw, { body: text });
    if (text.includes('\0')) refuse('The body');
    if (text.includes('u0000')) {
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch {
        // Malformed JSON is answered by the route's own validator.
      }
      const at = nulPath(parsed);
      if (at !== undefined) refuse(`Field "${at}"`);
    }
  }
  await next();
};
