import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changeVersions, type PgliteDb, recordingReads } from '../../src/core/index.ts';
import { refreshSearchIndex } from '../../src/search/index.ts';
import { dependencies, type ReadVersions } from '../../src/web/cache.ts';
import { createApp } from '../../src/web/index.ts';
import { everyPageKind, type PageKind } from '../helpers/pages.ts';
import { pgliteFrom } from '../helpers/templates.ts';

const versions: ReadVersions = {
  all: '41',
  tables: new Map([
    ['papers', '3'],
    ['assessments', '7'],
    ['milestones', '0'],
  ]),
  always: '2',
};

describe('what a kept answer depends on', () => {
  it('is each watched table its statements name, and what every answer depends on', () => {
    const deps = dependencies(
      [
        'SELECT id, title FROM Papers WHERE id = $1',
        "SELECT count(*) FROM assessments WHERE state = 'published'",
      ],
      versions,
    );
    expect(new Map(deps)).toEqual(
      new Map([
        ['', '2'],
        ['papers', '3'],
        ['assessments', '7'],
      ]),
    );
  });

  it('is the whole store for a read of the search index, which is made from every table', () => {
    const deps = new Map(
      dependencies(['SELECT kind, record_id FROM search_documents WHERE doc @@ $1'], versions),
    );
    expect(deps.get('*')).toBe('41');
    expect(deps.has('papers')).toBe(false);
  });

  it('names no table for statements that read none, and the whole store where no table has a number yet', () => {
    expect(dependencies(['SELECT 1'], versions)).toEqual([['', '2']]);
    expect(new Map(dependencies(['SELECT 1'], { all: '5', tables: new Map() })).get('*')).toBe('5');
  });
});

describe('the dependencies of every kind of page', () => {
  let db: PgliteDb;
  let app: ReturnType<typeof createApp>;
  let kinds: PageKind[];
  beforeAll(async () => {
    db = await pgliteFrom('bundled');
    await refreshSearchIndex(db);
    app = createApp({ db });
    // Signals pages read the warehouse, not the store, and are never kept.
    kinds = (await everyPageKind(db)).filter((k) => k.kind !== 'signals');
  });
  afterAll(() => db.close());

  // The server's own count of the scans of each table: what a rendering read, whether or not its
  // statements name it (a view, a function or a trigger would read tables no statement names).
  const scans = async () => {
    await db.query('SELECT pg_stat_force_next_flush()');
    await db.query('SELECT 1');
    await db.query('SELECT pg_stat_clear_snapshot()');
    const rows = await db.query<{ name: string; n: number }>(
      'SELECT relname AS name, seq_scan + coalesce(idx_scan, 0) AS n FROM pg_stat_user_tables',
    );
    return new Map(rows.map((r) => [r.name, Number(r.n)]));
  };

  it('names every watched table its rendering scanned, in English and in Korean', async () => {
    const { tables } = await changeVersions(db);
    let named = 0;
    for (const lang of ['en', 'ko'])
      for (const k of kinds) {
        const before = await scans();
        const { value: res, statements } = await recordingReads(async () => {
          const r = await app.request(`${k.path}${k.path.includes('?') ? '&' : '?'}lang=${lang}`);
          await r.arrayBuffer();
          return r;
        });
        expect(res.status, k.path).toBe(200);
        const after = await scans();
        const scanned = [...after].filter(([t, n]) => n > (before.get(t) ?? 0)).map(([t]) => t);
        const deps = new Map(dependencies(statements, { all: '1', tables }));
        const missed = scanned.filter((t) => tables.has(t) && !deps.has(t) && !deps.has('*'));
        expect(missed, `${k.kind} (${lang}) read tables it does not depend on`).toEqual([]);
        named += deps.size;
      }
    // The pages read the records: a recording that noted nothing would pass the check above.
    expect(named).toBeGreaterThan(kinds.length * 4);
  });
});
