import { type Db, listIssueAreas, listParties } from '../../core/index.ts';
import { getSurveySeries, listSurveySeries, questionGroups } from '../../opinion/index.ts';
import { listPapers, listPrograms, listSeries } from '../../publications/index.ts';
import {
  listCommitments,
  listMilestones,
  listPublished,
  listRecommendations,
  listTrackedItems,
  statusesOn,
} from '../../tracker/index.ts';
import type { SignalsState } from '../signals/index.ts';
import type { HomeData } from './home.tsx';

/** A party gets its own bar once it is concerned by this many tracked items. */
export const MIN_PARTY_ITEMS = 5;
const LATEST = 5;

const today = () => new Date().toISOString().slice(0, 10);

/**
 * Everything the home page shows, read at once: the program, the items by status per party, the
 * latest assessments and milestones, the survey series with the longest mirrored record, and the
 * signals of the last months when the site has them.
 */
export async function homeData(db: Db, signals?: () => Promise<SignalsState>): Promise<HomeData> {
  const asOf = today();
  const [programs, series, areas, papers, recommendations, commitments, milestones, items, statuses] =
    await Promise.all([
      listPrograms(db),
      listSeries(db),
      listIssueAreas(db),
      listPapers(db),
      listRecommendations(db),
      listCommitments(db),
      listMilestones(db),
      listTrackedItems(db),
      statusesOn(db, asOf),
    ]);
  const [parties, assessments, surveys, signalState] = await Promise.all([
    listParties(db),
    listPublished(db, { limit: LATEST }),
    listSurveySeries(db),
    signals ? signals() : Promise.resolve(undefined),
  ]);
  // The opinion figure: the series with most results among those asking both publics the same question.
  const candidates = surveys.filter((s) => s.publics.length >= 2).sort((a, b) => b.results - a.results);
  let opinion: HomeData['opinion'];
  for (const c of candidates) {
    const view = await getSurveySeries(db, c.id);
    const group = view && questionGroups(view).find((g) => g.length >= 2);
    if (view && group) {
      opinion = { series: view, group };
      break;
    }
  }
  const perParty = new Map<string, Map<string, number>>();
  for (const item of items) {
    const status = statuses.get(item.id)?.status ?? 'not-assessed';
    for (const party of item.parties) {
      const counts = perParty.get(party) ?? new Map<string, number>();
      counts.set(status, (counts.get(status) ?? 0) + 1);
      perParty.set(party, counts);
    }
  }
  const total = (m: Map<string, number>) => [...m.values()].reduce((s, n) => s + n, 0);
  const byParty = [...perParty.entries()]
    .filter(([, m]) => total(m) >= MIN_PARTY_ITEMS)
    .sort((a, b) => total(b[1]) - total(a[1]) || a[0].localeCompare(b[0]))
    .map(([code, counts]) => ({ code, counts }));
  return {
    asOf,
    programs,
    series,
    areas,
    parties,
    counts: {
      papers: papers.length,
      recommendations: recommendations.length,
      commitments: commitments.length,
      items: items.length,
      assessed: items.filter((i) => (statuses.get(i.id)?.status ?? 'not-assessed') !== 'not-assessed').length,
    },
    recommendations,
    byParty,
    otherParties: perParty.size - byParty.length,
    assessments,
    milestones: [...milestones].reverse().slice(0, LATEST),
    opinion,
    signals: signalState,
  };
}
