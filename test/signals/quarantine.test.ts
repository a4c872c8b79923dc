import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Warehouse, ZipError } from '../../src/signals/index.ts';
import { countLines, fixture } from './helpers.ts';

let w: Warehouse;
beforeEach(async () => {
  w = await Warehouse.open(':memory:');
});
afterEach(() => w.close());

const SOURCE = fixture('events-v2/narayave__20190121220000.export.CSV');
const sourceLines = () => readFileSync(SOURCE, 'utf8').split('\n');

describe('rows broken in the wild', () => {
  it('puts each bad line of a damaged file in quarantine with its line, field and reason', async () => {
    const file = fixture('broken/mixed-problems.20190121220000.export.CSV');
    const r = await w.ingest(file);
    expect(r.lines).toBe(countLines(file));
    expect(r.accepted + r.rejected).toBe(40);
    const q = await w.quarantine();
    expect(q.map((x) => [x.line, x.reason, x.field])).toEqual([
      [2, 'bad_date', 'SQLDATE'],
      [4, 'bad_number', 'NumMentions'],
      [6, 'unknown_cameo', 'EventCode'],
      [8, 'column_count', null],
      [10, 'out_of_range', 'GoldsteinScale'],
      [12, 'invalid_utf8', null],
      [16, 'bad_number', 'AvgTone'],
      [18, 'duplicate_event', 'GLOBALEVENTID'],
      [20, 'bad_date', 'MonthYear'],
      [22, 'control_character', null],
      [24, 'column_count', null],
      [26, 'cameo_mismatch', 'EventRootCode'],
    ]);
    expect(r).toMatchObject({ accepted: 28, rejected: 12 });
    const byLine = new Map(q.map((x) => [x.line, x]));
    expect(byLine.get(2)?.value).toBe('20181345');
    expect(byLine.get(4)?.message).toBe('NumMentions: not a number ("x12")');
    expect(byLine.get(8)?.message).toBe('wrong number of tab-separated fields: 60 field(s)');
    expect(byLine.get(16)?.value).toBe('"-2.5"');
    // Invalid bytes cannot be stored as text; the rest of the line is kept, the bad bytes shown as U+FFFD.
    expect(byLine.get(12)?.raw).toContain('\uFFFD');
    // The duplicate is kept verbatim: it is the line before it.
    const lines = readFileSync(file, 'utf8').split('\n');
    expect(byLine.get(18)?.raw).toBe(lines[16]);
  });

  it('keeps a stray quote inside a text field as data', async () => {
    await w.ingest(fixture('broken/mixed-problems.20190121220000.export.CSV'));
    const rows = await w.all('SELECT Actor1Name FROM events WHERE line = 14');
    expect(rows).toEqual([{ Actor1Name: '"SEOUL' }]);
  });

  it('loads a CRLF re-save exactly like the original rows', async () => {
    const r = await w.ingest(fixture('broken/crlf.20190121220000.export.CSV'));
    expect(r).toMatchObject({ lines: 50, accepted: 50, rejected: 0 });
    const other = await Warehouse.open(':memory:');
    try {
      await other.ingest(SOURCE);
      const q = 'SELECT * EXCLUDE (file_id) FROM events WHERE line <= 50 ORDER BY line';
      expect(await w.all(q)).toEqual(await other.all(q));
    } finally {
      other.close();
    }
  });

  it('rejects every row of a semicolon re-save and says why', async () => {
    const r = await w.ingest(fixture('broken/semicolon.20190121220000.export.CSV'));
    expect(r).toMatchObject({ lines: 20, accepted: 0, rejected: 20 });
    const q = await w.quarantine();
    expect(new Set(q.map((x) => x.reason))).toEqual(new Set(['column_count']));
    expect(q[0]?.message).toBe(
      'wrong number of tab-separated fields: 1 field(s) (the line looks ";"-separated)',
    );
    expect(q[0]?.raw).toBe(sourceLines()[0]?.replaceAll('\t', ';'));
  });

  it('rejects the cut-off last line of a truncated download, keeps the complete ones', async () => {
    const file = fixture('broken/truncated.20190121220000.export.CSV');
    const r = await w.ingest(file);
    expect(r).toMatchObject({ lines: 31, accepted: 30, rejected: 1 });
    const [q] = await w.quarantine();
    expect(q).toMatchObject({ line: 31, reason: 'truncated_line' });
    expect(sourceLines()[30]?.startsWith(q?.raw ?? 'x')).toBe(true);
  });

  it('refuses a truncated zip as a whole and records nothing', async () => {
    await expect(w.ingest(fixture('broken/truncated.20190121220000.export.CSV.zip'))).rejects.toThrow(
      ZipError,
    );
    expect(await w.status()).toMatchObject({ files: 0, events: 0, rowsRejected: 0 });
  });

  it('refuses a file whose format it cannot tell', async () => {
    await expect(w.ingest(fixture('README.md'))).rejects.toThrow(/cannot tell the GDELT format/);
  });
});
