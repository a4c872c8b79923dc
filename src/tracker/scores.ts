/**
 * Scores: numbers derived from published assessments by the methods the methodology page explains.
 * Pure functions: data in, data out; every score lists the items it counts and those it leaves out.
 */
import { LRUCache } from 'lru-cache';

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
  /**
   * The score in per cent, rounded to what its n supports (see `roundFor`); null when fewer than
   * `MIN_ITEMS` items count, so that no percentage stands on a handful of items.
   */
  value: number | null;
  /** The 95 % interval of `value` (percentile bootstrap over the counted items), rounded alike. */
  interval: [number, number] | null;
  /** The unrounded mean in per cent, whatever the n; null when no item counts. */
  mean: number | null;
  /** The items counted, with the number each contributes before averaging. */
  counted: { id: string; points: number }[];
  /** Items in scope that have no usable assessment: left out, and said so. */
  unassessed: string[];
}

/** The fewest counted items a percentage is shown for; below it, pages show the counts only. */
export const MIN_ITEMS = 5;
/** Below this many items a percentage is rounded to 5 points, from it to whole points. */
export const FINE_ITEMS = 20;
/** Bootstrap resamples behind an interval; the generator is seeded, so a score never changes between runs. */
export const BOOTSTRAP_RESAMPLES = 2000;

/** A percentage rounded to what `n` items can say: to 5 points below `FINE_ITEMS`, else to 1. */
export const roundFor = (n: number, x: number) => (n < FINE_ITEMS ? Math.round(x / 5) * 5 : Math.round(x));

// mulberry32: a small seeded generator, so intervals are the same on every page, export and run.
function seeded(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The 2.5th and 97.5th percentiles of the mean over `BOOTSTRAP_RESAMPLES` resamples of the items
 * (drawn with replacement), each mapped to per cent by `toPercent`.
 */
export function bootstrapInterval(points: number[], toPercent: (mean: number) => number): [number, number] {
  // The generator starts from the same seed at each call, so the same points (in the same order) and
  // the same mapping always give the same interval: a page rendered again after a write that left
  // a group's items as they were reuses it.
  let kept = intervals.get(toPercent);
  if (!kept) {
    kept = new LRUCache<string, [number, number]>({ max: 5000 });
    intervals.set(toPercent, kept);
  }
  const key = points.join(',');
  const known = kept.get(key);
  if (known) return [known[0], known[1]];
  const interval = resample(points, toPercent);
  kept.set(key, interval);
  return [interval[0], interval[1]];
}

const intervals = new WeakMap<(mean: number) => number, LRUCache<string, [number, number]>>();

function resample(points: number[], toPercent: (mean: number) => number): [number, number] {
  const next = seeded(20250224);
  const n = points.length;
  const means = new Float64Array(BOOTSTRAP_RESAMPLES);
  for (let b = 0; b < BOOTSTRAP_RESAMPLES; b++) {
    let sum = 0;
    for (let i = 0; i < n; i++) sum += points[Math.floor(next() * n)]!;
    means[b] = toPercent(sum / n);
  }
  means.sort();
  const at = (q: number) => means[Math.min(BOOTSTRAP_RESAMPLES - 1, Math.floor(q * BOOTSTRAP_RESAMPLES))]!;
  return [at(0.025), at(0.975)];
}

// One function each, not one made at each call: intervals are kept by the mapping they were made with.
const implementationPercent = (m: number) => (m / 3) * 100;
const compliancePercent = (m: number) => ((m + 1) / 2) * 100;
const uptakePercent = (m: number) => m * 100;

/** A score from the points of its counted items, mapped from their mean to per cent. */
function scoreOf(
  counted: Score['counted'],
  unassessed: string[],
  toPercent: (mean: number) => number,
): Score {
  const points = counted.map((c) => c.points);
  const n = points.length;
  const m = n === 0 ? null : toPercent(points.reduce((s, x) => s + x, 0) / n);
  if (m === null || n < MIN_ITEMS) return { value: null, interval: null, mean: m, counted, unassessed };
  const [lo, hi] = bootstrapInterval(points, toPercent);
  return {
    value: roundFor(n, m),
    interval: [roundFor(n, lo), roundFor(n, hi)],
    mean: m,
    counted,
    unassessed,
  };
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
  return scoreOf(counted, unassessed, implementationPercent);
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
  return scoreOf(counted, unassessed, compliancePercent);
}

/**
 * Uptake of recommendations by governments: each assessed recommendation scores 1 when a commitment
 * or action made by `asOf` fully matches it, 0.5 for a partial match and 0 for none; the score is
 * the mean × 100. Recommendations not yet assessed are left out (and listed), like every score.
 */
export function uptakeScore(
  recommendations: ScoredItem[],
  links: ScoredLink[],
  asOf: string,
  current: Map<string, ScoredAssessment>,
): Score {
  const best = new Map<string, number>();
  for (const l of links) {
    if (l.date > asOf) continue;
    const points = l.match === 'full' ? 1 : 0.5;
    best.set(l.recommendation, Math.max(best.get(l.recommendation) ?? 0, points));
  }
  const counted: Score['counted'] = [];
  const unassessed: string[] = [];
  for (const r of recommendations) {
    if (r.kind !== 'recommendation') continue;
    if (current.has(r.id)) counted.push({ id: r.id, points: best.get(r.id) ?? 0 });
    else unassessed.push(r.id);
  }
  return scoreOf(counted, unassessed, uptakePercent);
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

/**
 * Quarter-end days from `from` of the quarters that have ended by `asOf` (a quarter ends at the
 * close of its last day, so one whose last day is `asOf` is still running): no running period is
 * ever scored.
 */
export function quarterEnds(from: string, asOf: string): string[] {
  const ends = ['03-31', '06-30', '09-30', '12-31'];
  const out: string[] = [];
  for (let y = Number(from.slice(0, 4)); y <= Number(asOf.slice(0, 4)); y++) {
    for (const e of ends) {
      const day = `${y}-${e}`;
      if (day >= asOf) return out;
      if (day >= from) out.push(day);
    }
  }
  return out;
}
