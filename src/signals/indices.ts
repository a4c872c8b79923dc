import { loadCameo } from './cameo.ts';
import type { Row } from './duck.ts';
import {
  type Dialect,
  DUCKDB,
  DUCKDB_EVENTS,
  type DyadQuery,
  dayEventsSql,
  issueAreaSql,
  rootSql,
  seriesSql,
  topEventsSql,
} from './indices-sql.ts';
import type { Warehouse } from './warehouse.ts';

/** The measures of a dyad over one period (and, for breakdowns, one root code or issue area). */
export interface IndexPoint {
  /** First day of the period, YYYY-MM-DD (weeks start on Monday). */
  period: string;
  events: number;
  mentions: number;
  /** Σ(Goldstein × NumMentions) / Σ NumMentions. */
  goldstein_weighted: number | null;
  goldstein_sum: number;
  tone_mean: number | null;
  verbal_cooperation: number;
  verbal_cooperation_share: number;
  material_cooperation: number;
  material_cooperation_share: number;
  verbal_conflict: number;
  verbal_conflict_share: number;
  material_conflict: number;
  material_conflict_share: number;
}

export interface RootPoint extends IndexPoint {
  root: string;
}

export interface IssueAreaPoint extends IndexPoint {
  issue_area: string;
  /** A sub-area of the issue area, where the CAMEO code names one; otherwise null. */
  sub_area: string | null;
}

const num = (v: Row[string] | undefined) => (v === null || v === undefined ? null : Number(v));

function point(r: Row): IndexPoint {
  return {
    period: String(r.period),
    events: Number(r.events),
    mentions: Number(r.mentions ?? 0),
    goldstein_weighted: num(r.goldstein_weighted),
    goldstein_sum: Number(r.goldstein_sum ?? 0),
    tone_mean: num(r.tone_mean),
    verbal_cooperation: Number(r.verbal_cooperation),
    verbal_cooperation_share: Number(r.verbal_cooperation_share),
    material_cooperation: Number(r.material_cooperation),
    material_cooperation_share: Number(r.material_cooperation_share),
    verbal_conflict: Number(r.verbal_conflict),
    verbal_conflict_share: Number(r.verbal_conflict_share),
    material_conflict: Number(r.material_conflict),
    material_conflict_share: Number(r.material_conflict_share),
  };
}

/**
 * The SQL the indices run on `w`: the rollup when the warehouse has it, else the event rows (a
 * read-only warehouse made before the rollup existed). Each index takes a dialect as its last
 * argument too: {@link DUCKDB_EVENTS} computes it from the rows, which is how the tests check the rollup.
 */
const dialectOf = (w: Warehouse): Dialect => (w.hasRollup ? DUCKDB : DUCKDB_EVENTS);

/** The dyad's index, one point per period with events (periods without events are absent). */
export async function dyadSeries(w: Warehouse, q: DyadQuery, d = dialectOf(w)): Promise<IndexPoint[]> {
  return (await w.all(seriesSql(q, d))).map(point);
}

export async function dyadByRoot(w: Warehouse, q: DyadQuery, d = dialectOf(w)): Promise<RootPoint[]> {
  return (await w.all(rootSql(q, d))).map((r) => {
    const { period, ...rest } = point(r);
    return { period, root: String(r.root), ...rest };
  });
}

export async function dyadByIssueArea(
  w: Warehouse,
  q: DyadQuery,
  d = dialectOf(w),
): Promise<IssueAreaPoint[]> {
  const { issueAreas, subAreas } = loadCameo();
  return (await w.all(issueAreaSql(q, d, issueAreas, subAreas))).map((r) => {
    const { period, ...rest } = point(r);
    return {
      period,
      issue_area: String(r.issue_area),
      sub_area: (r.sub_area as string | null) ?? null,
      ...rest,
    };
  });
}

export interface TopEvent {
  code: string;
  label: string;
  events: number;
  mentions: number;
  goldstein: number;
}

export async function topEventTypes(
  w: Warehouse,
  q: DyadQuery,
  limit = 10,
  d = dialectOf(w),
): Promise<TopEvent[]> {
  const labels = new Map(loadCameo().codes.map((c) => [c.code, c.label]));
  return (await w.all(topEventsSql(q, d, limit))).map((r) => ({
    code: String(r.code),
    label: labels.get(String(r.code)) ?? '',
    events: Number(r.events),
    mentions: Number(r.mentions ?? 0),
    goldstein: Number(r.goldstein),
  }));
}

export interface DayEvent {
  id: number;
  actor1: string | null;
  actor1_name: string | null;
  actor2: string | null;
  actor2_name: string | null;
  code: string;
  label: string;
  quad_class: number;
  goldstein: number;
  mentions: number;
  tone: number | null;
  url: string | null;
}

export async function dayEvents(w: Warehouse, q: DyadQuery, day: string, limit = 20): Promise<DayEvent[]> {
  const labels = new Map(loadCameo().codes.map((c) => [c.code, c.label]));
  // Only the rows have the URLs: dayEventsSql reads them even with a dialect that has a rollup.
  return (await w.all(dayEventsSql(q, DUCKDB, day, limit))).map((r) => ({
    id: Number(r.id),
    actor1: (r.actor1 as string | null) ?? null,
    actor1_name: (r.actor1_name as string | null) ?? null,
    actor2: (r.actor2 as string | null) ?? null,
    actor2_name: (r.actor2_name as string | null) ?? null,
    code: String(r.code),
    label: labels.get(String(r.code)) ?? '',
    quad_class: Number(r.quad_class),
    goldstein: Number(r.goldstein),
    mentions: Number(r.mentions),
    tone: num(r.tone),
    url: (r.url as string | null) ?? null,
  }));
}
