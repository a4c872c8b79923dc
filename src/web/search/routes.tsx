import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { type Db, problemsFromZod } from '../../core/index.ts';
import { SearchQuery, search } from '../../search/index.ts';
import { searchAcross } from './across.ts';
import { SearchPage } from './page.tsx';

/** Reads `q`, `kind` (repeated) and `page`; a malformed one is a 400 naming the parameter. */
export function readSearchQuery(url: string) {
  const params = new URL(url).searchParams;
  const parsed = SearchQuery.safeParse({
    q: params.get('q') ?? '',
    kind: params.getAll('kind').filter((k) => k !== ''),
    page: params.get('page') || undefined,
    size: params.get('size') || undefined,
  });
  if (!parsed.success) {
    // A repeated parameter's problem is at `kind.2`: the reader wrote `kind`.
    const [first] = problemsFromZod(parsed.error.issues);
    const name = (first!.field ?? '').split('.')[0];
    throw new HTTPException(400, { message: `Query parameter "${name}": ${first!.message}` });
  }
  return parsed.data;
}

/**
 * The search page: a plain GET form, so it works without JavaScript. In a store of several datasets
 * `in=all` searches every one of them; otherwise the dataset being read.
 */
export function searchRoutes(db: Db) {
  const app = new Hono();
  app.get('/search', async (c) => {
    const query = readSearchQuery(c.req.url);
    const scope = c.req.query('in');
    if (scope !== undefined && scope !== 'all' && scope !== 'one')
      throw new HTTPException(400, { message: 'Query parameter "in": must be "one" or "all"' });
    const datasets = c.get('datasets') ?? [];
    const across = scope === 'all' && datasets.length > 1;
    const result = !query.q
      ? undefined
      : across
        ? await searchAcross(datasets, query)
        : await search(db, query);
    return c.html(<SearchPage query={query} result={result} across={across} />);
  });
  return app;
}
