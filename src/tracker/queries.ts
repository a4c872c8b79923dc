import { type Queryable, readRows } from '../core/index.ts';
import { type Statuses, statusesOn } from './assessment-queries.ts';
import type { CommitmentRow, MilestoneRow, RecommendationFilter, RecommendationRow } from './views.ts';

const REC_SELECT = `
  SELECT r.id, r.title, r.summary, r.paper_id, p.title AS paper_title, p.topic AS paper_topic, p.series_id,
         r.paragraph, r.quote, r.contributor_id, a.name AS contributor_name, r.made_in,
         r.issue_area_id, ia.name_en AS issue_area_name,
         coalesce(top.id, ia.id) AS area_id, coalesce(top.name_en, ia.name_en) AS area_name,
         r.parties, r.format, r.restates, r.version
    FROM recommendations r
    JOIN papers p ON p.id = r.paper_id
    JOIN authors a ON a.id = r.contributor_id
    JOIN issue_areas ia ON ia.id = r.issue_area_id
    LEFT JOIN issue_areas top ON top.id = ia.parent_id`;

/**
 * Recommendations with their status today (or on `f.as_of`), optionally only those of one status.
 * The status comes from the assessments in force, as on the tracker's pages.
 */
export async function listRecommendations(
  q: Queryable,
  f: RecommendationFilter = {},
): Promise<RecommendationRow[]> {
  const [rows, statuses] = await Promise.all([selectRecommendations(q, f), statusesOn(q, f.as_of)]);
  return withStatuses(rows, statuses).filter((r) => !f.status || r.status === f.status);
}

const withStatuses = (rows: Omit<RecommendationRow, 'status' | 'assessed_as_of'>[], statuses: Statuses) =>
  rows.map((r) => ({
    ...r,
    status: statuses.get(r.id)?.status ?? ('not-assessed' as const),
    assessed_as_of: statuses.get(r.id)?.assessed_as_of ?? null,
  }));

function selectRecommendations(q: Queryable, f: RecommendationFilter) {
  const { status: _, as_of: __, ...where } = f;
  return readRows(q, `recommendations ${JSON.stringify(where)}`, () =>
    q.query<Omit<RecommendationRow, 'status' | 'assessed_as_of'>>(
      `${REC_SELECT}
      WHERE ($1::text IS NULL OR r.issue_area_id = $1 OR ia.parent_id = $1)
        AND ($2::text IS NULL OR $2 = ANY (r.parties))
        AND ($3::text IS NULL OR r.format = $3)
        AND ($4::text IS NULL OR r.contributor_id = $4 OR r.made_in IN (SELECT paper_id FROM paper_authors WHERE author_id = $4))
        AND ($5::text IS NULL OR p.series_id = $5 OR r.made_in IN (SELECT id FROM papers WHERE series_id = $5))
        AND ($6::text IS NULL OR r.paper_id = $6 OR r.made_in = $6)
      ORDER BY coalesce(top.position, ia.position), ia.position, r.paper_id, r.position`,
      [
        f.area ?? null,
        f.party ?? null,
        f.format ?? null,
        f.contributor ?? null,
        f.series ?? null,
        f.paper ?? null,
      ],
    ),
  );
}

export async function getRecommendation(q: Queryable, id: string): Promise<RecommendationRow | undefined> {
  const [rows, statuses] = await Promise.all([
    q.query<Omit<RecommendationRow, 'status' | 'assessed_as_of'>>(`${REC_SELECT} WHERE r.id = $1`, [id]),
    statusesOn(q),
  ]);
  return withStatuses(rows, statuses)[0];
}

export function listCommitments(q: Queryable, f: { party?: string; milestone?: string } = {}) {
  return readRows(q, `commitments ${f.party ?? ''} ${f.milestone ?? ''}`, () =>
    q.query<CommitmentRow>(
      `SELECT c.id, c.milestone_id, m.title AS milestone_title, m.date AS milestone_date, c.title, c.summary,
            c.parties, c.format, c.issue_area_id, ia.name_en AS issue_area_name, c.quote, c.due, c.version
       FROM commitments c JOIN milestones m ON m.id = c.milestone_id JOIN issue_areas ia ON ia.id = c.issue_area_id
      WHERE ($1::text IS NULL OR $1 = ANY (c.parties)) AND ($2::text IS NULL OR c.milestone_id = $2)
      ORDER BY m.date, c.milestone_id, c.position`,
      [f.party ?? null, f.milestone ?? null],
    ),
  );
}

const MILESTONE_SELECT = `
  SELECT m.id, m.date, m.date_end, m.date_note, m.title, m.kind, m.parties, m.format, m.issue_area_id, m.document,
         m.summary, m.sources, (SELECT count(*)::int FROM commitments c WHERE c.milestone_id = m.id) AS commitments
    FROM milestones m`;

/** Milestones in date order (newest last), optionally of one party. */
export function listMilestones(q: Queryable, f: { party?: string } = {}) {
  return readRows(q, `milestones ${f.party ?? ''}`, () =>
    q.query<MilestoneRow>(
      `${MILESTONE_SELECT} WHERE ($1::text IS NULL OR $1 = ANY (m.parties)) ORDER BY m.date, m.id`,
      [f.party ?? null],
    ),
  );
}

export async function getMilestone(q: Queryable, id: string): Promise<MilestoneRow | undefined> {
  const [row] = await q.query<MilestoneRow>(`${MILESTONE_SELECT} WHERE m.id = $1`, [id]);
  return row;
}
