import { z } from 'zod';
import type { Db } from '../core/index.ts';
import { type Field, KINDS, type Kind } from './documents.ts';
import { refreshSearchIndex } from './indexer.ts';
import { parseQuery } from './query.ts';
import { type Segment, snippet } from './snippet.ts';

/** A search request as it arrives from a form or the API; `parse` names the field that is wrong. */
export const SearchQuery = z.object({
  q: z.string().trim().max(200, 'must be at most 200 characters'),
  kind: z.array(z.enum(KINDS)).default([]),
  page: z.coerce.number().int().min(1).max(100).default(1),
  size: z.coerce.number().int().min(1).max(100).default(20),
});
export type SearchQuery = z.infer<typeof SearchQuery>;

export interface SearchHit {
  kind: Kind;
  id: string;
  url: string;
  title: { en: string; ko?: string; ja?: string };
  rank: number;
  /** The field the snippet comes from, e.g. "summary" or "quote". */
  field: string;
  snippet: Segment[];
}

export interface SearchResult {
  query: string;
  total: number;
  /** Matches of each kind, before the kind filter: what the filters would show. */
  counts: Record<Kind, number>;
  hits: SearchHit[];
}

interface HitRow {
  kind: Kind;
  id: string;
  url: string;
  title_en: string;
  title_ko: string | null;
  title_ja: string | null;
  fields: Field[];
  rank: number;
}

const emptyCounts = () => Object.fromEntries(KINDS.map((k) => [k, 0])) as Record<Kind, number>;

/**
 * Searches every indexed record: all words must match (folded as the index folds them), ranked by
 * PostgreSQL's `ts_rank` with titles above summaries above notes, ties in a fixed order (kind, id) so
 * that both stores answer the same list. Records written since the last search are indexed first.
 */
export async function search(db: Db, input: SearchQuery): Promise<SearchResult> {
  const parsed = parseQuery(input.q);
  const counts = emptyCounts();
  if (parsed.clauses.length === 0) return { query: input.q, total: 0, counts, hits: [] };
  const [{ pending }] = (await db.query<{ pending: boolean }>(
    'SELECT EXISTS (SELECT 1 FROM search_pending) AS pending',
  )) as [{ pending: boolean }];
  if (pending) await refreshSearchIndex(db);

  const kinds = input.kind.length > 0 ? input.kind : null;
  // One scan of the index serves both the counts per kind and the ranked page: on a common word the
  // scan, not the ranking of one page, is what costs.
  const [row] = (await db.query<{ counts: Partial<Record<Kind, number>>; hits: HitRow[] }>(
    `WITH hits AS MATERIALIZED (
       SELECT kind, id, ts_rank(terms, $1::tsquery) AS rank FROM search_documents WHERE terms @@ $1::tsquery),
     page AS (
       SELECT kind, id, rank FROM hits WHERE $2::text[] IS NULL OR kind = ANY ($2)
        ORDER BY rank DESC, kind, id LIMIT $3 OFFSET $4)
     SELECT
       (SELECT coalesce(json_object_agg(kind, n), '{}') FROM (SELECT kind, count(*)::int AS n FROM hits GROUP BY kind) c) AS counts,
       (SELECT coalesce(json_agg(json_build_object(
                 'kind', d.kind, 'id', d.id, 'url', d.url, 'title_en', d.title_en, 'title_ko', d.title_ko,
                 'title_ja', d.title_ja, 'fields', d.fields, 'rank', p.rank) ORDER BY p.rank DESC, p.kind, p.id), '[]')
          FROM page p JOIN search_documents d ON d.kind = p.kind AND d.id = p.id) AS hits`,
    [parsed.tsquery, kinds, input.size, (input.page - 1) * input.size],
  )) as [{ counts: Partial<Record<Kind, number>>; hits: HitRow[] }];
  const perKind = Object.entries(row.counts).map(([kind, n]) => ({ kind: kind as Kind, n: n as number }));
  const rows = row.hits;
  for (const r of perKind) counts[r.kind] = r.n;
  const total = KINDS.filter((k) => !kinds || kinds.includes(k)).reduce((n, k) => n + counts[k], 0);
  return {
    query: input.q,
    total,
    counts,
    hits: rows.map((r) => {
      const s = snippet(r.fields, parsed.clauses);
      return {
        kind: r.kind,
        id: r.id,
        url: r.url,
        title: {
          en: r.title_en,
          ...(r.title_ko && { ko: r.title_ko }),
          ...(r.title_ja && { ja: r.title_ja }),
        },
        rank: r.rank,
        field: s.field,
        snippet: s.segments,
      };
    }),
  };
}
