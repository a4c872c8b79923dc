import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BIGQUERY,
  DUCKDB_EVENTS,
  dayEvents,
  dyadByIssueArea,
  dyadByRoot,
  dyadQuery,
  dyadSeries,
  type IndexPoint,
  issueAreaSql,
  loadCameo,
  seriesSql,
  topEventTypes,
  Warehouse,
} from '../../src/signals/index.ts';
import { fixture } from './helpers.ts';

const FILES = [
  'events-v2/narayave__20190121220000.export.CSV',
  'events-v2/20241210143000.export.CSV',
  'events-v2/20241211113000.export.CSV',
  'events-v2/20250103111500.export.CSV',
  'events-v2/20250104170000.export.CSV',
];

// The hand computation reads the files with its own split and GDELT 2.0's documented column
// positions (0-based), sharing no code with the warehouse.
const COL = { date: 1, a1: 7, a2: 17, code: 26, root: 28, quad: 29, gold: 30, mentions: 31, tone: 34 };

interface Ev {
  day: string;
  a1: string;
  a2: string;
  code: string;
  root: string;
  quad: number;
  gold: number;
  mentions: number;
  tone: number;
}

function handEvents(filter: (e: Ev) => boolean): Ev[] {
  const out: Ev[] = [];
  for (const f of FILES) {
    for (const line of readFileSync(fixture(f), 'utf8').split('\n')) {
      if (!line) continue;
      const x = line.split('\t');
      const d = x[COL.date] as string;
      const e: Ev = {
        day: `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}`,
        a1: x[COL.a1] as string,
        a2: x[COL.a2] as string,
        code: x[COL.code] as string,
        root: x[COL.root] as string,
        quad: Number(x[COL.quad]),
        gold: Number(x[COL.gold]),
        mentions: Number(x[COL.mentions]),
        tone: Number(x[COL.tone]),
      };
      if (filter(e)) out.push(e);
    }
  }
  return out;
}

function handSeries(events: Ev[], key: (e: Ev) => string): IndexPoint[] {
  const groups = new Map<string, Ev[]>();
  for (const e of events) groups.set(key(e), [...(groups.get(key(e)) ?? []), e]);
  return [...groups.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([period, es]) => {
      const n = es.length;
      const mentions = es.reduce((s, e) => s + e.mentions, 0);
      const q = (k: number) => es.filter((e) => e.quad === k).length;
      return {
        period,
        events: n,
        mentions,
        goldstein_weighted: es.reduce((s, e) => s + e.gold * e.mentions, 0) / mentions,
        goldstein_sum: es.reduce((s, e) => s + e.gold, 0),
        tone_mean: es.reduce((s, e) => s + e.tone, 0) / n,
        verbal_cooperation: q(1),
        verbal_cooperation_share: q(1) / n,
        material_cooperation: q(2),
        material_cooperation_share: q(2) / n,
        verbal_conflict: q(3),
        verbal_conflict_share: q(3) / n,
        material_conflict: q(4),
        material_conflict_share: q(4) / n,
      };
    });
}

function expectClose(actual: IndexPoint[], expected: IndexPoint[]) {
  expect(actual.map((p) => p.period)).toEqual(expected.map((p) => p.period));
  actual.forEach((p, i) => {
    const e = expected[i] as IndexPoint;
    for (const k of Object.keys(e) as (keyof IndexPoint)[]) {
      if (typeof e[k] === 'number') expect(p[k], `${p.period} ${k}`).toBeCloseTo(e[k] as number, 9);
      else expect(p[k]).toEqual(e[k]);
    }
  });
}

const isKorJpn = (e: Ev) => (e.a1 === 'KOR' && e.a2 === 'JPN') || (e.a1 === 'JPN' && e.a2 === 'KOR');
const monthOf = (e: Ev) => `${e.day.slice(0, 7)}-01`;

describe('dyad indices', () => {
  let w: Warehouse;
  beforeAll(async () => {
    w = await Warehouse.open(':memory:');
    for (const f of FILES) await w.ingest(fixture(f));
  });
  afterAll(() => w.close());

  it('the sample holds the KOR–JPN events the staging README counts', () => {
    expect(handEvents(isKorJpn)).toHaveLength(5 + 2 + 4 + 12 + 6);
  });

  it('KOR–JPN by month equals the computation by hand', async () => {
    const got = await dyadSeries(w, dyadQuery({ dyad: 'KOR-JPN', by: 'month' }));
    const want = handSeries(handEvents(isKorJpn), monthOf);
    expect(got.reduce((s, p) => s + p.events, 0)).toBe(29);
    expectClose(got, want);
  });

  it('KOR–JPN by day and by ISO week (Monday) equal the computation by hand', async () => {
    expectClose(
      await dyadSeries(w, dyadQuery({ dyad: 'KOR-JPN', by: 'day' })),
      handSeries(handEvents(isKorJpn), (e) => e.day),
    );
    const monday = (e: Ev) => {
      const d = new Date(`${e.day}T00:00:00Z`);
      d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
      return d.toISOString().slice(0, 10);
    };
    expectClose(
      await dyadSeries(w, dyadQuery({ dyad: 'KOR-JPN', by: 'week' })),
      handSeries(handEvents(isKorJpn), monday),
    );
  });

  it('a directed dyad counts one direction only', async () => {
    const kj = await dyadSeries(w, dyadQuery({ dyad: 'KOR-JPN', by: 'month', directed: true }));
    const jk = await dyadSeries(w, dyadQuery({ dyad: 'JPN-KOR', by: 'month', directed: true }));
    expectClose(
      kj,
      handSeries(
        handEvents((e) => e.a1 === 'KOR' && e.a2 === 'JPN'),
        monthOf,
      ),
    );
    expectClose(
      jk,
      handSeries(
        handEvents((e) => e.a1 === 'JPN' && e.a2 === 'KOR'),
        monthOf,
      ),
    );
    const sum = (ps: IndexPoint[]) => ps.reduce((s, p) => s + p.events, 0);
    expect(sum(kj) + sum(jk)).toBe(29);
  });

  it('limits to a date range, inclusive', async () => {
    const got = await dyadSeries(
      w,
      dyadQuery({ dyad: 'KOR-JPN', by: 'day', from: '2024-12-01', to: '2025-01-03' }),
    );
    const want = handSeries(
      handEvents((e) => isKorJpn(e) && e.day >= '2024-12-01' && e.day <= '2025-01-03'),
      (e) => e.day,
    );
    expectClose(got, want);
  });

  it('breaks the index down by CAMEO root and by issue area, summing back to the total', async () => {
    const q = dyadQuery({ dyad: 'KOR-JPN', by: 'month' });
    const roots = await dyadByRoot(w, q);
    const hand = handEvents(isKorJpn);
    for (const r of roots) {
      expect(r.events).toBe(hand.filter((e) => monthOf(e) === r.period && e.root === r.root).length);
    }
    expect(roots.reduce((s, r) => s + r.events, 0)).toBe(29);
    const areas = await dyadByIssueArea(w, q);
    const { issueAreas: map, subAreas } = loadCameo();
    for (const a of areas) {
      const want = hand.filter(
        (e) =>
          monthOf(e) === a.period &&
          (map.get(e.code) ?? 'unassigned') === a.issue_area &&
          (subAreas.get(e.code) ?? null) === a.sub_area,
      );
      expect(a.events).toBe(want.length);
    }
    expect(areas.some((a) => a.sub_area === 'diplomatic-relations')).toBe(true);
    expect(areas.reduce((s, a) => s + a.events, 0)).toBe(29);
  });

  it('lists top event types with CAMEO labels, and a day’s most-mentioned events with URLs', async () => {
    const q = dyadQuery({ dyad: 'KOR-JPN' });
    const top = await topEventTypes(w, q, 3);
    const hand = handEvents(isKorJpn);
    const count = (c: string) => hand.filter((e) => e.code === c).length;
    expect(top[0]?.events).toBe(Math.max(...hand.map((e) => count(e.code))));
    expect(top.every((t) => t.label.length > 0)).toBe(true);
    const day = hand[0]?.day as string;
    const events = await dayEvents(w, q, day);
    expect(events).toHaveLength(hand.filter((e) => e.day === day).length);
    expect(events.every((e) => e.url?.startsWith('http'))).toBe(true);
    const mentions = events.map((e) => e.mentions);
    expect(mentions).toEqual([...mentions].sort((a, b) => b - a));
  });
});

describe('dyadQuery', () => {
  it('normalises case and refuses what could not be a party or a date', () => {
    expect(dyadQuery({ dyad: 'kor-jpn' })).toMatchObject({
      a: 'KOR',
      b: 'JPN',
      by: 'month',
      directed: false,
    });
    expect(() => dyadQuery({ dyad: "KOR-JPN' OR 1=1" })).toThrow(/two CAMEO country codes/);
    expect(() => dyadQuery({ dyad: 'KOR' })).toThrow(/two CAMEO country codes/);
    expect(() => dyadQuery({ dyad: 'KOR-JPN', by: 'year' })).toThrow(/by must be/);
    expect(() => dyadQuery({ dyad: 'KOR-JPN', from: '2024-13-45' })).toThrow(/from must be a date/);
    expect(() => dyadQuery({ dyad: 'KOR-JPN', from: '2025-02-01', to: '2025-01-01' })).toThrow(
      'from (2025-02-01) is after to (2025-01-01)',
    );
  });
});

describe('the same index for BigQuery', () => {
  const q = dyadQuery({ dyad: 'KOR-JPN', by: 'week', from: '2024-01-01', to: '2024-12-31' });
  const sql = seriesSql(q, BIGQUERY);

  it('reads GDELT’s public table and its integer dates', () => {
    expect(sql).toContain('FROM `gdelt-bq.gdeltv2.events`');
    expect(sql).toContain("DATE_TRUNC(PARSE_DATE('%Y%m%d', CAST(SQLDATE AS STRING)), ISOWEEK)");
    expect(sql).toContain("FORMAT_DATE('%Y-%m-%d'");
    expect(sql).toContain("PARSE_DATE('%Y%m%d', CAST(SQLDATE AS STRING)) >= DATE '2024-01-01'");
  });

  it('uses nothing DuckDB-only', () => {
    for (const s of [sql, issueAreaSql(q, BIGQUERY, loadCameo().issueAreas)]) {
      expect(s).not.toMatch(/::|strftime|date_trunc\('|FILTER \(|cameo_issue_areas|"/);
    }
  });

  // The local warehouse reads its rollup; the same query over its event rows is BigQuery's twin.
  it('differs from the DuckDB query over the event rows only in dialect expressions', () => {
    const strip = (s: string) =>
      s
        .replaceAll(BIGQUERY.eventsTable, 'T')
        .replaceAll(DUCKDB_EVENTS.eventsTable, 'T')
        .replace(/^SELECT .* AS period,/m, 'SELECT P AS period,')
        .replace(/WHERE .*/, 'WHERE W');
    expect(strip(sql)).toBe(strip(seriesSql(q, DUCKDB_EVENTS)));
  });

  it('carries the issue-area mapping inside the query', () => {
    const s = issueAreaSql(q, BIGQUERY, loadCameo().issueAreas, loadCameo().subAreas);
    expect(s).toContain(
      "STRUCT('163' AS code, 'economic-security-technology' AS issue_area, 'trade-and-finance' AS sub_area)",
    );
    expect(s).toContain(
      "STRUCT('190' AS code, 'security-geopolitics' AS issue_area, CAST(NULL AS STRING) AS sub_area)",
    );
  });
});
