import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import type { Db } from '../../core/index.ts';
import { KINDS, search } from '../../search/index.ts';
import { at } from '../base-path.ts';
import { jsonResponse } from '../json-response.ts';

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const Segment = z.object({ text: z.string(), match: z.boolean() });
const Hit = z
  .object({
    kind: z.enum(KINDS),
    id: z.string(),
    url: z.string().describe('The record’s page on this site'),
    title: z.object({ en: z.string(), ko: z.string().optional(), ja: z.string().optional() }),
    rank: z.number(),
    field: z.string().describe('The field the snippet comes from'),
    snippet: z
      .array(Segment)
      .describe('The passage that matched, as the record spells it; match marks the query words'),
    snippet_html: z.string().describe('The same passage as escaped HTML with <mark> around the matches'),
  })
  .meta({ id: 'SearchHit' });
const SearchResponse = z
  .object({
    query: z.string(),
    total: z.number().int(),
    page: z.number().int(),
    counts: z
      .record(z.enum(KINDS), z.number().int())
      .describe('Matches of each kind, before the kind filter'),
    results: z.array(Hit),
  })
  .meta({ id: 'SearchResult' });

const Query = z.object({
  q: z
    .string()
    .trim()
    .max(200)
    .default('')
    .describe('Words in any language; all must match. Empty: no results'),
  kind: z
    .union([z.enum(KINDS), z.array(z.enum(KINDS))])
    .optional()
    .describe('Only these kinds of record (repeatable)'),
  page: z.coerce.number().int().min(1).max(100).default(1),
  size: z.coerce.number().int().min(1).max(100).default(20),
});

/** `/api/search`: the same ranked search as the site's search box, as JSON. */
export function searchApi(db: Db) {
  return (app: OpenAPIHono) => {
    app.openapi(
      createRoute({
        method: 'get',
        path: '/search',
        tags: ['Search'],
        summary: 'Search papers, recommendations, commitments, milestones, evidence and survey questions',
        description:
          'Every word must match. Words are compared after Unicode compatibility folding, case folding and the Unicode confusable skeleton, so a query typed on a Latin, Hangul or Kana keyboard finds text spelled with look-alike letters; Chinese, Japanese and Korean text is matched by character bigrams.',
        request: { query: Query },
        responses: {
          200: jsonResponse(SearchResponse, 'Ranked results'),
        },
      }),
      async (c) => {
        const q = c.req.valid('query');
        const kind = q.kind === undefined ? [] : Array.isArray(q.kind) ? q.kind : [q.kind];
        const r = await search(db, { q: q.q, kind, page: q.page, size: q.size });
        return c.json(
          {
            query: r.query,
            total: r.total,
            page: q.page,
            counts: r.counts,
            results: r.hits.map((h) => ({
              ...h,
              url: at(h.url),
              snippet_html: h.snippet
                .map((s) => (s.match ? `<mark>${escapeHtml(s.text)}</mark>` : escapeHtml(s.text)))
                .join(''),
            })),
          },
          200,
        );
      },
    );
  };
}
