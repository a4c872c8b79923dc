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

// Every record a query finds among records of a kind, on every page; many texts share their longest
// word, so each query is paged through once.
const found = new Map<string, Promise<Set<string>>>();
async function allFound(query: string, kind: Kind): Promise<Set<string>> {
  const ids = new Set<string>();
  for (let page = 1; page <= 100; page++) {
    const r = await search(db, { q: query, kind: [kind], page, size: 100 });
    for (const h of r.hits) ids.add(h.id);
    if (page * 100 >= r.total) break;
  }
  return ids;
}

/** Whether a query finds the record, on whatever page of its kind it ranks. */
async function finds(query: string, kind: Kind, id: string): Promise<boolean> {
  const key = `${kind}\u0000${query}`;
  if (!found.has(key)) found.set(key, allFound(query, kind));
  return (await found.get(key)!).has(id);
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
    // Pieces of evidence link into the page of their assessment: each page is asked for once.
    const status = new Map<string, Promise<number>>();
    for (const d of docs) {
      const page = d.url.split('#')[0]!;
      if (!status.has(page))
        status.set(
          page,
          Promise.resolve(app.request(page)).then((r) => r.status),
        );
      const code = await status.get(page)!;
      if (code !== 200) broken.push(`${d.kind}:${d.id} ${d.url} → ${code}`);
    }
    expect(status.size).toBeGreaterThan(200);
    expect(broken).toEqual([]);
  });
});
