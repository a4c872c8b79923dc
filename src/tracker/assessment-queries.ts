import { type Queryable, readOnce, readRows } from '../core/index.ts';
import type { ReviewState } from './assessment.ts';
import { currentAssessments, type ScoredAssessment, type ScoredItem, type ScoredLink } from './scores.ts';
import { type Status, withStatus } from './status.ts';
import type { AssessmentRow, LinkRow, TrackedItemRow } from './views.ts';

const SELECT = `
  SELECT a.id, a.item_id, t.kind AS item_kind, t.title AS item_title, a.as_of, a.implementation, a.flags,
         a.compliance, a.specificity, a.rationale, a.evidence, a.searched, a.assessor, a.assessor_id, a.state, a.corrects,
         a.correction_reason,
         (SELECT c.id FROM assessments c WHERE c.corrects = a.id AND c.state = 'published') AS corrected_by,
         a.recorded_at, a.published_at, a.published_by, a.version
    FROM assessments a JOIN tracked_items t ON t.id = a.item_id`;

export interface AssessmentFilter {
  item?: string;
  state?: ReviewState;
  party?: string;
  /** A top-level issue area or a sub-area. */
  area?: string;
}

/** Assessments, newest judgement first. */
export function listAssessments(q: Queryable, f: AssessmentFilter = {}): Promise<AssessmentRow[]> {
  return q.query<AssessmentRow>(
    `${SELECT}
      LEFT JOIN issue_areas ia ON ia.id = t.issue_area_id
      WHERE ($1::text IS NULL OR a.item_id = $1) AND ($2::text IS NULL OR a.state = $2)
        AND ($3::text IS NULL OR $3 = ANY (t.parties))
        AND ($4::text IS NULL OR t.issue_area_id = $4 OR ia.parent_id = $4)
      ORDER BY a.as_of DESC, a.published_at DESC NULLS LAST, a.id DESC`,
    [f.item ?? null, f.state ?? null, f.party ?? null, f.area ?? null],
  );
}

export async function getAssessment(q: Queryable, id: string): Promise<AssessmentRow | undefined> {
  const [row] = await q.query<AssessmentRow>(`${SELECT} WHERE a.id = $1`, [id]);
  return row;
}

/**
 * Published assessments, newest publication first (by judgement date where none is recorded): the
 * feed, the home page and the corrections log read these. The limit is applied by the store, so the
 * home page's latest five do not read every assessment's evidence.
 */
export function listPublished(
  q: Queryable,
  f: { party?: string; area?: string; limit?: number } = {},
): Promise<AssessmentRow[]> {
  const key = `published ${f.party ?? ''} ${f.area ?? ''} ${f.limit ?? ''}`;
  return readRows(q, key, () =>
    q.query<AssessmentRow>(
      `${SELECT}
      LEFT JOIN issue_areas ia ON ia.id = t.issue_area_id
      WHERE a.state = 'published'
        AND ($1::text IS NULL OR $1 = ANY (t.parties))
        AND ($2::text IS NULL OR t.issue_area_id = $2 OR ia.parent_id = $2)
      ORDER BY coalesce(a.published_at, a.as_of) COLLATE "C" DESC,
               a.as_of DESC, a.published_at DESC NULLS LAST, a.id DESC
      LIMIT $3`,
      [f.party ?? null, f.area ?? null, f.limit ?? null],
    ),
  );
}

const ITEM_SELECT = `
  SELECT * FROM (
    SELECT 'recommendation' AS kind, r.id, r.title, r.summary, r.parties, r.format, r.issue_area_id, NULL::text AS date,
           r.paper_id AS source_id, p.title AS source_title, r.quote, r.restates,
           NULL::text AS paraphrase, NULL::text AS paraphrase_note, NULL::jsonb AS quote_source,
           EXISTS (SELECT 1 FROM paper_authors pa WHERE pa.paper_id = coalesce(r.made_in, r.paper_id) AND pa.inferred)
             AS author_inferred
      FROM recommendations r JOIN papers p ON p.id = r.paper_id
    UNION ALL
    SELECT 'commitment', c.id, c.title, c.summary, c.parties, c.format, c.issue_area_id, m.date,
           c.milestone_id, m.title, c.quote, '{}'::text[], c.paraphrase, c.paraphrase_note, c.quote_source, false
      FROM commitments c JOIN milestones m ON m.id = c.milestone_id
  ) i`;

const ITEM_COLUMNS = `i.*, ia.name_en AS issue_area_name, coalesce(top.id, ia.id) AS area_id,
  coalesce(top.name_en, ia.name_en) AS area_name`;
const ITEM_JOIN = `JOIN issue_areas ia ON ia.id = i.issue_area_id LEFT JOIN issue_areas top ON top.id = ia.parent_id`;

export async function getTrackedItem(q: Queryable, id: string): Promise<TrackedItemRow | undefined> {
  const [row] = await q.query<TrackedItemRow>(
    `SELECT ${ITEM_COLUMNS} FROM (${ITEM_SELECT}) i ${ITEM_JOIN} WHERE i.id = $1`,
    [id],
  );
  return row;
}

/** Every tracked item; read once per rendering of a page (a copy of the list each time). */
export function listTrackedItems(q: Queryable): Promise<TrackedItemRow[]> {
  return readRows(q, 'tracked items', () =>
    q.query<TrackedItemRow>(
      `SELECT ${ITEM_COLUMNS} FROM (${ITEM_SELECT}) i ${ITEM_JOIN}
        ORDER BY i.kind DESC, coalesce(top.position, ia.position), ia.position, i.id`,
    ),
  );
}

/**
 * Every tracked item in the shape scores read, but for records that restate others: they are
 * counted through the records they restate, so that one proposal counts once.
 */
export async function scoredItems(q: Queryable): Promise<ScoredItem[]> {
  const rows = await listTrackedItems(q);
  return rows
    .filter((r) => r.restates.length === 0)
    .map((r) => ({
      id: r.id,
      kind: r.kind,
      title: r.title,
      parties: r.parties,
      format: r.format,
      area: r.area_id,
    }));
}

/** Every published assessment in the shape scores read; read once per rendering of a page. */
export function scoredAssessments(q: Queryable): Promise<ScoredAssessment[]> {
  return readRows(q, 'scored assessments', () =>
    q.query<ScoredAssessment>(
      `SELECT id, item_id, as_of, implementation, flags, compliance, corrects, published_at
         FROM assessments WHERE state = 'published'`,
    ),
  );
}

const LINK_SELECT = `
  SELECT l.id, l.recommendation_id, r.title AS recommendation_title, l.commitment_id, l.milestone_id,
         coalesce(c.title, m.title) AS target_title, coalesce(cm.date, m.date) AS target_date,
         l.match, l.rationale, l.version
    FROM item_links l
    JOIN recommendations r ON r.id = l.recommendation_id
    LEFT JOIN commitments c ON c.id = l.commitment_id
    LEFT JOIN milestones cm ON cm.id = c.milestone_id
    LEFT JOIN milestones m ON m.id = l.milestone_id`;

/** Links of a recommendation, or those pointing at a commitment, or all. */
export function listLinks(q: Queryable, f: { recommendation?: string; target?: string } = {}) {
  return readRows(q, `links ${f.recommendation ?? ''} ${f.target ?? ''}`, () =>
    q.query<LinkRow>(
      `${LINK_SELECT}
      WHERE ($1::text IS NULL OR l.recommendation_id = $1)
        AND ($2::text IS NULL OR l.commitment_id = $2 OR l.milestone_id = $2)
      ORDER BY l.recommendation_id, target_date, l.id`,
      [f.recommendation ?? null, f.target ?? null],
    ),
  );
}

export async function getLink(q: Queryable, id: string): Promise<LinkRow | undefined> {
  const [row] = await q.query<LinkRow>(`${LINK_SELECT} WHERE l.id = $1`, [id]);
  return row;
}

export async function scoredLinks(q: Queryable): Promise<ScoredLink[]> {
  const rows = await listLinks(q);
  return rows.map((l) => ({ recommendation: l.recommendation_id, match: l.match, date: l.target_date }));
}

/** Each tracked item's status and the as-of date behind it, on a day. */
export type Statuses = Map<string, { status: Status; assessed_as_of: string | null }>;

/** Every item's status on `asOf` (today by default), as the tracker's pages show it. */
export async function statusesOn(
  q: Queryable,
  asOf = new Date().toISOString().slice(0, 10),
): Promise<Statuses> {
  const statuses = await readOnce(q, `statuses on ${asOf}`, async () => {
    const [items, assessments] = await Promise.all([listTrackedItems(q), scoredAssessments(q)]);
    const listed = withStatus(items, currentAssessments(assessments, asOf));
    return new Map(listed.map((i) => [i.id, { status: i.status, assessed_as_of: i.assessed_as_of }]));
  });
  return new Map(statuses);
}
