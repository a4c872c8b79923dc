import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/core/index.ts';
import { importDataset } from '../../src/dataset/index.ts';
import { rebuildSearchIndex, type SearchResult, search } from '../../src/search/index.ts';
import { mustLoad } from '../helpers/datasets.ts';
import { available, DRIVERS } from '../helpers/stores.ts';
import { lookalikeDir, SEED_NOTE } from './fixture.ts';

const dataset = () => mustLoad(lookalikeDir());

const q = (text: string, kind: SearchResult['hits'][number]['kind'][] = []) => ({
  q: text,
  kind,
  page: 1,
  size: 20,
});
const ids = (r: SearchResult) => r.hits.map((h) => `${h.kind}:${h.id}`);
const marked = (r: SearchResult, i = 0) => r.hits[i]!.snippet.filter((s) => s.match).map((s) => s.text);

// One suite, both stores: the same query must find the same records in the same order.
for (const driver of DRIVERS) {
  const runnable = await available(driver);
  describe.skipIf(!runnable)(`search on ${driver.name}`, () => {
    let db: Db;
    let drop: () => Promise<void>;
    beforeAll(async () => {
      ({ db, drop } = await driver.open());
      await importDataset(db, dataset());
    });
    afterAll(async () => {
      await drop();
    });

    it('finds a word spelled with look-alike letters from a Latin-keyboard query, and shows it as stored', async () => {
      for (const word of ['administration', 'ADMINISTRATION', 'systems', 'system']) {
        const r = await search(db, q(word));
        expect(ids(r), word).toEqual(['paper:2025-skj-08-introduction']);
      }
      const r = await search(db, q('administration'));
      expect(marked(r)).toEqual(['admіnistration']); // U+0456, exactly as the record has it
      expect(r.hits[0]!.snippet.map((s) => s.text).join('')).toBe(SEED_NOTE);
      // The query may carry look-alikes too.
      expect(ids(await search(db, q('sуstem')))).toEqual(['paper:2025-skj-08-introduction']); // Cyrillic у
    });

    it('finds Korean and Japanese text from two-character queries (Hangul, Kanji, Kana)', async () => {
      const question = 'question:eai-genron-joint-poll/jp-impression-of-korea';
      for (const text of ['한국', '인상', '韓国', '印象', 'どのよう', 'ような', '한국에 대한']) {
        expect(ids(await search(db, q(text))), text).toEqual([question]);
      }
      const r = await search(db, q('印象'));
      expect(marked(r)).toEqual(['印象']);
      // Bigrams of a query must stand together: "国印" does not occur in the text.
      expect((await search(db, q('国印'))).total).toBe(0);
      expect((await search(db, q('한국 없다'))).total).toBe(0);
    });

    it('searches titles, summaries, quotes and survey questions, ranked titles first', async () => {
      expect(ids(await search(db, q('basic treaty')))).toEqual([
        'milestone:1965-06-22-treaty-on-basic-relations',
      ]);
      // "nuclear" is in a recommendation's title and a commitment-free summary; the title ranks first.
      const nuclear = await search(db, q('nuclear'));
      expect(ids(nuclear)[0]).toBe('recommendation:trilateral-nuclear-risk-discussions');
      expect(ids(await search(db, q('impression')))).toEqual([
        'question:eai-genron-joint-poll/jp-impression-of-korea',
        'question:eai-genron-joint-poll/kr-impression-of-japan',
      ]);
      // Prefixes of three letters or more: "impress" finds "impression"; every word must match.
      expect(ids(await search(db, q('impress south')))).toEqual([
        'question:eai-genron-joint-poll/jp-impression-of-korea',
      ]);
      expect((await search(db, q('impression zebra'))).total).toBe(0);
    });

    it('filters by kind and counts every kind', async () => {
      const all = await search(db, q('japan'));
      expect(all.counts.question).toBe(2);
      expect(all.counts.milestone).toBe(1);
      const only = await search(db, q('japan', ['milestone']));
      expect(ids(only)).toEqual(['milestone:1965-06-22-treaty-on-basic-relations']);
      expect(only.total).toBe(1);
      expect(only.counts).toEqual(all.counts);
    });

    it('answers nothing, without error, to a query with no searchable term', async () => {
      for (const text of ['', '   ', '!!!', "'", '\\', '&|!<->:*']) {
        expect((await search(db, q(text))).total, JSON.stringify(text)).toBe(0);
      }
    });

    it('keeps the index up to date with every write, in the writer’s transaction', async () => {
      await db.query(
        "UPDATE recommendations SET summary = summary || ' Semiconductor supply chains.' WHERE id = $1",
        ['trilateral-nuclear-risk-discussions'],
      );
      expect(ids(await search(db, q('semiconductor')))).toEqual([
        'recommendation:trilateral-nuclear-risk-discussions',
      ]);
      // A write that rolls back leaves nothing behind.
      await db
        .transaction(async (tx) => {
          await tx.query(
            "UPDATE milestones SET summary = 'Zanzibar' WHERE id = '1965-06-22-treaty-on-basic-relations'",
          );
          throw new Error('rolled back');
        })
        .catch(() => {});
      expect((await search(db, q('zanzibar'))).total).toBe(0);
      // Re-importing the dataset restores the record, and the index follows.
      await importDataset(db, dataset());
      expect((await search(db, q('semiconductor'))).total).toBe(0);
      expect((await search(db, q('administration'))).total).toBe(1);
    });

    it('indexes the evidence of published assessments only', async () => {
      const insert = (id: string, state: string, quote: string) =>
        db.query(
          `INSERT INTO assessments (id, item_id, as_of, implementation, rationale, evidence, assessor, state)
           VALUES ($1, 'trilateral-nuclear-risk-discussions', '2025-06-01', 1, 'Talks began.', $2, 'test', $3)`,
          [id, JSON.stringify([{ title: 'Joint statement', publisher: 'MOFA', quote }]), state],
        );
      await insert('published-one', 'published', 'The three sides held a dіalogue on nuclear deterrence.');
      await insert('draft-one', 'draft', 'A secret draft mentions quokkas.');
      const r = await search(db, q('dialogue', ['evidence']));
      expect(ids(r)).toEqual(['evidence:published-one']);
      // The recommendation's "dialogues" matches too: a prefix, in another kind of record.
      expect((await search(db, q('dialogue'))).counts).toMatchObject({ evidence: 1, recommendation: 1 });
      expect(marked(r)).toEqual(['dіalogue']);
      expect((await search(db, q('quokkas'))).total).toBe(0);
      await db.query("UPDATE assessments SET state = 'published' WHERE id = 'draft-one'");
      expect(ids(await search(db, q('quokkas')))).toEqual(['evidence:draft-one']);
    });

    it('rebuilds to the same index', async () => {
      const before = await search(db, q('japan'));
      expect(await rebuildSearchIndex(db)).toBeGreaterThan(0);
      expect(await search(db, q('japan'))).toEqual(before);
    });
  });
}
