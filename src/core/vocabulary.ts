import type { Queryable } from './db.ts';
import { readRows } from './reads.ts';
import type { IssueAreaRow, PartyRow } from './views.ts';

export const listParties = (q: Queryable) =>
  readRows(q, 'parties', () =>
    q.query<PartyRow>(
      'SELECT code, kind, name_en, name_ko, name_ja, iso3, cameo FROM parties ORDER BY position',
    ),
  );

export async function getParty(q: Queryable, code: string): Promise<PartyRow | undefined> {
  const [row] = await q.query<PartyRow>(
    'SELECT code, kind, name_en, name_ko, name_ja, iso3, cameo FROM parties WHERE code = $1',
    [code],
  );
  return row;
}

/** Issue areas depth first: each top-level area followed by its sub-areas. */
export const listIssueAreas = (q: Queryable) =>
  readRows(q, 'issue areas', () =>
    q.query<IssueAreaRow>(
      `SELECT a.id, a.parent_id, a.name_en, a.name_ko, a.name_ja, a.description
         FROM issue_areas a LEFT JOIN issue_areas p ON p.id = a.parent_id
        ORDER BY coalesce(p.position, a.position), a.parent_id IS NOT NULL, a.position`,
    ),
  );

/**
 * The CAMEO codes of the first two parties of the first dataset's partnership (its party code where
 * the party has no CAMEO code), e.g. `KOR-JPN`: the pair the signals pages open on. Undefined when
 * no dataset names two parties.
 */
export async function partnershipDyad(q: Queryable): Promise<string | undefined> {
  const rows = await q.query<{ code: string }>(
    `SELECT coalesce(p.cameo, p.code) AS code
       FROM (SELECT partnership FROM datasets ORDER BY id LIMIT 1) d
       CROSS JOIN LATERAL unnest(d.partnership) WITH ORDINALITY AS u(code, n)
       JOIN parties p ON p.code = u.code
      ORDER BY u.n LIMIT 2`,
  );
  return rows.length === 2 ? `${rows[0]!.code}-${rows[1]!.code}` : undefined;
}
