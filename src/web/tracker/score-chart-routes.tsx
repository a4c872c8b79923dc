import { Hono } from 'hono';
import { type Db, getParty } from '../../core/index.ts';
import {
  complianceScore,
  currentAssessments,
  quarterEnds,
  scoredAssessments,
  scoredItems,
} from '../../tracker/index.ts';
import { chartRoutes } from '../charts/index.ts';
import { asOfParam, notFound } from './lookups.ts';
import { scoreChart } from './score-views.tsx';

/**
 * A party's compliance over time on its own page (`/tracker/parties/:code/chart`, to link or embed)
 * and as SVG, PNG and CSV: the scorecard's chart, as of `?as_of=` (default today).
 */
export function scoreChartRoutes(db: Db) {
  const app = new Hono();
  chartRoutes(app, '/tracker/parties/:code/chart', async (c) => {
    const code = (c.req.param('code') ?? '').toUpperCase();
    const asOf = asOfParam(c);
    const party = await getParty(db, code);
    if (!party) throw notFound('party', code);
    const [items, assessments] = await Promise.all([scoredItems(db), scoredAssessments(db)]);
    const mine = items.filter((i) => i.parties.includes(party.code));
    const first = assessments.map((a) => a.as_of).sort()[0] ?? asOf;
    const points = quarterEnds(first, asOf).map((date) => ({
      date,
      score: complianceScore(party.code, mine, currentAssessments(assessments, date)),
    }));
    return scoreChart({ code: party.code, points, asOf: c.req.query('as_of') ? asOf : undefined });
  });
  return app;
}
