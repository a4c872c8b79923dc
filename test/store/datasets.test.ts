import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Db, datasetStore, namespaceOf, storedDatasets } from '../../src/core/index.ts';
import { datasetFiles, importDataset, readDataset } from '../../src/dataset/index.ts';
import { getPaper } from '../../src/publications/index.ts';
import { refreshSearchIndex, SearchQuery, search } from '../../src/search/index.ts';
import { BUNDLED, copyDataset, edit, mustLoad, yamlFilesOf } from '../helpers/datasets.ts';
import { available, DRIVERS } from '../helpers/stores.ts';

function expectSameFiles(exported: Map<string, string>, dir: string) {
  const original = yamlFilesOf(dir);
  expect([...exported.keys()].sort()).toEqual([...original.keys()].sort());
  for (const [name, text] of exported) expect(text, name).toBe(original.get(name));
}

const PAPER = 'partnership-2025-01-economic-cooperation';

// A second dataset that uses every id of the first: the bundled record under another dataset id,
// with one paper retitled, so that a record read from the wrong dataset shows.
const CLASH = copyDataset(BUNDLED);
edit(path.join(CLASH, 'dataset.yaml'), 'id: korea-japan', 'id: clash');
edit(path.join(CLASH, `papers/${PAPER}.yaml`), 'title: "[EAI', 'title: "Clashing copy: [EAI');

for (const driver of DRIVERS) {
  const runnable = await available(driver);
  describe.skipIf(!runnable)(`two datasets in one store on ${driver.name}`, () => {
    let db: Db;
    let drop: () => Promise<void>;
    let first: Db;
    let second: Db;
    beforeAll(async () => {
      ({ db, drop } = await driver.open());
      first = (await datasetStore(db, 'korea-japan', { create: true }))!;
      await importDataset(first, mustLoad(BUNDLED));
      second = (await datasetStore(db, 'clash', { create: true }))!;
      await importDataset(second, mustLoad(CLASH));
    });
    afterAll(async () => {
      await drop();
    });

    it('keeps the first dataset in the shared schema and gives the second its own', async () => {
      expect(first.namespace).toBe('public');
      expect(second.namespace).toBe(namespaceOf('clash'));
      expect(await storedDatasets(db)).toEqual([
        { id: 'korea-japan', title: 'South Korea–Japan partnership', namespace: 'public', isDefault: true },
        expect.objectContaining({ id: 'clash', namespace: 'dataset_clash', isDefault: false }),
      ]);
      expect(await datasetStore(db, 'nowhere')).toBeUndefined();
    });

    it('exports each dataset back byte for byte, and a re-import changes nothing', async () => {
      expectSameFiles(datasetFiles(await readDataset(first)), BUNDLED);
      expectSameFiles(datasetFiles(await readDataset(second)), CLASH);
      expect((await importDataset(first, mustLoad(BUNDLED))).changes).toBe(0);
      expect((await importDataset(second, mustLoad(CLASH))).changes).toBe(0);
    });

    it('reads the same id as a different record in each dataset', async () => {
      const mine = await getPaper(first, PAPER);
      const theirs = await getPaper(second, PAPER);
      expect(theirs?.title).toBe(`Clashing copy: ${mine?.title}`);
    });

    it('searches within one dataset', async () => {
      await refreshSearchIndex(first);
      await refreshSearchIndex(second);
      const q = SearchQuery.parse({ q: 'clashing' });
      expect((await search(first, q)).total).toBe(0);
      expect((await search(second, q)).hits.map((h) => h.id)).toContain(PAPER);
    });

    it('re-opening a dataset finds its schema migrated, and a changed record stays in its dataset', async () => {
      const again = (await datasetStore(db, 'clash'))!;
      const changed = copyDataset(CLASH);
      edit(path.join(changed, `papers/${PAPER}.yaml`), 'Clashing copy: ', 'Clashing copy, changed: ');
      const report = await importDataset(again, mustLoad(changed));
      expect(report.tables.papers.updated).toBe(1);
      expect((await getPaper(first, PAPER))?.title).not.toMatch(/Clashing/);
      expectSameFiles(datasetFiles(await readDataset(first)), BUNDLED);
      await importDataset(again, mustLoad(CLASH));
    });
  });
}
