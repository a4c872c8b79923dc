import {
  KINDS,
  type Kind,
  type SearchHit,
  type SearchQuery,
  type SearchResult,
  search,
} from '../../search/index.ts';
import type { SiteDataset } from '../dataset-list.ts';

/** A hit of a search across datasets: its address is in its dataset's site. */
export interface DatasetHit extends SearchHit {
  dataset: { id: string; title: string };
}

export interface AcrossResult extends SearchResult {
  hits: DatasetHit[];
}

/**
 * Searches every dataset of the store and ranks the hits together, as one index would: by rank,
 * ties by the datasets' order, then kind and id. Each dataset answers at most the hits up to the
 * page asked for (`page × size`, at most 10,000), so the cost is bounded by the query, not the store.
 */
export async function searchAcross(
  datasets: readonly SiteDataset[],
  query: SearchQuery,
): Promise<AcrossResult> {
  const upTo = { ...query, page: 1, size: query.page * query.size };
  const answers = await Promise.all(datasets.map((d) => search(d.db, upTo)));
  const counts = Object.fromEntries(KINDS.map((k) => [k, 0])) as Record<Kind, number>;
  const hits: (DatasetHit & { order: number })[] = [];
  answers.forEach((a, order) => {
    const d = datasets[order]!;
    for (const k of KINDS) counts[k] += a.counts[k];
    for (const h of a.hits) {
      hits.push({ ...h, url: `${d.basePath}${h.url}`, dataset: { id: d.id, title: d.title }, order });
    }
  });
  hits.sort(
    (x, y) =>
      y.rank - x.rank || x.order - y.order || x.kind.localeCompare(y.kind) || x.id.localeCompare(y.id),
  );
  const from = (query.page - 1) * query.size;
  return {
    query: query.q,
    total: answers.reduce((n, a) => n + a.total, 0),
    counts,
    hits: hits.slice(from, from + query.size).map(({ order: _, ...h }) => h),
  };
}
