import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import { type Db, found } from '../../core/index.ts';
import {
  getSurveySeries,
  listSurveySeries,
  RESULT_COLUMNS,
  resultsCsv,
  SurveySeriesSummary,
  SurveySeriesView,
} from '../../opinion/index.ts';
import { at } from '../base-path.ts';
import { jsonResponse } from '../json-response.ts';
import { problemResponse } from '../problem.ts';
import { siteUrl } from '../site-url.ts';

const IdParam = z.object({ id: z.string().min(1).describe('Survey series id, e.g. eai-genron-joint-poll') });
const notFound = problemResponse('No survey series has this id');

/** Survey series, their results with 95 % intervals, and a CSV of every figure with its source. */
export function opinionApi(db: Db) {
  return (app: OpenAPIHono) => {
    app.openapi(
      createRoute({
        method: 'get',
        path: '/opinion/series',
        tags: ['Opinion'],
        summary: 'Survey series',
        responses: {
          200: jsonResponse(z.array(SurveySeriesSummary), 'All survey series'),
        },
      }),
      async (c) => c.json(await listSurveySeries(db), 200),
    );
    app.openapi(
      createRoute({
        method: 'get',
        path: '/opinion/series/{id}',
        tags: ['Opinion'],
        summary: 'One survey series with its questions, waves and results',
        description:
          'Each result has its 95 % Wilson interval from the wave’s sample size divided by its design effect (simple random sampling when the design effect is 1); null when the sample size is not known.',
        request: { params: IdParam },
        responses: {
          200: jsonResponse(SurveySeriesView, 'The series'),
          404: notFound,
        },
      }),
      async (c) => {
        const { id } = c.req.valid('param');
        return c.json(found(await getSurveySeries(db, id), `Survey series "${id}"`), 200);
      },
    );
    app.openapi(
      createRoute({
        method: 'get',
        path: '/opinion/series/{id}/results.csv',
        tags: ['Opinion'],
        summary: 'Every figure of a survey series as CSV, with its interval and source',
        request: { params: IdParam },
        responses: {
          200: {
            description: 'One row per figure',
            // The header line: the columns every download has, in this order.
            content: { 'text/csv': { schema: z.string(), example: `${RESULT_COLUMNS.join(',')}\n…\n` } },
          },
          404: notFound,
        },
      }),
      async (c) => {
        const { id } = c.req.valid('param');
        const series = found(await getSurveySeries(db, id), `Survey series "${id}"`);
        return c.body(resultsCsv(series, new URL(at('/'), siteUrl(c)).href), 200, {
          'Content-Type': 'text/csv; charset=utf-8',
        });
      },
    );
  };
}
