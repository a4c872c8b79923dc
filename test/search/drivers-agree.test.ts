import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/core/index.ts';
import { importDataset } from '../../src/dataset/index.ts';
import { type Field, refreshSearchIndex, search, tokens } from '../../src/search/index.ts';
import { BUNDLED, mustLoad } from '../helpers/datasets.ts';
import { available, DRIVERS } from '../helpers/stores.ts';

const bothRunnable = (await Promise.all(DRIVERS.map(available))).every(Boolean);

// The same record in both stores must give the same answers, rank for rank: the terms are made by
// Entente and stored as tsvector literals precisely so that no server setting can tell them apart.
describe.skipIf(!bothRunnable)('search on PGlite and PostgreSQL', () => {
  const stores: { db: Db; drop: () => Promise<void> }[] = [];
  beforeAll(async () => {
    const dataset = mustLoad(BUNDLED);
    for (const d of DRIVERS) {
      const s = await d.open();
      await importDataset(s.db, dataset);
      stores.push(s);
    }
  });
  afterAll(async () => {
    for (const s of stores) await s.drop();
  });

  it('answers the same results, in the same order, with the same ranks and snippets', async () => {
    await refreshSearchIndex(stores[0]!.db);
    const docs = await stores[0]!.db.query<{ fields: Field[] }>(
      'SELECT fields FROM search_documents ORDER BY kind, id',
    );
    // Words spread evenly over the record, Korean and Japanese bigrams, pairs of words: ~110 queries.
    const words = docs.flatMap((d) =>
      d.fields.flatMap((f) => tokens(f.text).map((t) => f.text.slice(t.start, t.end))),
    );
    const step = Math.floor(words.length / 80);
    const queries = words.filter((_, i) => i % step === 0);
    const hangul = [...new Set(words.filter((w) => /\p{Script=Hangul}/u.test(w)))];
    const japanese = [
      ...new Set(words.filter((w) => /[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}]/u.test(w))),
    ];
    queries.push(...hangul.slice(0, 10), ...japanese.slice(0, 10));
    for (let i = 0; i + 1 < 20; i += 2) queries.push(`${queries[i]} ${queries[i + 1]}`);
    expect(queries.some((q) => /\p{Script=Hangul}/u.test(q))).toBe(true);
    for (const q of queries) {
      const [a, b] = await Promise.all(stores.map((s) => search(s.db, { q, kind: [], page: 1, size: 50 })));
      expect(b, q).toEqual(a);
    }
  });
});
