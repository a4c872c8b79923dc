// Inputs that once stopped a whole ingest: a tone no GDELT row can have, a NUL byte, glob characters in
// a file name, an ingest callback of the fetcher that throws before it awaits anything.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Warehouse } from '../../src/signals/index.ts';
import { fixture, tempDir } from './helpers.ts';

const CLEAN = fixture('events-v2/20250104170000.export.CSV'); // 795 rows
const CLEAN2 = fixture('events-v2/20250103111500.export.CSV'); // 1215 rows
const AVG_TONE = 34; // zero-based field index in a GDELT 2.0 event row

const tmp = tempDir();
afterAll(() => tmp.cleanup());

/** CLEAN with line `at` (1-based) rewritten by `edit`. */
function editedCopy(name: string, at: number, edit: (fields: string[]) => string): string {
  const lines = readFileSync(CLEAN, 'utf8').split('\n');
  lines[at - 1] = edit((lines[at - 1] as string).split('\t'));
  const path = join(tmp.dir, name);
  writeFileSync(path, lines.join('\n'));
  return path;
}

describe('ingest robustness', () => {
  it('quarantines a tone outside GDELT’s −100 … +100 as out_of_range; the file and its rollup load', async () => {
    const path = editedCopy('20990101000000.export.CSV', 7, (f) => {
      f[AVG_TONE] = '1e21';
      return f.join('\t');
    });
    const w = await Warehouse.open(join(tmp.dir, 'tone.duckdb'));
    try {
      const r = await w.ingest(path);
      expect(r).toMatchObject({ status: 'ingested', accepted: 794, rejected: 1, lines: 795 });
      expect(await w.quarantine()).toEqual([
        expect.objectContaining({ line: 7, reason: 'out_of_range', field: 'AvgTone', value: '1e21' }),
      ]);
      const [{ n }] = (await w.all('SELECT count(*) AS n FROM dyad_days')) as [{ n: number }];
      expect(n).toBeGreaterThan(0);
    } finally {
      w.close();
    }
  });

  it('keeps a line with a NUL byte in the quarantine (shown as ␀) and loads the rest', async () => {
    const path = editedCopy('20990101001500.export.CSV', 3, (f) => {
      f[6] = `SE\0OUL`;
      return f.join('\t');
    });
    const w = await Warehouse.open(join(tmp.dir, 'nul.duckdb'));
    try {
      const r = await w.ingest(path);
      expect(r).toMatchObject({ accepted: 794, rejected: 1 });
      const [q] = await w.quarantine();
      expect(q).toMatchObject({ line: 3, reason: 'control_character' });
      expect(q?.raw).toContain('SE\u2400OUL');
    } finally {
      w.close();
    }
  });

  it('reads a file whose name has glob characters as itself, not as a pattern', async () => {
    const dir = join(tmp.dir, 'glob');
    mkdirSync(dir);
    // `x[1]…` as a pattern matches `x1…`, which holds other rows.
    copyFileSync(CLEAN, join(dir, 'x[1].export.CSV'));
    copyFileSync(CLEAN2, join(dir, 'x1.export.CSV'));
    const w = await Warehouse.open(join(tmp.dir, 'glob.duckdb'));
    try {
      const r = await w.ingest(join(dir, 'x[1].export.CSV'));
      expect(r).toMatchObject({ status: 'ingested', accepted: 795, rejected: 0 });
      const first = readFileSync(CLEAN, 'utf8').split('\t')[0];
      const [row] = await w.all('SELECT CAST(GLOBALEVENTID AS VARCHAR) AS id FROM events WHERE line = 1');
      expect(row?.id).toBe(first);
    } finally {
      w.close();
    }
  });
});
