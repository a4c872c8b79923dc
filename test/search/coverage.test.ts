import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/core/index.ts';
import { type Field, type Kind, refreshSearchIndex, search, tokens } from '../../src/search/index.ts';
import { appWith } from '../helpers/app.ts';
import { BUNDLED } from '../helpers/datasets.ts';

let db: Db;
let app: Awaited<ReturnType<typeof appWith>>['app'];
beforeAll(async () => {
  ({ db, app } = await appWith(BUNDLED));
  await refreshSearchIndex(db);
});
afterAll(() => db.close());

/** Whether a query finds the record, on whatever page of its kind it ranks. */
async function finds(query: string, kind: Kind, id: string): Promise<boolean> {
  for (let page = 1; page <= 100; page++) {
    const r = await search(db, { q: query, kind: [kind], page, size: 100 });
    if (r.hits.some((h) => h.id === id)) return true;
    if (page * 100 >= r.total) return false;
  }
  return false;
}

describe('search over the bundled record', () => {
  it('finds every record from a word of each of its texts: titles, summaries, quotes, evidence, questions', async () => {
    const docs = await db.query<{ kind: Kind; id: string; fields: Field[] }>(
      'SELECT kind, id, fields FROM search_documents ORDER BY kind, id',
    );
    expect(new Set(docs.map((d) => d.kind))).toEqual(
      new Set(['paper', 'recommendation', 'commitment', 'milestone', 'evidence', 'question']),
    );
    const missed: string[] = [];
    let asked = 0;
    for (const d of docs) {
      for (const f of d.fields) {
        const words = tokens(f.text);
        // The longest alphabetic word, and the first CJK bigram, copied from the text as stored.
        const longest = words.filter((w) => !w.cjk).sort((a, b) => b.term.length - a.term.length)[0];
        const bigram = words.find((w) => w.cjk && w.term.length === 2);
        for (const w of [longest, bigram]) {
          if (!w) continue;
          const query = f.text.slice(w.start, w.end);
          asked++;
          if (!(await finds(query, d.kind, d.id))) missed.push(`${d.kind}:${d.id} ${f.name} "${query}"`);
        }
      }
    }
    expect(missed).toEqual([]);
    expect(asked).toBeGreaterThan(500);
  });

  it('links every result to a page that exists', async () => {
    const docs = await db.query<{ kind: Kind; id: string; url: string }>(
      'SELECT kind, id, url FROM search_documents',
    );
    const broken: string[] = [];
    for (const d of docs) {
      const res = await app.request(d.url);
      if (res.status !== 200) broken.push(`${d.kind}:${d.id} ${d.url} → ${res.status}`);
    }
    expect(broken).toEqual([]);
  });
});
