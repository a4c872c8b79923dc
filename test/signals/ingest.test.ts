import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Warehouse } from '../../src/signals/index.ts';
import { countLines, fixture, tempDir } from './helpers.ts';

const REAL = [
  'events-v2/narayave__20190121220000.export.CSV',
  'events-v2/aamend__events.csv',
  'events-v2/aamend__events.csv@2632828e.csv',
  'events-v2/padho__20161013151500.export.CSV',
  'events-v2/20241210143000.export.CSV',
  'events-v2/20241211113000.export.CSV',
  'events-v2/20250103111500.export.CSV',
  'events-v2/20250104170000.export.CSV',
  'events-v1/aamend__events1.csv',
  'events-v1/lumify__small.export.txt',
  'mentions-v2/aamend__mentions.csv',
];

describe('ingesting the real samples', () => {
  const tmp = tempDir();
  let w: Warehouse;
  beforeAll(async () => {
    w = await Warehouse.open(join(tmp.dir, 'signals.duckdb'));
  });
  afterAll(() => {
    w.close();
    tmp.cleanup();
  });

  it.each(REAL)(
    '%s: accepted + rejected equals the line count, every rejection has a reason',
    async (file) => {
      const r = await w.ingest(fixture(file));
      expect(r.status).toBe('ingested');
      expect(r.lines).toBe(countLines(fixture(file)));
      expect(r.accepted + r.rejected).toBe(countLines(fixture(file)));
      const q = await w.quarantine({ file: r.name });
      expect(q).toHaveLength(r.rejected);
      for (const row of q) expect(row.reason).toMatch(/^[a-z_0-9]+$/);
      const table = r.kind === 'mentions-v2' ? 'mentions' : 'events';
      const [{ n }] = (await w.all(`SELECT count(*) AS n FROM ${table} WHERE file_id = ${r.fileId}`)) as [
        { n: number },
      ];
      expect(n).toBe(r.accepted);
    },
  );

  it('loads every raw sample row except the real historical row with GLOBALEVENTID 0 … which it keeps', async () => {
    const [{ n }] = (await w.all('SELECT count(*) AS n FROM events WHERE GLOBALEVENTID = 0')) as [
      { n: number },
    ];
    expect(n).toBe(1);
    const s = await w.status();
    expect(s.rejectedByReason).toEqual({});
    expect(s.events).toBe(1629 + 100 + 100 + 3566 + 2009 + 1845 + 1215 + 795 + 100 + 10);
    expect(s.mentions).toBe(100);
  });

  it('types fields as GDELT documents them (peer check: padho/gdelt GdeltApiTest)', async () => {
    const [first] = await w.all(
      `SELECT GLOBALEVENTID, Actor1Code, Actor2Code, Actor2Name, Actor2CountryCode, IsRootEvent, EventCode,
        EventBaseCode, EventRootCode, QuadClass, strftime(SQLDATE, '%Y-%m-%d') AS d FROM events e JOIN files f USING (file_id)
       WHERE f.name = 'padho__20161013151500.export.CSV' ORDER BY line LIMIT 1`,
    );
    expect(first).toEqual({
      GLOBALEVENTID: 588604779,
      Actor1Code: null,
      Actor2Code: 'DEU',
      Actor2Name: 'HALLE',
      Actor2CountryCode: 'DEU',
      // The peer asserts false (Java's Boolean.parseBoolean("1")); the raw field is 1.
      IsRootEvent: true,
      EventCode: '040',
      EventBaseCode: '040',
      EventRootCode: '04',
      QuadClass: 1,
      d: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
    });
    const [{ n }] = (await w.all(
      `SELECT count(*) AS n FROM events JOIN files USING (file_id) WHERE name = 'padho__20161013151500.export.CSV'
       AND EventRootCode IN ('06','07','13','14','17','18','19','20')`,
    )) as [{ n: number }];
    expect(n).toBe(653);
  });

  it('keeps the line of every row, so a row can be traced back to its file', async () => {
    const text = readFileSync(fixture('events-v2/20250104170000.export.CSV'), 'utf8').split('\n');
    const rows = await w.all(
      `SELECT line, CAST(GLOBALEVENTID AS VARCHAR) AS id FROM events JOIN files USING (file_id)
       WHERE name = '20250104170000.export.CSV' ORDER BY line`,
    );
    expect(rows).toHaveLength(795);
    for (const r of rows) expect(text[Number(r.line) - 1]?.split('\t')[0]).toBe(r.id);
  });

  it('reads v1 rows of 57 and 58 fields into the same table, DATEADDED as a date', async () => {
    const rows = await w.all(
      `SELECT count(*) FILTER (WHERE SOURCEURL IS NULL) AS no_url, count(*) AS n,
        count(*) FILTER (WHERE Actor1Geo_ADM2Code IS NOT NULL) AS adm2,
        min(strftime(DATEADDED, '%H%M%S')) AS t0, max(strftime(DATEADDED, '%H%M%S')) AS t1
       FROM events JOIN files USING (file_id) WHERE name = 'aamend__events1.csv'`,
    );
    expect(rows[0]).toEqual({ no_url: 40, n: 100, adm2: 0, t0: '000000', t1: '000000' });
  });

  it('ingesting the same file again adds nothing', async () => {
    const before = await w.status();
    const r = await w.ingest(fixture('events-v2/20250103111500.export.CSV'));
    expect(r.status).toBe('skipped');
    expect(await w.status()).toEqual(before);
  });

  it('a zip and its plain member hold the same rows; the zip adds only duplicates', async () => {
    const r = await w.ingest(fixture('events-v2/narayave__20190121220000.export.CSV.zip'));
    expect(r).toMatchObject({
      status: 'ingested',
      lines: 1629,
      accepted: 0,
      rejected: 1629,
      md5: '493919c9c5ff4e11f0d71c55e3a3df0c',
    });
    const q = await w.quarantine({ file: r.name });
    expect(new Set(q.map((x) => x.reason))).toEqual(new Set(['duplicate_event']));
    const plain = readFileSync(fixture('events-v2/narayave__20190121220000.export.CSV'), 'utf8').split('\n');
    expect(q.map((x) => x.raw)).toEqual(plain.slice(0, 1629));
  });

  it('GLOBALEVENTID is unique across the warehouse', async () => {
    const [{ dupes }] = (await w.all(
      'SELECT count(*) - count(DISTINCT GLOBALEVENTID) AS dupes FROM events',
    )) as [{ dupes: number }];
    expect(dupes).toBe(0);
  });
});

describe('a zip on its own', () => {
  it('loads the same rows as the plain file', async () => {
    const a = await Warehouse.open(':memory:');
    const b = await Warehouse.open(':memory:');
    try {
      await a.ingest(fixture('events-v2/narayave__20190121220000.export.CSV.zip'));
      await b.ingest(fixture('events-v2/narayave__20190121220000.export.CSV'));
      const q = 'SELECT * EXCLUDE (file_id) FROM events ORDER BY line';
      const [ra, rb] = [await a.all(q), await b.all(q)];
      expect(ra).toHaveLength(1629);
      expect(ra).toEqual(rb);
    } finally {
      a.close();
      b.close();
    }
  });
});
