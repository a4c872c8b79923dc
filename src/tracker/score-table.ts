import {
  complianceScore,
  currentAssessments,
  groupItems,
  heatMap,
  implementationScore,
  type Score,
  type ScoredAssessment,
  type ScoredItem,
  type ScoredLink,
  uptakeScore,
} from './scores.ts';

/** One published figure: what it measures, for which group, and everything behind it. */
export interface ScoreLine {
  /** `party`, `area`, `format`, `area×party` (a heat-map cell) or `all`. */
  scope: string;
  group: string;
  measure: 'compliance' | 'implementation' | 'uptake';
  n: number;
  unassessed: number;
  /** The percentage as pages show it; null below the minimum n. */
  value: number | null;
  interval_low: number | null;
  interval_high: number | null;
  /** The unrounded mean in per cent, for checking the rounding. */
  mean: number | null;
  /** The ids of the counted items, with their points, `id:points` separated by spaces. */
  counted: string;
}

const line = (scope: string, group: string, measure: ScoreLine['measure'], s: Score): ScoreLine => ({
  scope,
  group,
  measure,
  n: s.counted.length,
  unassessed: s.unassessed.length,
  value: s.value,
  interval_low: s.interval?.[0] ?? null,
  interval_high: s.interval?.[1] ?? null,
  mean: s.mean === null ? null : Math.round(s.mean * 1000) / 1000,
  counted: s.counted.map((c) => `${c.id}:${c.points}`).join(' '),
});

/**
 * Every score the tracker publishes on `asOf`, recomputed from the record: per party (compliance and
 * implementation), per issue area and format (implementation), per heat-map cell, and the uptake of
 * recommendations. The same functions draw the pages, so a reader can check any figure shown.
 */
export function scoreTable(
  items: ScoredItem[],
  assessments: ScoredAssessment[],
  links: ScoredLink[],
  asOf: string,
): ScoreLine[] {
  const current = currentAssessments(assessments, asOf);
  const out: ScoreLine[] = [line('all', 'all', 'implementation', implementationScore(items, current))];
  for (const [party, mine] of groupItems(items, 'party')) {
    out.push(line('party', party, 'compliance', complianceScore(party, mine, current)));
    out.push(line('party', party, 'implementation', implementationScore(mine, current)));
  }
  for (const by of ['area', 'format'] as const)
    for (const [group, inGroup] of groupItems(items, by))
      out.push(line(by, group, 'implementation', implementationScore(inGroup, current)));
  for (const [area, row] of heatMap(items, current))
    for (const [party, s] of row) out.push(line('area×party', `${area}×${party}`, 'implementation', s));
  out.push(line('all', 'recommendations', 'uptake', uptakeScore(items, links, asOf, current)));
  return out;
}
