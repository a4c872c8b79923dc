/**
 * Dyad indices as SQL, written once for two engines: DuckDB (the local warehouse) and BigQuery
 * (GDELT's public tables, where the full archive lives). Only the few expressions that differ are
 * behind the dialect; the rest is SQL both accept.
 *
 * The aggregate indices read one of two sources: the event rows themselves (BigQuery, and DuckDB as
 * {@link DUCKDB_EVENTS}), or the warehouse's daily rollup of them (DuckDB; see rollup.ts), which
 * holds per group the sums every measure is computed from. The events of one day (`dayEventsSql`)
 * always come from the rows: only they have the URLs.
 */
import { ROLLUP_TABLE } from './rollup.ts';

export type Period = 'day' | 'week' | 'month';
export type DateBasis = 'event' | 'added';
export type DialectName = 'duckdb' | 'bigquery';

/** A dyad index request, validated by {@link dyadQuery}. */
export interface DyadQuery {
  /** CAMEO country codes (KOR, JPN, USA, CHN, PRK, RUS…). */
  a: string;
  b: string;
  /** Directed: only a → b (Actor1 = a, Actor2 = b). Undirected: both directions. @default false */
  directed: boolean;
  by: Period;
  /** Event date (SQLDATE) or the date GDELT added the record (DATEADDED). @default 'event' */
  date: DateBasis;
  /** Inclusive ISO dates. */
  from?: string;
  to?: string;
}

const PARTY = /^[A-Z]{3}$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Builds a query from loose input, refusing anything that is not a 3-letter code or an ISO date
 * (values are inlined into SQL, so nothing else may pass).
 * @example dyadQuery({ dyad: 'KOR-JPN', by: 'month' })
 */
export function dyadQuery(input: {
  dyad: string;
  by?: string;
  directed?: boolean;
  date?: string;
  from?: string;
  to?: string;
}): DyadQuery {
  const [a, b, ...rest] = input.dyad.toUpperCase().split('-');
  if (!a || !b || rest.length > 0 || !PARTY.test(a) || !PARTY.test(b)) {
    throw new RangeError(`dyad must be two CAMEO country codes like KOR-JPN, got "${input.dyad}"`);
  }
  const by = input.by ?? 'month';
  if (by !== 'day' && by !== 'week' && by !== 'month')
    throw new RangeError(`by must be day, week or month, got "${by}"`);
  const date = input.date ?? 'event';
  if (date !== 'event' && date !== 'added')
    throw new RangeError(`date must be event or added, got "${date}"`);
  for (const [k, v] of [
    ['from', input.from],
    ['to', input.to],
  ] as const) {
    if (v !== undefined && (!ISO_DATE.test(v) || Number.isNaN(Date.parse(v)))) {
      throw new RangeError(`${k} must be a date YYYY-MM-DD, got "${v}"`);
    }
  }
  // ISO dates compare as strings.
  if (input.from !== undefined && input.to !== undefined && input.from > input.to) {
    throw new RangeError(
      `from (${input.from}) is after to (${input.to}): no day is in that range; give the earlier date as from`,
    );
  }
  return { a, b, directed: input.directed ?? false, by, date, from: input.from, to: input.to };
}

export interface Dialect {
  name: DialectName;
  /** GDELT's event rows. */
  eventsTable: string;
  /** The daily rollup the aggregate indices read instead of the rows; null: they read the rows. */
  rollupTable: string | null;
  /** The event's date as a DATE, from the event rows. */
  date(basis: DateBasis): string;
  trunc(period: Period, date: string): string;
  isoDate(date: string): string;
}

/** The local warehouse: aggregate indices from the rollup, a day's events from the rows. */
export const DUCKDB: Dialect = {
  name: 'duckdb',
  eventsTable: 'events',
  rollupTable: ROLLUP_TABLE,
  date: (basis) => (basis === 'event' ? 'SQLDATE' : 'CAST(DATEADDED AS DATE)'),
  // ISO weeks: date_trunc('week') starts on Monday, as BigQuery's ISOWEEK does.
  trunc: (period, d) => `CAST(date_trunc('${period}', ${d}) AS DATE)`,
  isoDate: (d) => `strftime(${d}, '%Y-%m-%d')`,
};

export const BIGQUERY: Dialect = {
  name: 'bigquery',
  eventsTable: '`gdelt-bq.gdeltv2.events`',
  // GDELT's tables have no rollup of ours: BigQuery scans the rows, which it does in parallel anyway.
  rollupTable: null,
  // BigQuery keeps GDELT's integers: SQLDATE as YYYYMMDD, DATEADDED as YYYYMMDDHHMMSS.
  date: (basis) =>
    basis === 'event'
      ? "PARSE_DATE('%Y%m%d', CAST(SQLDATE AS STRING))"
      : "PARSE_DATE('%Y%m%d', SUBSTR(CAST(DATEADDED AS STRING), 1, 8))",
  trunc: (period, d) => `DATE_TRUNC(${d}, ${period === 'week' ? 'ISOWEEK' : period.toUpperCase()})`,
  isoDate: (d) => `FORMAT_DATE('%Y-%m-%d', ${d})`,
};

export const DIALECTS: Record<DialectName, Dialect> = { duckdb: DUCKDB, bigquery: BIGQUERY };

/**
 * The local warehouse read from its event rows only: for a read-only warehouse made before the rollup
 * existed, and for tests that check the rollup gives the same indices as the rows.
 */
export const DUCKDB_EVENTS: Dialect = { ...DUCKDB, rollupTable: null };

/** What a query reads: a table, the names of its columns, and how a group's measures come out of it. */
interface Source {
  table: string;
  actor1: string;
  actor2: string;
  code: string;
  root: string;
  date(basis: DateBasis): string;
  /** The index measures of one group. */
  measures(): string;
  /** `events`, `mentions` and mean `goldstein` of one group, for the top event types. */
  top(): string;
}

const QUADS = ['verbal_cooperation', 'material_cooperation', 'verbal_conflict', 'material_conflict'] as const;

function rowSource(d: Dialect): Source {
  return {
    table: d.eventsTable,
    actor1: 'Actor1CountryCode',
    actor2: 'Actor2CountryCode',
    code: 'EventCode',
    root: 'EventRootCode',
    date: d.date,
    measures: () => {
      const quad = QUADS.flatMap((name, i) => [
        `SUM(CASE WHEN QuadClass = ${i + 1} THEN 1 ELSE 0 END) AS ${name}`,
        `SUM(CASE WHEN QuadClass = ${i + 1} THEN 1 ELSE 0 END) / COUNT(*) AS ${name}_share`,
      ]);
      return [
        'COUNT(*) AS events',
        'SUM(NumMentions) AS mentions',
        'SUM(GoldsteinScale * NumMentions) / NULLIF(SUM(NumMentions), 0) AS goldstein_weighted',
        'SUM(GoldsteinScale) AS goldstein_sum',
        'AVG(AvgTone) AS tone_mean',
        ...quad,
      ].join(',\n    ');
    },
    top: () => 'COUNT(*) AS events, SUM(NumMentions) AS mentions,\n    AVG(GoldsteinScale) AS goldstein',
  };
}

/**
 * The same measures from the rollup's sums (columns of rollup.ts). The results have the row SQL's
 * types and NULLs: a SUM over groups without a value is NULL as over rows without one; AVG(AvgTone)
 * is Σ tone / the count of tones, NULL when there is none; GoldsteinScale is never NULL (the ingest
 * refuses a row without it), so its mean divides by the events.
 */
function rollupSource(table: string): Source {
  return {
    table,
    actor1: 'actor1_country',
    actor2: 'actor2_country',
    code: 'event_code',
    root: 'root_code',
    date: (basis) => (basis === 'event' ? 'event_date' : 'added_date'),
    measures: () => {
      const quad = QUADS.flatMap((name, i) => [
        `SUM(CASE WHEN quad_class = ${i + 1} THEN events ELSE 0 END) AS ${name}`,
        `SUM(CASE WHEN quad_class = ${i + 1} THEN events ELSE 0 END) / SUM(events) AS ${name}_share`,
      ]);
      return [
        'CAST(SUM(events) AS BIGINT) AS events',
        'SUM(mentions) AS mentions',
        'SUM(goldstein_mentions) / NULLIF(SUM(mentions), 0) AS goldstein_weighted',
        'SUM(goldstein_sum) AS goldstein_sum',
        'SUM(tone_sum) / NULLIF(SUM(tone_count), 0) AS tone_mean',
        ...quad,
      ].join(',\n    ');
    },
    top: () =>
      'CAST(SUM(events) AS BIGINT) AS events, SUM(mentions) AS mentions,\n    SUM(goldstein_sum) / SUM(events) AS goldstein',
  };
}

/** Where the aggregate indices of `d` read. */
const aggregateSource = (d: Dialect): Source => (d.rollupTable ? rollupSource(d.rollupTable) : rowSource(d));

function dyadWhere(q: DyadQuery, s: Source): string {
  const one = (x: string, y: string) => `(${s.actor1} = '${x}' AND ${s.actor2} = '${y}')`;
  // The IN conjuncts say nothing the OR does not, but a conjunction of simple filters is what a
  // columnar engine pushes into its scan (DuckDB skips whole row groups with it).
  const pair =
    q.directed || q.a === q.b
      ? one(q.a, q.b)
      : `${s.actor1} IN ('${q.a}', '${q.b}') AND ${s.actor2} IN ('${q.a}', '${q.b}') AND (${one(q.a, q.b)} OR ${one(q.b, q.a)})`;
  const range = [
    q.from ? `${s.date(q.date)} >= DATE '${q.from}'` : '',
    q.to ? `${s.date(q.date)} <= DATE '${q.to}'` : '',
  ].filter(Boolean);
  return [pair, ...range].join(' AND ');
}

/** One row per period: the dyad's measures. */
export function seriesSql(q: DyadQuery, d: Dialect): string {
  const s = aggregateSource(d);
  const period = d.trunc(q.by, s.date(q.date));
  return `SELECT ${d.isoDate(period)} AS period,
    ${s.measures()}
  FROM ${s.table}
  WHERE ${dyadWhere(q, s)}
  GROUP BY period
  ORDER BY period`;
}

/** One row per period and CAMEO root code. */
export function rootSql(q: DyadQuery, d: Dialect): string {
  const s = aggregateSource(d);
  const period = d.trunc(q.by, s.date(q.date));
  return `SELECT ${d.isoDate(period)} AS period, ${s.root} AS root,
    ${s.measures()}
  FROM ${s.table}
  WHERE ${dyadWhere(q, s)}
  GROUP BY period, root
  ORDER BY period, root`;
}

/**
 * One row per period, issue area and sub-area (`unassigned` / null when the mapping has none). On
 * BigQuery the mapping travels inside the query, since it is ours and not GDELT's.
 */
export function issueAreaSql(
  q: DyadQuery,
  d: Dialect,
  mapping: ReadonlyMap<string, string>,
  subAreas: ReadonlyMap<string, string> = new Map(),
): string {
  const s = aggregateSource(d);
  const period = d.trunc(q.by, s.date(q.date));
  const sub = (code: string) => (subAreas.has(code) ? `'${subAreas.get(code)}'` : 'CAST(NULL AS STRING)');
  const map =
    d.name === 'duckdb'
      ? 'cameo_issue_areas'
      : `(SELECT code, issue_area, sub_area FROM UNNEST([${[...mapping]
          .map(
            ([code, area]) => `STRUCT('${code}' AS code, '${area}' AS issue_area, ${sub(code)} AS sub_area)`,
          )
          .join(', ')}]))`;
  return `SELECT ${d.isoDate(period)} AS period, COALESCE(m.issue_area, 'unassigned') AS issue_area,
    m.sub_area AS sub_area,
    ${s.measures()}
  FROM ${s.table} e
  LEFT JOIN ${map} m ON m.code = e.${s.code}
  WHERE ${dyadWhere(q, s)}
  GROUP BY period, issue_area, sub_area
  ORDER BY period, issue_area, sub_area`;
}

/** The dyad's most frequent event codes over the whole range. */
export function topEventsSql(q: DyadQuery, d: Dialect, limit: number): string {
  const s = aggregateSource(d);
  return `SELECT ${s.code} AS code, ${s.top()}
  FROM ${s.table}
  WHERE ${dyadWhere(q, s)}
  GROUP BY code
  ORDER BY events DESC, code
  LIMIT ${Math.trunc(limit)}`;
}

/** The most-mentioned events of the dyad on one day, with their source URLs (from the rows, always). */
export function dayEventsSql(q: DyadQuery, d: Dialect, day: string, limit: number): string {
  if (!ISO_DATE.test(day)) throw new RangeError(`day must be YYYY-MM-DD, got "${day}"`);
  return `SELECT GLOBALEVENTID AS id, Actor1CountryCode AS actor1, Actor1Name AS actor1_name,
    Actor2CountryCode AS actor2, Actor2Name AS actor2_name, EventCode AS code, QuadClass AS quad_class,
    GoldsteinScale AS goldstein, NumMentions AS mentions, AvgTone AS tone, SOURCEURL AS url
  FROM ${d.eventsTable}
  WHERE ${dyadWhere({ ...q, from: day, to: day }, rowSource(d))}
  ORDER BY NumMentions DESC, GLOBALEVENTID
  LIMIT ${Math.trunc(limit)}`;
}
