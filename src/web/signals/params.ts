import { HTTPException } from 'hono/http-exception';
import { type DyadQuery, dyadQuery } from '../../signals/index.ts';

/** Reads a dyad and its options from a path and query string; a bad value is a 400 naming it. */
export function readDyad(dyad: string, query: Record<string, string | undefined>): DyadQuery {
  const v = (k: string) => (query[k] === '' ? undefined : query[k]);
  try {
    return dyadQuery({
      dyad,
      by: v('by'),
      directed: v('directed') === 'true' || v('directed') === '1',
      date: v('date'),
      from: v('from'),
      to: v('to'),
    });
  } catch (e) {
    throw new HTTPException(400, { message: (e as Error).message });
  }
}
