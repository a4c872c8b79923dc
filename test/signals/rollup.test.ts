import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Dialect,
  DUCKDB,
  DUCKDB_EVENTS,
  type DyadQuery,
  dayEvents,
  dyadByIssueArea,
  dyadByRoot,
  dyadQuery,
  dyadSeries,
  issueAreaSql,
  loadCameo,
  rootSql,
  seriesSql,
  topEventsSql,
  topEventTypes,
  Warehouse,
} from '../../src/signals/index.ts';
import { fixture, tempDir } from './helpers.ts';

// Every plain events sample of both formats, and the damaged file (its good rows load).
const SAMPLES = [
  'events-v2/narayave__20190121220000.export.CSV',
  'events-v2/20241210143000.export.CSV',
  'events-v2/20241211113000.export.CSV',
  'events-v2/20250103111500.export.CSV',
  'events-v2/20250104170000.export.CSV',
  'events-v2/padho__20161013151500.export.CSV',
  'events-v2/aamend__events.csv',
  'events-v2/aamend__events.csv@2632828e.csv',
  'events-v1/aamend__events1.csv',
  'events-v1/lumify__small.export.txt',
  'broken/mixed-problems.20190121220000.export.CSV',
].map(fixture);

// GDELT 2.0 column positions (0-based), read by a plain split that shares no code with the warehouse.
const COL = { id: 0, date: 1, month: 2, year: 3, a1: 7, a2: 17, code: 26, root: 28, quad: 29 };
const COL2 = { mentions: 31, tone: 34, added: 59 };

const linesOf = (path: string) =>
  readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.length > 0);

/** Sets fields of a tab-separated line. */
function edit(line: string, fields: Record<number, string>): string {
  const x = line.split('\t');
  for (const [i, v] of Object.entries(fields)) x[Number(i)] = v;
  return x.join('\t');
}

/**
 * A real file's first rows turned into the made-up dyad AAA–BBB, some without NumMentions or AvgTone
 * (both may be empty in GDELT): three of them alone in January 2000, so one period has no value at all.
 */
function nullsFile(dir: string): string {
  const rows = linesOf(fixture('events-v2/20250103111500.export.CSV')).slice(0, 6);
  const out = rows.map((r, i) => {
    const f: Record<number, string> = { [COL.id]: String(990_000_001 + i), [COL.a1]: 'AAA', [COL.a2]: 'BBB' };
    if (i < 3) Object.assign(f, { [COL.date]: '20000101', [COL.month]: '200001', [COL.year]: '2000' });
    if (i < 4) f[COL2.mentions] = '';
    if (i < 3 || i === 4) f[COL2.tone] = '';
    return edit(r, f);
  });
  const path = join(dir, '20990101000000.export.CSV');
  writeFileSync(path, `${out.join('\n')}\n`);
  return path;
}

type Row = Record<string, string | number | boolean | null>;
const FLOATS = new Set([
  'goldstein_weighted',
  'goldstein_sum',
  'tone_mean',
  'goldstein',
  'verbal_cooperation_share',
  'material_cooperation_share',
  'verbal_conflict_share',
  'material_conflict_share',
]);

/** Same rows in the same order; floating sums to 9 decimals (their terms are added in another order). */
function expectSameRows(got: Row[], want: Row[], what: string) {
  expect(
    got.map((r) => Object.keys(r)),
    what,
  ).toEqual(want.map((r) => Object.keys(r)));
  got.forEach((g, i) => {
    const w = want[i] as Row;
    for (const [k, v] of Object.entries(w)) {
      const label = `${what}, row ${i}, ${k}`;
      if (FLOATS.has(k) && typeof v === 'number') expect(g[k], label).toBeCloseTo(v, 9);
      else expect(g[k], label).toEqual(v);
    }
  });
}

/** The queries of every index, for one dialect. */
function indexSql(q: DyadQuery, d: Dialect): [string, string][] {
  const { issueAreas, subAreas } = loadCameo();
  return [
    ['series', seriesSql(q, d)],
    ['root', rootSql(q, d)],
    ['issue area', issueAreaSql(q, d, issueAreas, subAreas)],
    ['top events', topEventsSql(q, d, 1000)],
  ];
}

describe('the rollup gives the indices of the event rows', () => {
  const tmp = tempDir();
  let w: Warehouse;
  let dyads: string[];

  beforeAll(async () => {
    w = await Warehouse.open(':memory:');
    for (const f of [...SAMPLES, nullsFile(tmp.dir)]) await w.ingest(f);
    // The busiest pairs (a country with itself among them), KOR–JPN, and the pair without values.
    const top = await w.all(`SELECT least(Actor1CountryCode, Actor2CountryCode) AS a,
        greatest(Actor1CountryCode, Actor2CountryCode) AS b, count(*) AS n
      FROM events WHERE Actor1CountryCode IS NOT NULL AND Actor2CountryCode IS NOT NULL
      GROUP BY a, b ORDER BY n DESC, a, b LIMIT 6`);
    dyads = [...top.map((r) => `${r.a}-${r.b}`), 'KOR-JPN', 'AAA-BBB'];
  }, 60_000);
  afterAll(() => {
    w.close();
    tmp.cleanup();
  });

  it('the sample has self-pairs, KOR–JPN and a period without mentions or tone', async () => {
    expect(dyads.some((d) => d.slice(0, 3) === d.slice(4))).toBe(true);
    const [nulls] = await w.all(seriesSql(dyadQuery({ dyad: 'AAA-BBB', to: '2000-12-31' }), DUCKDB));
    expect(nulls).toMatchObject({ events: 3, mentions: null, goldstein_weighted: null, tone_mean: null });
  });

  it('every index, by day, week and month, directed or not, by event or added date', async () => {
    let compared = 0;
    for (const dyad of dyads) {
      for (const by of ['day', 'week', 'month']) {
        for (const directed of [false, true]) {
          for (const date of ['event', 'added']) {
            const q = dyadQuery({ dyad, by, directed, date });
            const raw = indexSql(q, DUCKDB_EVENTS);
            for (const [i, [what, sql]] of indexSql(q, DUCKDB).entries()) {
              const want = await w.all(raw[i]?.[1] as string);
              expectSameRows(await w.all(sql), want, `${what} ${dyad} ${by} ${directed} ${date}`);
              compared += want.length;
            }
          }
        }
      }
    }
    expect(compared).toBeGreaterThan(1000);
  }, 60_000);

  it('with from/to ranges cutting through the data, on both dates', async () => {
    const ranges = [
      { from: '2019-01-21' },
      { to: '2024-12-04' },
      { from: '2016-10-13', to: '2024-12-10' },
      { from: '2025-01-03', to: '2025-01-03' },
    ];
    for (const dyad of dyads) {
      for (const range of ranges) {
        for (const date of ['event', 'added']) {
          const q = dyadQuery({ dyad, by: 'day', date, ...range });
          const raw = indexSql(q, DUCKDB_EVENTS);
          for (const [i, [what, sql]] of indexSql(q, DUCKDB).entries()) {
            const label = `${what} ${dyad} ${JSON.stringify(range)} ${date}`;
            expectSameRows(await w.all(sql), await w.all(raw[i]?.[1] as string), label);
          }
        }
      }
    }
  }, 60_000);

  it('the typed indices read the rollup and equal those of the rows', async () => {
    expect(w.hasRollup).toBe(true);
    const q = dyadQuery({ dyad: 'KOR-JPN', by: 'week' });
    const same = (a: unknown, b: unknown, what: string) => expectSameRows(a as Row[], b as Row[], what);
    same(await dyadSeries(w, q), await dyadSeries(w, q, DUCKDB_EVENTS), 'series');
    same(await dyadByRoot(w, q), await dyadByRoot(w, q, DUCKDB_EVENTS), 'root');
    same(await dyadByIssueArea(w, q), await dyadByIssueArea(w, q, DUCKDB_EVENTS), 'issue area');
    same(await topEventTypes(w, q), await topEventTypes(w, q, 10, DUCKDB_EVENTS), 'top events');
    expect((await dyadSeries(w, q)).reduce((s, p) => s + p.events, 0)).toBe(29);
  });
});

describe('what the rollup holds', () => {
  const FILES = [
    'events-v2/narayave__20190121220000.export.CSV',
    'events-v2/20241210143000.export.CSV',
    'events-v2/20250103111500.export.CSV',
  ].map(fixture);
  let w: Warehouse;
  beforeAll(async () => {
    w = await Warehouse.open(':memory:');
    for (const f of FILES) await w.ingest(f);
  });
  afterAll(() => w.close());

  it('per file: the events with both country codes, their sums, one row per distinct key', async () => {
    const got =
      await w.all(`SELECT f.name, count(*) AS rows, sum(events) AS events, sum(mentions) AS mentions,
        sum(tone_count) AS tones
      FROM dyad_days JOIN files f USING (file_id) GROUP BY f.name ORDER BY f.name`);
    const want = FILES.map((path) => {
      const rows = linesOf(path)
        .map((l) => l.split('\t'))
        .filter((x) => x[COL.a1] && x[COL.a2]);
      const keys = new Set(
        rows.map((x) =>
          [COL.date, COL.a1, COL.a2, COL.code, COL.root, COL.quad]
            .map((c) => x[c])
            .concat((x[COL2.added] as string).slice(0, 8))
            .join('|'),
        ),
      );
      return {
        name: path.split('/').pop() as string,
        rows: keys.size,
        events: rows.length,
        mentions: rows.reduce((s, x) => s + Number(x[COL2.mentions]), 0),
        tones: rows.filter((x) => x[COL2.tone] !== '').length,
      };
    });
    expect(got).toEqual(want.sort((a, b) => (a.name < b.name ? -1 : 1)));
    // The samples' counts of events with a dyad (awk over the files): 422 + 607 + 440.
    expect(got.reduce((s, r) => s + Number(r.events), 0)).toBe(422 + 607 + 440);
  });

  it('its sums equal those of the rows (exactly for counts)', async () => {
    const pair = 'WHERE Actor1CountryCode IS NOT NULL AND Actor2CountryCode IS NOT NULL';
    const [r] = await w.all(`SELECT
        (SELECT sum(events) FROM dyad_days) AS rollup_events,
        (SELECT sum(mentions) FROM dyad_days) AS rollup_mentions,
        (SELECT sum(tone_count) FROM dyad_days) AS rollup_tones,
        (SELECT sum(goldstein_sum) FROM dyad_days) AS rollup_goldstein,
        (SELECT sum(goldstein_mentions) FROM dyad_days) AS rollup_goldstein_mentions,
        (SELECT sum(tone_sum) FROM dyad_days) AS rollup_tone,
        (SELECT count(*) FROM events ${pair}) AS events,
        (SELECT sum(NumMentions) FROM events ${pair}) AS mentions,
        (SELECT count(AvgTone) FROM events ${pair}) AS tones,
        (SELECT sum(GoldsteinScale) FROM events ${pair}) AS goldstein,
        (SELECT sum(GoldsteinScale * NumMentions) FROM events ${pair}) AS goldstein_mentions,
        (SELECT sum(AvgTone) FROM events ${pair}) AS tone`);
    expect(r?.rollup_events).toBe(r?.events);
    expect(r?.rollup_mentions).toBe(r?.mentions);
    expect(r?.rollup_tones).toBe(r?.tones);
    expect(r?.rollup_goldstein).toBeCloseTo(r?.goldstein as number, 9);
    expect(r?.rollup_goldstein_mentions).toBeCloseTo(r?.goldstein_mentions as number, 9);
    expect(r?.rollup_tone).toBeCloseTo(r?.tone as number, 9);
  });

  it('does not count a duplicated event, whether repeated from an earlier file or within its own', async () => {
    const tmp = tempDir();
    try {
      const source = linesOf(fixture('events-v2/20250103111500.export.CSV'));
      const korJpn = source.find((l) => l.split('\t')[COL.a1] === 'JPN' && l.split('\t')[COL.a2] === 'KOR');
      const fresh = edit(korJpn as string, { [COL.id]: '999000001' });
      const path = join(tmp.dir, '20990102000000.export.CSV');
      writeFileSync(path, `${[korJpn, fresh, fresh].join('\n')}\n`);
      const before = await dyadSeries(w, dyadQuery({ dyad: 'KOR-JPN', by: 'month' }));
      const r = await w.ingest(path);
      expect(r).toMatchObject({ accepted: 1, rejected: 2 });
      const q = await w.quarantine({ file: r.name });
      expect(q.map((x) => x.reason)).toEqual(['duplicate_event', 'duplicate_event']);
      const [mine] = await w.all(`SELECT sum(events) AS n FROM dyad_days WHERE file_id = ${r.fileId}`);
      expect(mine?.n).toBe(1);
      const after = await dyadSeries(w, dyadQuery({ dyad: 'KOR-JPN', by: 'month' }));
      const total = (ps: typeof before) => ps.reduce((s, p) => s + p.events, 0);
      expect(total(after)).toBe(total(before) + 1);

      // The zip of a file already loaded adds only duplicates: no rollup row.
      const zip = await w.ingest(fixture('events-v2/narayave__20190121220000.export.CSV.zip'));
      expect(zip).toMatchObject({ status: 'ingested', accepted: 0 });
      expect(await w.all(`SELECT * FROM dyad_days WHERE file_id = ${zip.fileId}`)).toEqual([]);
    } finally {
      tmp.cleanup();
    }
  });
});

describe('a warehouse made before the rollup existed', () => {
  const tmp = tempDir();
  const db = join(tmp.dir, 'old.duckdb');
  // Every rollup row as text: the sums compared digit for digit.
  const rollupRows = (w: Warehouse) =>
    w.all('SELECT CAST(t AS VARCHAR) AS r FROM dyad_days t ORDER BY r').then((rs) => rs.map((x) => x.r));
  let built: unknown[];
  let builtSeries: Row[];
  const q = dyadQuery({ dyad: 'KOR-JPN', by: 'month' });

  beforeAll(async () => {
    const w = await Warehouse.open(db);
    for (const f of SAMPLES) await w.ingest(f);
    built = await rollupRows(w);
    builtSeries = (await dyadSeries(w, q)) as unknown as Row[];
    await w.all('DROP TABLE dyad_days');
    w.close();
  }, 60_000);
  afterAll(() => tmp.cleanup());

  it('opened read-only, its indices read the event rows', async () => {
    const w = await Warehouse.open(db, { readOnly: true });
    try {
      expect(w.hasRollup).toBe(false);
      expectSameRows((await dyadSeries(w, q)) as unknown as Row[], builtSeries, 'series');
      expect(builtSeries.reduce((s, p) => s + Number(p.events), 0)).toBe(29);
      expect((await dyadByRoot(w, q)).reduce((s, p) => s + p.events, 0)).toBe(29);
      expect((await dyadByIssueArea(w, q)).reduce((s, p) => s + p.events, 0)).toBe(29);
      expect((await topEventTypes(w, q, 1000)).reduce((s, p) => s + p.events, 0)).toBe(29);
      // Three JPN–KOR events of 2024-12-04 are in 20250103111500.export.CSV (lines 21–23).
      expect((await dayEvents(w, q, '2024-12-04')).length).toBeGreaterThanOrEqual(3);
    } finally {
      w.close();
    }
  });

  it('opened for writing, gets the rollup rebuilt identical to the one ingest made', async () => {
    const w = await Warehouse.open(db);
    try {
      expect(w.hasRollup).toBe(true);
      expect(await rollupRows(w)).toEqual(built);
      expect(built.length).toBeGreaterThan(1000);
    } finally {
      w.close();
    }
    // A second open finds the rollup and leaves it as it is; a read-only one now reads it.
    const again = await Warehouse.open(db);
    expect(await rollupRows(again)).toEqual(built);
    again.close();
    const ro = await Warehouse.open(db, { readOnly: true });
    try {
      expect(ro.hasRollup).toBe(true);
      expectSameRows(
        (await dyadSeries(ro, q)) as unknown as Row[],
        (await dyadSeries(ro, q, DUCKDB_EVENTS)) as unknown as Row[],
        'series',
      );
    } finally {
      ro.close();
    }
  });
});
