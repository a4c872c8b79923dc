import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { z } from 'zod';
import { type Actor, ForbiddenError } from '../../accounts/index.ts';
import { ConflictError, type Db, NotFoundError, ValidationError } from '../../core/index.ts';
import {
  correctAssessment,
  currentAssessments,
  Day,
  draftAssessment,
  Evidence,
  getAssessment,
  ItemLink,
  Judgement,
  linkItems,
  listAssessments,
  listLinks,
  listPublished,
  maySee,
  PartyCompliance,
  publishAssessment,
  returnToDraft,
  StaleVersionError,
  scoredAssessments,
  scoredItems,
  scoresBy,
  submitForReview,
  unlinkItems,
  updateDraft,
} from '../../tracker/index.ts';
import type { Auth } from '../accounts/auth.ts';
import { problem, problemResponse } from '../api/problem.ts';
import { jsonResponse } from '../api/responses.ts';

const AssessmentView = z
  .object({
    id: z.string(),
    item_id: z.string(),
    item_kind: z.enum(['recommendation', 'commitment']),
    item_title: z.string(),
    as_of: z.string(),
    implementation: z.number().int().describe('0 not started, 1 minimal, 2 intermediate, 3 full'),
    flags: z.array(z.string()),
    compliance: z.array(PartyCompliance).nullable(),
    specificity: z.number().int().nullable(),
    rationale: z.string(),
    evidence: z.array(Evidence),
    assessor: z.string(),
    state: z.enum(['draft', 'in_review', 'published']),
    corrects: z.string().nullable(),
    correction_reason: z.string().nullable(),
    corrected_by: z.string().nullable(),
    published_at: z.string().nullable(),
    published_by: z.string().nullable(),
    version: z.number().int(),
  })
  .meta({ id: 'Assessment', description: 'A dated, sourced judgement of a tracked item.' });

const LinkView = z
  .object({
    id: z.string(),
    recommendation_id: z.string(),
    recommendation_title: z.string(),
    commitment_id: z.string().nullable(),
    milestone_id: z.string().nullable(),
    target_title: z.string(),
    target_date: z.string(),
    match: z.enum(['partial', 'full']),
    rationale: z.string(),
    version: z.number().int(),
  })
  .meta({ id: 'ItemLink', description: 'A recommendation matched by a commitment or action.' });

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
  409: problemResponse('Stale version or wrong review state'),
};

const problemJson = { 'Content-Type': 'application/problem+json' };

/** Answers a service error with its problem document. */
function fail(c: Context, e: unknown) {
  if (e instanceof ForbiddenError) {
    const status = e.actor.id === null ? 401 : 403;
    return c.json(problem(status, e.message), status, problemJson);
  }
  if (e instanceof NotFoundError) return c.json(problem(404, e.message), 404, problemJson);
  if (e instanceof ConflictError) {
    const current = e instanceof StaleVersionError ? { current: e.current } : {};
    return c.json({ ...problem(409, e.message), ...current }, 409, problemJson);
  }
  if (e instanceof ValidationError) {
    const errors = e.problems.map((p) => ({ field: p.field ?? '', message: p.message }));
    return c.json(
      problem(400, errors.map((x) => `${x.field}: ${x.message}`).join('; '), errors),
      400,
      problemJson,
    );
  }
  throw e;
}

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
          return c.json(problem(401, 'The API token is unknown or revoked.'), 401, problemJson);
        }
        if (c.req.method !== 'GET' && c.req.method !== 'HEAD' && who.id === null) {
          return c.json(problem(401, 'Send an API token: Authorization: Bearer <token>.'), 401, problemJson);
        }
        actors.set(c.req.raw, who);
        await next();
      });
    }
    // Typed as `never` so that one helper serves routes whose documented responses differ.
    const run = async <T>(c: Context, fn: () => Promise<T>, status: 200 | 201 = 200): Promise<never> => {
      try {
        return c.json(await fn(), status) as never;
      } catch (e) {
        return fail(c, e) as never;
      }
    };

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
        responses: { 200: jsonResponse(z.array(AssessmentView), 'Published assessments') },
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
        responses: { 200: jsonResponse(z.array(AssessmentView), 'Newest judgement first') },
      }),
      async (c) => {
        const rows = await listAssessments(db, { item: c.req.valid('param').id });
        return c.json(
          rows.filter((a) => maySee(actor(c), a)),
          200,
        );
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
          404: problemResponse('No such assessment'),
        },
      }),
      async (c) => {
        const a = await getAssessment(db, c.req.valid('param').id);
        if (!a || !maySee(actor(c), a)) {
          return c.json(problem(404, 'No assessment has this id.'), 404, problemJson);
        }
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
        responses: { 200: jsonResponse(z.array(LinkView), 'All links') },
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
        run(c, () => draftAssessment(db, actor(c), c.req.valid('param').id, c.req.valid('json')), 201),
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
        return run(c, () => updateDraft(db, actor(c), c.req.valid('param').id, version, j));
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
        async (c) => run(c, () => fn(db, actor(c), c.req.valid('param').id, c.req.valid('json').version)),
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
        return run(
          c,
          () => correctAssessment(db, actor(c), c.req.valid('param').id, correction_reason, j),
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
      async (c) => run(c, () => linkItems(db, actor(c), c.req.valid('json')), 201),
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
        return run(c, async () => {
          await unlinkItems(db, actor(c), id, c.req.valid('query').version);
          return { removed: id };
        });
      },
    );
  };
}
