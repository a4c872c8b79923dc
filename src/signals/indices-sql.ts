/**
 * Dyad indices as SQL, written once for two engines: DuckDB (the local warehouse) and BigQuery
 * (GDELT's public tables, where the full archive lives). Only the few expressions that differ are
 * behind the dialect; the rest is SQL both accept.
 */

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
  return { a, b, directed: input.directed ?? false, by, date, from: input.from, to: input.to };
}

export interface Dialect {
  name: DialectName;
  eventsTable: string;
  /** The event's date as a DATE. */
  date(basis: DateBasis): string;
  trunc(period: Period, date: string): string;
  isoDate(date: string): string;
}

export const DUCKDB: Dialect = {
  name: 'duckdb',
  eventsTable: 'events',
  date: (basis) => (basis === 'event' ? 'SQLDATE' : 'CAST(DATEADDED AS DATE)'),
  // ISO weeks: date_trunc('week') starts on Monday, as BigQuery's ISOWEEK does.
  trunc: (period, d) => `CAST(date_trunc('${period}', ${d}) AS DATE)`,
  isoDate: (d) => `strftime(${d}, '%Y-%m-%d')`,
};

export const BIGQUERY: Dialect = {
  name: 'bigquery',
  eventsTable: '`gdelt-bq.gdeltv2.events`',
  // BigQuery keeps GDELT's integers: SQLDATE as YYYYMMDD, DATEADDED as YYYYMMDDHHMMSS.
  date: (basis) =>
    basis === 'event'
      ? "PARSE_DATE('%Y%m%d', CAST(SQLDATE AS STRING))"
      : "PARSE_DATE('%Y%m%d', SUBSTR(CAST(DATEADDED AS STRING), 1, 8))",
  trunc: (period, d) => `DATE_TRUNC(${d}, ${period === 'week' ? 'ISOWEEK' : period.toUpperCase()})`,
  isoDate: (d) => `FORMAT_DATE('%Y-%m-%d', ${d})`,
};

export const DIALECTS: Record<DialectName, Dialect> = { duckdb: DUCKDB, bigquery: BIGQUERY };

function dyadWhere(q: DyadQuery, d: Dialect): string {
  const one = (x: string, y: string) => `(Actor1CountryCode = '${x}' AND Actor2CountryCode = '${y}')`;
  // The IN conjuncts say nothing the OR does not, but a conjunction of simple filters is what a
  // columnar engine pushes into its scan (DuckDB skips whole row groups with it).
  const pair =
    q.directed || q.a === q.b
      ? one(q.a, q.b)
      : `Actor1CountryCode IN ('${q.a}', '${q.b}') AND Actor2CountryCode IN ('${q.a}', '${q.b}') AND (${one(q.a, q.b)} OR ${one(q.b, q.a)})`;
  const range = [
    q.from ? `${d.date(q.date)} >= DATE '${q.from}'` : '',
    q.to ? `${d.date(q.date)} <= DATE '${q.to}'` : '',
  ].filter(Boolean);
  return [pair, ...range].join(' AND ');
}

const QUADS = ['verbal_cooperation', 'material_cooperation', 'verbal_conflict', 'material_conflict'] as const;

/** The measures of one group of events, shared by all three index queries. */
function measures(): string {
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
}

/** One row per period: the dyad's measures. */
export function seriesSql(q: DyadQuery, d: Dialect): string {
  const period = d.trunc(q.by, d.date(q.date));
  return `SELECT ${d.isoDate(period)} AS period,
    ${measures()}
  FROM ${d.eventsTable}
  WHERE ${dyadWhere(q, d)}
  GROUP BY period
  ORDER BY period`;
}

/** One row per period and CAMEO root code. */
export function rootSql(q: DyadQuery, d: Dialect): string {
  const period = d.trunc(q.by, d.date(q.date));
  return `SELECT ${d.isoDate(period)} AS period, EventRootCode AS root,
    ${measures()}
  FROM ${d.eventsTable}
  WHERE ${dyadWhere(q, d)}
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
  const period = d.trunc(q.by, d.date(q.date));
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
    ${measures()}
  FROM ${d.eventsTable} e
  LEFT JOIN ${map} m ON m.code = e.EventCode
  WHERE ${dyadWhere(q, d)}
  GROUP BY period, issue_area, sub_area
  ORDER BY period, issue_area, sub_area`;
}

/** The dyad's most frequent event codes over the whole range. */
export function topEventsSql(q: DyadQuery, d: Dialect, limit: number): string {
  return `SELECT EventCode AS code, COUNT(*) AS events, SUM(NumMentions) AS mentions,
    AVG(GoldsteinScale) AS goldstein
  FROM ${d.eventsTable}
  WHERE ${dyadWhere(q, d)}
  GROUP BY code
  ORDER BY events DESC, code
  LIMIT ${Math.trunc(limit)}`;
}

/** The most-mentioned events of the dyad on one day, with their source URLs. */
export function dayEventsSql(q: DyadQuery, d: Dialect, day: string, limit: number): string {
  if (!ISO_DATE.test(day)) throw new RangeError(`day must be YYYY-MM-DD, got "${day}"`);
  return `SELECT GLOBALEVENTID AS id, Actor1CountryCode AS actor1, Actor1Name AS actor1_name,
    Actor2CountryCode AS actor2, Actor2Name AS actor2_name, EventCode AS code, QuadClass AS quad_class,
    GoldsteinScale AS goldstein, NumMentions AS mentions, AvgTone AS tone, SOURCEURL AS url
  FROM ${d.eventsTable}
  WHERE ${dyadWhere({ ...q, from: day, to: day }, d)}
  ORDER BY NumMentions DESC, GLOBALEVENTID
  LIMIT ${Math.trunc(limit)}`;
}
