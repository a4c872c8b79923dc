import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import type { Db } from '../../core/index.ts';
import { found, getParty, IssueAreaView, listIssueAreas, listParties, PartyView } from '../../core/index.ts';
import {
  CITATION_FORMATS,
  type CitationFormat,
  formatCitation,
  getPaper,
  listPapers,
  listPrograms,
  listSeries,
  type PaperRow,
  PaperView,
  ProgramView,
  SeriesView,
} from '../../publications/index.ts';
import {
  CommitmentView,
  getMilestone,
  getRecommendation,
  listCommitments,
  listMilestones,
  listRecommendations,
  MilestoneView,
  RecommendationQuery,
  RecommendationView,
} from '../../tracker/index.ts';
import { jsonResponse } from '../json-response.ts';
import { problemResponse } from '../problem.ts';
import { publicPageUrl } from '../public-url.ts';
import { recordExample } from './examples.ts';

const IdParam = z.object({ id: z.string().min(1) });
const CodeParam = z.object({ code: z.string().min(1).describe('Party code, e.g. KOR') });

const notFound = problemResponse('No such record');

/** Read-only JSON of the publications and tracker records, described by the OpenAPI document. */
export function recordsApi(db: Db, app: OpenAPIHono, publicUrl?: string) {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/programs',
      tags: ['Publications'],
      summary: 'Research programs',
      responses: { 200: jsonResponse(z.array(ProgramView), 'All programs') },
    }),
    async (c) => c.json(await listPrograms(db), 200),
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/series',
      tags: ['Publications'],
      summary: 'Series of papers',
      responses: { 200: jsonResponse(z.array(SeriesView), 'All series with their paper counts') },
    }),
    async (c) => c.json(await listSeries(db), 200),
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/papers',
      tags: ['Publications'],
      summary: 'Papers',
      request: {
        query: z.object({
          series: z.string().optional().describe('Series id'),
          author: z.string().optional().describe('Author id'),
        }),
      },
      responses: { 200: jsonResponse(z.array(PaperView), 'Papers in series order') },
    }),
    async (c) => c.json(await listPapers(db, c.req.valid('query')), 200),
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/papers/{id}',
      tags: ['Publications'],
      summary: 'One paper',
      request: { params: IdParam },
      responses: { 200: jsonResponse(PaperView, 'The paper'), 404: notFound },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      return c.json(found(await getPaper(db, id), `Paper "${id}"`), 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/papers/{id}/citation',
      tags: ['Publications'],
      summary: "A paper's citation as BibTeX, RIS or CSL-JSON",
      request: {
        params: IdParam,
        query: z.object({ format: z.enum(['bibtex', 'ris', 'csl']).default('bibtex') }),
      },
      responses: {
        200: {
          description: 'The citation',
          // Each format's example is the citation of the paper the Paper example shows.
          content: Object.fromEntries(
            (Object.keys(CITATION_FORMATS) as CitationFormat[]).map((f) => [
              CITATION_FORMATS[f].type,
              { schema: z.string(), example: formatCitation(recordExample('Paper') as PaperRow, f) },
            ]),
          ),
        },
        404: notFound,
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const paper = found(await getPaper(db, id), `Paper "${id}"`);
      const format = c.req.valid('query').format as CitationFormat;
      const pageUrl = publicPageUrl(`/papers/${paper.id}`, c.req.url, publicUrl);
      const body = formatCitation(paper, format, pageUrl);
      return c.body(body, 200, { 'Content-Type': `${CITATION_FORMATS[format].type}; charset=utf-8` });
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/recommendations',
      tags: ['Tracker'],
      summary: 'Recommendations, filtered',
      request: { query: RecommendationQuery },
      responses: {
        200: jsonResponse(z.array(RecommendationView), 'Matching recommendations'),
        400: problemResponse('Invalid filter'),
      },
    }),
    async (c) => c.json(await listRecommendations(db, c.req.valid('query')), 200),
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/recommendations/{id}',
      tags: ['Tracker'],
      summary: 'One recommendation',
      request: { params: IdParam },
      responses: { 200: jsonResponse(RecommendationView, 'The recommendation'), 404: notFound },
    }),
    async (c) => {
      const rec = await getRecommendation(db, c.req.valid('param').id);
      return c.json(found(rec, `Recommendation "${c.req.valid('param').id}"`), 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/commitments',
      tags: ['Tracker'],
      summary: 'Commitments made in official documents',
      request: {
        query: z.object({
          party: z.string().optional().describe('Party code'),
          milestone: z.string().optional().describe('Milestone id'),
        }),
      },
      responses: { 200: jsonResponse(z.array(CommitmentView), 'Commitments in date order') },
    }),
    async (c) => c.json(await listCommitments(db, c.req.valid('query')), 200),
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/milestones',
      tags: ['Tracker'],
      summary: 'Milestones of the relationship',
      request: { query: z.object({ party: z.string().optional().describe('Party code') }) },
      responses: { 200: jsonResponse(z.array(MilestoneView), 'Milestones in date order') },
    }),
    async (c) => c.json(await listMilestones(db, c.req.valid('query')), 200),
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/milestones/{id}',
      tags: ['Tracker'],
      summary: 'One milestone',
      request: { params: IdParam },
      responses: { 200: jsonResponse(MilestoneView, 'The milestone'), 404: notFound },
    }),
    async (c) => {
      const m = await getMilestone(db, c.req.valid('param').id);
      return c.json(found(m, `Milestone "${c.req.valid('param').id}"`), 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/parties',
      tags: ['Vocabulary'],
      summary: 'Parties',
      responses: { 200: jsonResponse(z.array(PartyView), 'All parties') },
    }),
    async (c) => c.json(await listParties(db), 200),
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/parties/{code}',
      tags: ['Vocabulary'],
      summary: 'One party',
      request: { params: CodeParam },
      responses: { 200: jsonResponse(PartyView, 'The party'), 404: notFound },
    }),
    async (c) => {
      const p = await getParty(db, c.req.valid('param').code.toUpperCase());
      return c.json(found(p, `Party "${c.req.valid('param').code}"`), 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/issue-areas',
      tags: ['Vocabulary'],
      summary: 'Issue areas, depth first',
      responses: { 200: jsonResponse(z.array(IssueAreaView), 'All issue areas') },
    }),
    async (c) => c.json(await listIssueAreas(db), 200),
  );
}
