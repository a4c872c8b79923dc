import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { type Db, getParty } from '../../core/index.ts';
import {
  complianceScore,
  currentAssessments,
  Day,
  quarterEnds,
  scoredAssessments,
  scoredItems,
} from '../../tracker/index.ts';
import { chartRoutes } from '../charts/index.ts';
import { useI18n } from '../i18n.ts';
import { scoreChart } from './score-views.tsx';

/**
 * A party's compliance over time on its own page (`/tracker/parties/:code/chart`, to link or embed)
 * and as SVG, PNG and CSV: the scorecard's chart, as of `?as_of=` (default today).
 */
export function scoreChartRoutes(db: Db) {
  const app = new Hono();
  chartRoutes(app, '/tracker/parties/:code/chart', async (c) => {
    const code = (c.req.param('code') ?? '').toUpperCase();
    const raw = c.req.query('as_of');
    const parsed = raw ? Day.safeParse(raw) : undefined;
    if (parsed && !parsed.success)
      throw new HTTPException(400, {
        message: useI18n().t('tracker.error.asOf', { problem: parsed.error.issues[0]!.message }),
      });
    const asOf = parsed?.data ?? new Date().toISOString().slice(0, 10);
    const party = await getParty(db, code);
    if (!party) {
      const { t } = useI18n();
      throw new HTTPException(404, {
        message: t('tracker.error.notInRecord', { what: t('tracker.what.party', { code }) }),
      });
    }
    const [items, assessments] = await Promise.all([scoredItems(db), scoredAssessments(db)]);
    const mine = items.filter((i) => i.parties.includes(party.code));
    const first = assessments.map((a) => a.as_of).sort()[0] ?? asOf;
    const points = quarterEnds(first, asOf).map((date) => ({
      date,
      score: complianceScore(party.code, mine, currentAssessments(assessments, date)),
    }));
    return scoreChart({ code: party.code, points, asOf: raw ? asOf : undefined });
  });
  return app;
}
