import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { z } from 'zod';
import type { Actor } from '../../accounts/index.ts';
import type { Db } from '../../core/index.ts';
import {
  AssessmentView,
  assessmentSeenBy,
  assessmentsSeenBy,
  correctAssessment,
  currentAssessments,
  Day,
  draftAssessment,
  ItemLink,
  Judgement,
  LinkView,
  linkItems,
  listLinks,
  listPublished,
  publishAssessment,
  returnToDraft,
  scoredAssessments,
  scoredItems,
  scoresBy,
  submitForReview,
  unlinkItems,
  updateDraft,
} from '../../tracker/index.ts';
import type { Auth } from '../accounts/index.ts';
import { jsonResponse } from '../json-response.ts';
import { problemResponse } from '../problem.ts';

const ScoreView = z.object({
  value: z.number().nullable().describe('Per cent; null when no item counts'),
  counted: z.array(z.object({ id: z.string(), points: z.number() })),
  unassessed: z.array(z.string()),
});

const body = <S extends z.ZodType>(schema: S) => ({
  required: true,
  content: { 'application/json': { schema } },
});
const IdParam = z.object({ id: z.string().min(1) });
const Version = z.object({
  version: z.number().int().positive().describe('The version the change is based on'),
});
const security = [{ bearer: [] }];
const writeErrors = {
  400: problemResponse('Invalid body; each problem names its field'),
  401: problemResponse('No or unknown token'),
  403: problemResponse('The role of the token does not allow this'),
  404: problemResponse('No such record'),
  409: problemResponse(
    'Stale version (`stale_version`, with the record as it is now in `current`), wrong review state (`wrong_state`) or a duplicate (`duplicate_correction`, `duplicate_link`)',
  ),
};
// Reads take a token too (drafts are shown to their assessor); an unknown one is refused.
const badToken = { 401: problemResponse('Unknown or revoked token') };

/** The tracker's API: reads of assessments, links and scores, and the same writes as the site, by token. */
export function trackerApi(db: Db, auth: Auth) {
  return (app: OpenAPIHono) => {
    app.openAPIRegistry.registerComponent('securitySchemes', 'bearer', {
      type: 'http',
      scheme: 'bearer',
      description: 'An API token made on the account page',
    });
    const actors = new WeakMap<Request, Actor>();
    const actor = (c: Context) => actors.get(c.req.raw)!;
    // Who is calling is settled before the body is read: anonymous writes get 401 whatever they send.
    for (const path of ['/items/*', '/assessments', '/assessments/*', '/links', '/links/*', '/scores']) {
      app.use(path, async (c, next) => {
        let who: Actor;
        try {
          who = await auth.apiActor(c);
        } catch {
          throw new HTTPException(401, { message: 'The API token is unknown or revoked.' });
        }
        if (c.req.method !== 'GET' && c.req.method !== 'HEAD' && who.id === null) {
          throw new HTTPException(401, { message: 'Send an API token: Authorization: Bearer <token>.' });
        }
        actors.set(c.req.raw, who);
        await next();
      });
    }
    app.openapi(
      createRoute({
        method: 'get',
        path: '/assessments',
        tags: ['Tracker'],
        summary: 'Published assessments, newest publication first',
        request: {
          query: z.object({
            party: z.string().optional().describe('Party code'),
            area: z.string().optional().describe('Issue area or sub-area id'),
          }),
        },
        responses: { 200: jsonResponse(z.array(AssessmentView), 'Published assessments'), ...badToken },
      }),
      async (c) => c.json(await listPublished(db, c.req.valid('query')), 200),
    );
    app.openapi(
      createRoute({
        method: 'get',
        path: '/items/{id}/assessments',
        tags: ['Tracker'],
        summary:
          "A tracked item's assessments: published ones, a contributor's own drafts, and every draft for editors",
        request: { params: IdParam },
        security,
        responses: { 200: jsonResponse(z.array(AssessmentView), 'Newest judgement first'), ...badToken },
      }),
      async (c) => {
        return c.json(await assessmentsSeenBy(db, actor(c), { item: c.req.valid('param').id }), 200);
      },
    );
    app.openapi(
      createRoute({
        method: 'get',
        path: '/assessments/{id}',
        tags: ['Tracker'],
        summary: 'One assessment',
        request: { params: IdParam },
        responses: {
          200: jsonResponse(AssessmentView, 'The assessment'),
          ...badToken,
          404: problemResponse('No such assessment'),
        },
      }),
      async (c) => {
        const a = await assessmentSeenBy(db, actor(c), c.req.valid('param').id);
        if (!a) throw new HTTPException(404, { message: 'No assessment has this id.' });
        return c.json(a, 200);
      },
    );
    app.openapi(
      createRoute({
        method: 'get',
        path: '/scores',
        tags: ['Tracker'],
        summary: 'Scores per party, top-level issue area or format, as of a date',
        request: {
          query: z.object({
            by: z.enum(['party', 'area', 'format']).default('party'),
            as_of: Day.optional().describe('YYYY-MM-DD; today when absent'),
          }),
        },
        responses: {
          200: jsonResponse(
            z.array(
              z.object({ group: z.string(), implementation: ScoreView, compliance: ScoreView.optional() }),
            ),
            'One entry per group',
          ),
          400: problemResponse('Invalid query'),
          ...badToken,
        },
      }),
      async (c) => {
        const q = c.req.valid('query');
        const asOf = q.as_of ?? new Date().toISOString().slice(0, 10);
        const [items, assessments] = await Promise.all([scoredItems(db), scoredAssessments(db)]);
        return c.json(scoresBy(items, currentAssessments(assessments, asOf), q.by), 200);
      },
    );
    app.openapi(
      createRoute({
        method: 'get',
        path: '/links',
        tags: ['Tracker'],
        summary: 'Recommendations matched by commitments or actions',
        responses: { 200: jsonResponse(z.array(LinkView), 'All links'), ...badToken },
      }),
      async (c) => c.json(await listLinks(db), 200),
    );

    app.openapi(
      createRoute({
        method: 'post',
        path: '/items/{id}/assessments',
        tags: ['Tracker writes'],
        summary: 'Draft an assessment (contributor, editor)',
        security,
        request: { params: IdParam, body: body(Judgement) },
        responses: { 201: jsonResponse(AssessmentView, 'The draft'), ...writeErrors },
      }),
      async (c) =>
        c.json(await draftAssessment(db, actor(c), c.req.valid('param').id, c.req.valid('json')), 201),
    );
    app.openapi(
      createRoute({
        method: 'put',
        path: '/assessments/{id}',
        tags: ['Tracker writes'],
        summary: 'Change a draft (its contributor, editors); 409 when the version is stale',
        security,
        request: { params: IdParam, body: body(Judgement.extend(Version.shape)) },
        responses: { 200: jsonResponse(AssessmentView, 'The changed draft'), ...writeErrors },
      }),
      async (c) => {
        const { version, ...j } = c.req.valid('json');
        return c.json(await updateDraft(db, actor(c), c.req.valid('param').id, version, j), 200);
      },
    );
    for (const [step, fn, who] of [
      ['submit', submitForReview, 'contributor, editor'],
      ['return', returnToDraft, 'editor'],
      ['publish', publishAssessment, 'an editor other than the assessor'],
    ] as const) {
      app.openapi(
        createRoute({
          method: 'post',
          path: `/assessments/{id}/${step}`,
          tags: ['Tracker writes'],
          summary: `${step[0]!.toUpperCase()}${step.slice(1)} an assessment (${who})`,
          security,
          request: { params: IdParam, body: body(Version) },
          responses: { 200: jsonResponse(AssessmentView, 'The assessment after the step'), ...writeErrors },
        }),
        async (c) =>
          c.json(await fn(db, actor(c), c.req.valid('param').id, c.req.valid('json').version), 200),
      );
    }
    app.openapi(
      createRoute({
        method: 'post',
        path: '/assessments/{id}/corrections',
        tags: ['Tracker writes'],
        summary: 'Start a correction of a published assessment (editor)',
        security,
        request: {
          params: IdParam,
          body: body(
            Judgement.extend({ correction_reason: z.string().min(1).describe('Why it is corrected') }),
          ),
        },
        responses: { 201: jsonResponse(AssessmentView, 'The correction, as a draft'), ...writeErrors },
      }),
      async (c) => {
        const { correction_reason, ...j } = c.req.valid('json');
        return c.json(
          await correctAssessment(db, actor(c), c.req.valid('param').id, correction_reason, j),
          201,
        );
      },
    );
    app.openapi(
      createRoute({
        method: 'post',
        path: '/links',
        tags: ['Tracker writes'],
        summary: 'Link a recommendation to a matching commitment or milestone (editor)',
        security,
        request: { body: body(ItemLink) },
        responses: { 201: jsonResponse(LinkView, 'The link'), ...writeErrors },
      }),
      async (c) => c.json(await linkItems(db, actor(c), c.req.valid('json')), 201),
    );
    app.openapi(
      createRoute({
        method: 'delete',
        path: '/links/{id}',
        tags: ['Tracker writes'],
        summary: 'Remove a link (editor)',
        security,
        request: { params: IdParam, query: z.object({ version: z.coerce.number().int().positive() }) },
        responses: { 200: jsonResponse(z.object({ removed: z.string() }), 'Removed'), ...writeErrors },
      }),
      async (c) => {
        const id = c.req.valid('param').id;
        await unlinkItems(db, actor(c), id, c.req.valid('query').version);
        return c.json({ removed: id }, 200);
      },
    );
  };
}
