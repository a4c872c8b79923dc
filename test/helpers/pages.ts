import type { Db } from '../../src/core/index.ts';

/** A kind of page of the site and one path that shows it. */
export interface PageKind {
  kind: string;
  path: string;
}

const one = async (db: Db, sql: string) => {
  const [row] = await db.query<{ id: string }>(sql);
  if (!row) throw new Error(`the record has no row for: ${sql}`);
  return row.id;
};

/**
 * One page of every kind the site has, on the bundled record: lists, records, the tracker, opinion,
 * signals, search, the API reference and the login form.
 */
export async function everyPageKind(db: Db): Promise<PageKind[]> {
  const [paper, rec, milestone, item] = await Promise.all([
    one(db, 'SELECT id FROM papers ORDER BY date DESC NULLS LAST, id LIMIT 1'),
    one(db, 'SELECT id FROM recommendations ORDER BY id LIMIT 1'),
    one(db, 'SELECT id FROM milestones ORDER BY date DESC, id LIMIT 1'),
    one(
      db,
      "SELECT item_id AS id FROM assessments WHERE state = 'published' ORDER BY as_of DESC, id LIMIT 1",
    ),
  ]);
  return [
    { kind: 'home', path: '/' },
    { kind: 'papers', path: '/papers' },
    { kind: 'paper', path: `/papers/${paper}` },
    { kind: 'recommendations', path: '/recommendations' },
    { kind: 'recommendation', path: `/recommendations/${rec}` },
    { kind: 'milestones', path: '/milestones' },
    { kind: 'milestone', path: `/milestones/${milestone}` },
    { kind: 'parties', path: '/parties' },
    { kind: 'party', path: '/parties/KOR' },
    { kind: 'tracker', path: '/tracker' },
    { kind: 'item', path: `/items/${item}` },
    { kind: 'scorecard', path: '/tracker/parties/KOR' },
    { kind: 'methodology', path: '/tracker/methodology' },
    { kind: 'opinion', path: '/opinion' },
    { kind: 'opinion-series', path: '/opinion/eai-genron-joint-poll' },
    { kind: 'signals', path: '/signals/KOR-JPN' },
    { kind: 'search', path: '/search?q=japan' },
    { kind: 'api', path: '/api' },
    { kind: 'login', path: '/login' },
  ];
}

/** The pages the screenshot script renders and axe checks (issue 12's list). */
export const SCREENSHOT_KINDS = [
  'home',
  'paper',
  'recommendation',
  'tracker',
  'scorecard',
  'opinion-series',
  'signals',
] as const;
