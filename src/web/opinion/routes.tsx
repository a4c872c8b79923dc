import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { Db } from '../../core/index.ts';
import { listParties } from '../../core/index.ts';
import { getSurveySeries, listSurveySeries, questionGroups, resultsCsv } from '../../opinion/index.ts';
import { at } from '../base-path.ts';
import { chartRoutes } from '../charts/index.ts';
import { partyLook } from '../party-look.ts';
import { siteUrl } from '../site-url.ts';
import { groupCharts } from './chart-model.tsx';
import { OpinionListPage, SeriesPage } from './pages.tsx';

const ANSWER = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The opinion pages: the list of survey series, one page per series, and its results as CSV. */
export function opinionRoutes(db: Db) {
  const app = new Hono();

  /** The series of the path, or the 404 a reader should see. */
  const seriesOr404 = async (id: string) => {
    const series = await getSurveySeries(db, id);
    if (!series) throw new HTTPException(404, { message: `Survey series "${id}" is not in the record.` });
    return series;
  };
  /** The series with the parties that name its publics, after checking the `answer` parameter. */
  const seriesWithParties = async (id: string, answer: string | undefined) => {
    if (answer !== undefined && !ANSWER.test(answer))
      throw new HTTPException(400, {
        message: 'Query parameter "answer": must be an answer id such as "good".',
      });
    const [series, parties] = await Promise.all([seriesOr404(id), listParties(db)]);
    return { series, parties };
  };

  app.get('/opinion', async (c) => c.html(<OpinionListPage series={await listSurveySeries(db)} />));

  app.get('/opinion/:id/results.csv', async (c) => {
    const series = await seriesOr404(c.req.param('id'));
    return c.body(resultsCsv(series, new URL(at('/'), siteUrl(c)).href), 200, {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${series.id}-results.csv"`,
    });
  });

  // Each chart on its own page (to link or embed) and as SVG, PNG and CSV, as the page draws it.
  chartRoutes(app, '/opinion/:id/chart', async (c) => {
    const { question, answer, chart = 'trend' } = c.req.query();
    if (chart !== 'trend' && chart !== 'gap')
      throw new HTTPException(400, { message: 'Query parameter "chart": must be "trend" or "gap".' });
    const { series, parties } = await seriesWithParties(c.req.param('id') ?? '', answer);
    const group = questionGroups(series).find((g) => g.some((q) => q.id === question));
    if (!group)
      throw new HTTPException(404, {
        message: `Query parameter "question": no question "${question}" in this series.`,
      });
    const look = partyLook(parties);
    const page = new URL(at(`/opinion/${series.id}`), siteUrl(c)).href;
    const charts = groupCharts(series, group, answer, look, page);
    const found = chart === 'trend' ? charts.trend : charts.gap;
    if (!found) throw new HTTPException(404, { message: 'No year has this figure for both publics.' });
    return found;
  });

  app.get('/opinion/:id', async (c) => {
    const answer = c.req.query('answer') || undefined;
    const { series, parties } = await seriesWithParties(c.req.param('id'), answer);
    return c.html(<SeriesPage series={series} parties={parties} answer={answer} />);
  });

  return app;
}
