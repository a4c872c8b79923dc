import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { Db } from '../../core/index.ts';
import { listParties } from '../../core/index.ts';
import { getSurveySeries, listSurveySeries, resultsCsv } from '../../opinion/index.ts';
import { OpinionListPage, SeriesPage } from './pages.tsx';

const ANSWER = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The opinion pages: the list of survey series, one page per series, and its results as CSV. */
export function opinionRoutes(db: Db) {
  const app = new Hono();

  app.get('/opinion', async (c) => c.html(<OpinionListPage series={await listSurveySeries(db)} />));

  app.get('/opinion/:id/results.csv', async (c) => {
    const series = await getSurveySeries(db, c.req.param('id'));
    if (!series)
      throw new HTTPException(404, { message: `Survey series "${c.req.param('id')}" is not in the record.` });
    return c.body(resultsCsv(series, c.req.url), 200, {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${series.id}-results.csv"`,
    });
  });

  app.get('/opinion/:id', async (c) => {
    const answer = c.req.query('answer') || undefined;
    if (answer !== undefined && !ANSWER.test(answer))
      throw new HTTPException(400, {
        message: 'Query parameter "answer": must be an answer id such as "good".',
      });
    const [series, parties] = await Promise.all([getSurveySeries(db, c.req.param('id')), listParties(db)]);
    if (!series)
      throw new HTTPException(404, { message: `Survey series "${c.req.param('id')}" is not in the record.` });
    return c.html(<SeriesPage series={series} parties={parties} answer={answer} />);
  });

  return app;
}
