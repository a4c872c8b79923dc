/**
 * Scores: numbers derived from published assessments by the methods the methodology page explains.
 * Pure functions: data in, data out; every score lists the items it counts and those it leaves out.
 */

/** A tracked item with what scores group it by. */
export interface ScoredItem {
  id: string;
  kind: 'recommendation' | 'commitment';
  title: string;
  parties: string[];
  format: string;
  /** The top-level issue area. */
  area: string;
}

/** A published assessment, as much of it as scores read. */
export interface ScoredAssessment {
  id: string;
  item_id: string;
  as_of: string;
  implementation: number;
  flags?: string[];
  compliance?: { party: string; score: number }[];
  corrects?: string | null;
  published_at?: string | null;
}

/** A link from a recommendation, dated by the commitment or action it points to. */
export interface ScoredLink {
  recommendation: string;
  match: 'partial' | 'full';
  date: string;
}

export interface Score {
  /** The score in per cent, or null when no item counts. */
  value: number | null;
  /** The items counted, with the number each contributes before averaging. */
  counted: { id: string; points: number }[];
  /** Items in scope that have no usable assessment: left out, and said so. */
  unassessed: string[];
}

/**
 * Each item's assessment in force on `asOf`: the latest published one dated on or before that day,
 * leaving out any that a published correction replaces (a correction tells what should have been
 * said, so it replaces the original in every history, not only from its own date).
 *
 * @example currentAssessments([{ id: 'a', item_id: 'x', as_of: '2024-01-01', implementation: 2 }], '2024-06-30')
 * // Map { 'x' => { id: 'a', … } }
 */
export function currentAssessments(
  assessments: ScoredAssessment[],
  asOf: string,
): Map<string, ScoredAssessment> {
  const corrected = new Set(assessments.flatMap((a) => (a.corrects ? [a.corrects] : [])));
  const current = new Map<string, ScoredAssessment>();
  for (const a of assessments) {
    if (corrected.has(a.id) || a.as_of > asOf) continue;
    const prior = current.get(a.item_id);
    if (!prior || later(a, prior)) current.set(a.item_id, a);
  }
  return current;
}

// Of two assessments, the one with the later date; on the same date, the one published later.
function later(a: ScoredAssessment, b: ScoredAssessment): boolean {
  if (a.as_of !== b.as_of) return a.as_of > b.as_of;
  return (
    (a.published_at ?? '') > (b.published_at ?? '') ||
    ((a.published_at ?? '') === (b.published_at ?? '') && a.id > b.id)
  );
}

const mean = (xs: number[]) => (xs.length === 0 ? null : xs.reduce((s, x) => s + x, 0) / xs.length);
const round1 = (x: number | null) => (x === null ? null : Math.round(x * 10) / 10);

/**
 * Implementation: the mean level of the assessed items on the 0–3 scale, as a share of full
 * (level 3) implementation: mean / 3 × 100.
 */
export function implementationScore(items: ScoredItem[], current: Map<string, ScoredAssessment>): Score {
  const counted: Score['counted'] = [];
  const unassessed: string[] = [];
  for (const item of items) {
    const a = current.get(item.id);
    if (a) counted.push({ id: item.id, points: a.implementation });
    else unassessed.push(item.id);
  }
  const m = mean(counted.map((c) => c.points));
  return { value: round1(m === null ? null : (m / 3) * 100), counted, unassessed };
}

/**
 * Compliance of a party (its reliability): the mean of its −1/0/+1 scores over the commitments it
 * made that are assessed for it, shown as (mean + 1) / 2 × 100, the G7/G20 Research Group's
 * percentage. Recommendations and commitments of other parties are out of scope.
 */
export function complianceScore(
  party: string,
  items: ScoredItem[],
  current: Map<string, ScoredAssessment>,
): Score {
  const counted: Score['counted'] = [];
  const unassessed: string[] = [];
  for (const item of items) {
    if (item.kind !== 'commitment' || !item.parties.includes(party)) continue;
    const entry = current.get(item.id)?.compliance?.find((c) => c.party === party);
    if (entry) counted.push({ id: item.id, points: entry.score });
    else unassessed.push(item.id);
  }
  const m = mean(counted.map((c) => c.points));
  return { value: round1(m === null ? null : ((m + 1) / 2) * 100), counted, unassessed };
}

/**
 * Uptake of recommendations: each recommendation scores 1 when a commitment or action made by
 * `asOf` fully matches it, 0.5 for a partial match and 0 when the record holds no match; the score
 * is the mean × 100. Every recommendation counts: uptake is found by matching, not by assessing.
 */
export function uptakeScore(recommendations: ScoredItem[], links: ScoredLink[], asOf: string): Score {
  const best = new Map<string, number>();
  for (const l of links) {
    if (l.date > asOf) continue;
    const points = l.match === 'full' ? 1 : 0.5;
    best.set(l.recommendation, Math.max(best.get(l.recommendation) ?? 0, points));
  }
  const counted = recommendations
    .filter((r) => r.kind === 'recommendation')
    .map((r) => ({ id: r.id, points: best.get(r.id) ?? 0 }));
  const m = mean(counted.map((c) => c.points));
  return { value: round1(m === null ? null : m * 100), counted, unassessed: [] };
}

export type Grouping = 'party' | 'area' | 'format';

const groupsOf = (item: ScoredItem, by: Grouping): string[] =>
  by === 'party' ? item.parties : [by === 'area' ? item.area : item.format];

/** Items by party, top-level issue area or format; an item of several parties is in each. */
export function groupItems(items: ScoredItem[], by: Grouping): Map<string, ScoredItem[]> {
  const out = new Map<string, ScoredItem[]>();
  for (const item of items) {
    for (const g of groupsOf(item, by)) out.set(g, [...(out.get(g) ?? []), item]);
  }
  return out;
}

/** Implementation per group, and for parties their compliance too. */
export function scoresBy(
  items: ScoredItem[],
  current: Map<string, ScoredAssessment>,
  by: Grouping,
): { group: string; implementation: Score; compliance?: Score }[] {
  return [...groupItems(items, by)].map(([group, inGroup]) => ({
    group,
    implementation: implementationScore(inGroup, current),
    ...(by === 'party' && { compliance: complianceScore(group, inGroup, current) }),
  }));
}

/** Implementation for each issue area × party cell: the heat map. */
export function heatMap(
  items: ScoredItem[],
  current: Map<string, ScoredAssessment>,
): Map<string, Map<string, Score>> {
  const out = new Map<string, Map<string, Score>>();
  for (const [area, inArea] of groupItems(items, 'area')) {
    const row = new Map<string, Score>();
    for (const [party, cell] of groupItems(inArea, 'party'))
      row.set(party, implementationScore(cell, current));
    out.set(area, row);
  }
  return out;
}

/** Quarter-end days from `from` to `to` (inclusive of the quarter holding `to`): points of a time series. */
export function quarterEnds(from: string, to: string): string[] {
  const ends = ['03-31', '06-30', '09-30', '12-31'];
  const out: string[] = [];
  for (let y = Number(from.slice(0, 4)); y <= Number(to.slice(0, 4)); y++) {
    for (const e of ends) {
      const day = `${y}-${e}`;
      if (day < from) continue;
      out.push(day);
      if (day >= to) return out;
    }
  }
  return out;
}
