import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { z } from 'zod';
import {
  dayEvents,
  dyadByIssueArea,
  dyadByRoot,
  dyadSeries,
  topEventTypes,
  type Warehouse,
} from '../../signals/index.ts';
import type { ApiPlugin } from '../api/index.tsx';
import { jsonResponse } from '../json-response.ts';
import { problem, problemResponse } from '../problem.ts';
import { readDyad } from './params.ts';
import type { WarehouseSource } from './source.ts';

const Measures = {
  period: z.string().describe('First day of the period (weeks start on Monday), YYYY-MM-DD'),
  events: z.number().int(),
  mentions: z.number().int(),
  goldstein_weighted: z.number().nullable().describe('Σ(GoldsteinScale × NumMentions) / Σ NumMentions'),
  goldstein_sum: z.number(),
  tone_mean: z.number().nullable(),
  verbal_cooperation: z.number().int(),
  verbal_cooperation_share: z.number(),
  material_cooperation: z.number().int(),
  material_cooperation_share: z.number(),
  verbal_conflict: z.number().int(),
  verbal_conflict_share: z.number(),
  material_conflict: z.number().int(),
  material_conflict_share: z.number(),
};
const IndexPointView = z.object(Measures).meta({ id: 'SignalIndexPoint' });
const RootPointView = z.object({ ...Measures, root: z.string() }).meta({ id: 'SignalRootPoint' });
const IssueAreaPointView = z
  .object({ ...Measures, issue_area: z.string(), sub_area: z.string().nullable() })
  .meta({ id: 'SignalIssueAreaPoint' });
const TopEventView = z
  .object({
    code: z.string(),
    label: z.string(),
    events: z.number().int(),
    mentions: z.number().int(),
    goldstein: z.number(),
  })
  .meta({ id: 'SignalTopEvent' });
const DayEventView = z
  .object({
    id: z.number().int(),
    actor1: z.string().nullable(),
    actor1_name: z.string().nullable(),
    actor2: z.string().nullable(),
    actor2_name: z.string().nullable(),
    code: z.string(),
    label: z.string(),
    quad_class: z.number().int(),
    goldstein: z.number(),
    mentions: z.number().int(),
    tone: z.number().nullable(),
    url: z.string().nullable(),
  })
  .meta({ id: 'SignalDayEvent' });
const StatusView = z
  .object({
    files: z.number().int(),
    filesByKind: z.record(z.string(), z.number().int()),
    events: z.number().int(),
    mentions: z.number().int(),
    firstDate: z.string().nullable(),
    lastDate: z.string().nullable(),
    rowsRejected: z.number().int(),
    rejectedByReason: z.record(z.string(), z.number().int()),
  })
  .meta({ id: 'SignalStatus' });

const DyadParam = z.object({
  dyad: z.string().describe('Two CAMEO country codes, e.g. KOR-JPN').openapi({ example: 'KOR-JPN' }),
});
const IndexQuery = z.object({
  by: z.enum(['day', 'week', 'month']).optional().describe('Period; default month'),
  directed: z.enum(['true', 'false']).optional().describe('Only events from the first party to the second'),
  date: z
    .enum(['event', 'added'])
    .optional()
    .describe('Group by event date (SQLDATE, default) or date added'),
  from: z.string().optional().describe('First day, YYYY-MM-DD'),
  to: z.string().optional().describe('Last day, YYYY-MM-DD'),
});
const tags = ['Signals'];
const noWarehouse = problemResponse('No signals warehouse on this server');
const busy = problemResponse(
  'The warehouse is being updated by `entente signals ingest` or `fetch`; retry later',
);
const bad = problemResponse('Invalid dyad or parameter');

/** `/api/signals/...`: the warehouse's status and the dyad indices, in the OpenAPI document. */
export function signalsApi(warehouse: WarehouseSource): ApiPlugin {
  return (app: OpenAPIHono) => {
    const missing = problem(
      404,
      'This server has no signals warehouse; run `entente signals fetch` or `ingest`.',
    );
    const pt = { 'Content-Type': 'application/problem+json' };
    /** Answers with `fn`'s value, or the problem of a missing warehouse; a busy one is a 503 (WarehouseBusy). */
    const answer = async <T>(c: Context, fn: (w: Warehouse) => Promise<T>) => {
      const value = await warehouse(fn);
      return value === undefined ? c.json(missing, 404, pt) : c.json(value as never, 200);
    };

    app.openapi(
      createRoute({
        method: 'get',
        path: '/signals/status',
        tags,
        summary: 'What the signals warehouse holds',
        responses: {
          200: jsonResponse(StatusView, 'Files, rows, dates and quarantine counts'),
          404: noWarehouse,
          503: busy,
        },
      }),
      async (c) => {
        return answer(c, (w) => w.status());
      },
    );

    const series = <S extends z.ZodType>(
      path: string,
      summary: string,
      schema: S,
      run: (w: Warehouse, q: ReturnType<typeof readDyad>) => Promise<z.infer<S>>,
    ) =>
      app.openapi(
        createRoute({
          method: 'get',
          path,
          tags,
          summary,
          request: { params: DyadParam, query: IndexQuery },
          responses: { 200: jsonResponse(schema, summary), 400: bad, 404: noWarehouse, 503: busy },
        }),
        async (c) => {
          const q = readDyad(c.req.valid('param').dyad, c.req.valid('query'));
          return answer(c, (w) => run(w, q));
        },
      );

    series(
      '/signals/dyads/{dyad}/series',
      'A dyad index, one object per period',
      z.array(IndexPointView),
      dyadSeries,
    );
    series(
      '/signals/dyads/{dyad}/roots',
      'A dyad index per period and CAMEO root code',
      z.array(RootPointView),
      dyadByRoot,
    );
    series(
      '/signals/dyads/{dyad}/issue-areas',
      'A dyad index per period and issue area (CAMEO mapping in data/cameo)',
      z.array(IssueAreaPointView),
      dyadByIssueArea,
    );
    series(
      '/signals/dyads/{dyad}/top-events',
      'The ten most frequent event types of a dyad',
      z.array(TopEventView),
      (w, q) => topEventTypes(w, q, 10),
    );

    app.openapi(
      createRoute({
        method: 'get',
        path: '/signals/dyads/{dyad}/days/{day}',
        tags,
        summary: "A day's most-mentioned events of a dyad, with source URLs",
        request: {
          params: DyadParam.extend({
            day: z
              .string()
              .regex(/^\d{4}-\d{2}-\d{2}$/)
              .describe('YYYY-MM-DD'),
          }),
          query: z.object({
            directed: z.enum(['true', 'false']).optional(),
            limit: z.coerce
              .number()
              .int()
              .min(1)
              .max(200)
              .optional()
              .describe('At most this many; default 20'),
          }),
        },
        responses: {
          200: jsonResponse(z.array(DayEventView), 'Events, most mentioned first'),
          400: bad,
          404: noWarehouse,
          503: busy,
        },
      }),
      async (c) => {
        const { dyad, day } = c.req.valid('param');
        const query = c.req.valid('query');
        const q = readDyad(dyad, { directed: query.directed, from: day, to: day });
        return answer(c, (w) => dayEvents(w, q, day, query.limit ?? 20));
      },
    );
  };
}
