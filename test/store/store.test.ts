import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Db, loadMigrations, migrate } from '../../src/core/index.ts';
import { datasetFiles, importDataset, readDataset } from '../../src/dataset/index.ts';
import { getPaper, listPapers } from '../../src/publications/index.ts';
import { listCommitments, listMilestones, listRecommendations } from '../../src/tracker/index.ts';
import { BUNDLED, copyDataset, edit, MINI, mustLoad, yamlFilesOf } from '../helpers/datasets.ts';
import { available, DRIVERS } from '../helpers/stores.ts';

// One suite, both drivers: the embedded store and a real PostgreSQL server must behave the same.
for (const driver of DRIVERS) {
  const runnable = await available(driver);
  describe.skipIf(!runnable)(`records store on ${driver.name}`, () => {
    let db: Db;
    let drop: () => Promise<void>;
    beforeEach(async () => {
      ({ db, drop } = await driver.open());
    });
    afterEach(async () => {
      await drop();
    });

    it('records every migration once, and a second run applies nothing', async () => {
      const rows = await db.query<{ id: number; name: string }>(
        'SELECT id, name FROM entente_migrations ORDER BY id',
      );
      expect(rows.map((r) => r.name)).toEqual(loadMigrations().map((m) => m.name));
      expect(await migrate(db)).toEqual({ applied: [], alreadyApplied: rows.length });
    });

    it('refuses to run when a landed migration was edited', async () => {
      const edited = loadMigrations().map((m, i) => (i === 0 ? { ...m, checksum: 'edited' } : m));
      await expect(migrate(db, edited)).rejects.toThrow(/was changed after it was applied/);
    });

    it('imports the bundled record, and a second import changes nothing', async () => {
      const dataset = mustLoad(BUNDLED);
      const first = await importDataset(db, dataset);
      expect(first.changes).toBeGreaterThan(100);
      expect(first.tables.recommendations.inserted).toBe(
        dataset.papers.flatMap((p) => p.recommendations).length,
      );
      const second = await importDataset(db, dataset);
      expect(second.changes).toBe(0);
      expect(second.tables.recommendations.unchanged).toBe(first.tables.recommendations.inserted);
    });

    it('exports the bundled record byte for byte as it was imported', async () => {
      await importDataset(db, mustLoad(BUNDLED));
      const exported = datasetFiles(await readDataset(db));
      const original = yamlFilesOf(BUNDLED);
      expect([...exported.keys()].sort()).toEqual([...original.keys()].sort());
      for (const [name, text] of exported) expect(text, name).toBe(original.get(name));
    });

    it('updates a changed record in place and counts its version', async () => {
      await importDataset(db, mustLoad(MINI));
      const dir = copyDataset(MINI);
      edit(
        path.join(dir, 'papers/2025-skj-08-introduction.yaml'),
        'title: Trilateral nuclear risk discussions',
        'title: Trilateral nuclear-risk talks',
      );
      const report = await importDataset(db, mustLoad(dir));
      expect(report.tables.recommendations).toEqual({ inserted: 0, updated: 1, unchanged: 0, removed: 0 });
      expect(report.changes).toBe(1);
      const [rec] = await listRecommendations(db);
      expect(rec).toMatchObject({ title: 'Trilateral nuclear-risk talks', version: 2 });
    });

    it('makes a survey series exactly its file: results removed from the file are removed', async () => {
      await importDataset(db, mustLoad(MINI));
      const d = mustLoad(MINI);
      d.surveys[0]!.results = [];
      const report = await importDataset(db, d);
      expect(report.tables.surveyResults.removed).toBe(1);
      expect((await readDataset(db)).surveys[0]!.results).toEqual([]);
    });

    it('re-imports a survey series whose waves were renamed or removed', async () => {
      await importDataset(db, mustLoad(MINI));
      const d = mustLoad(MINI);
      const survey = d.surveys[0]!;
      survey.waves[0]!.id = '2023-japan';
      survey.results[0]!.wave = '2023-japan';
      const report = await importDataset(db, d);
      expect(report.tables.surveyWaves).toMatchObject({ inserted: 1, removed: 1 });
      expect((await readDataset(db)).surveys[0]!.results.map((r) => r.wave)).toEqual(['2023-japan']);
    });

    it('leaves the store untouched when an import fails half-way', async () => {
      await importDataset(db, mustLoad(MINI));
      const before = datasetFiles(await readDataset(db));
      const d = mustLoad(MINI);
      // Bypass validation: a recommendation naming an author the store does not have.
      d.papers[0]!.recommendations.push({
        ...d.papers[0]!.recommendations[0]!,
        id: 'x-new',
        contributor: 'nobody',
      });
      d.parties[0]!.name.en = 'Changed before the failure';
      await expect(importDataset(db, d)).rejects.toThrow();
      expect(datasetFiles(await readDataset(db))).toEqual(before);
    });

    it('answers the reads of the site', async () => {
      await importDataset(db, mustLoad(MINI));
      const paper = await getPaper(db, '2025-skj-08-introduction');
      expect(paper).toMatchObject({
        number: 8,
        date: '2025-02-24',
        series_title: '2025 South Korea-Japan Partnership',
        program_title: 'Redesigning Korea-Japan Relations',
        authors: [
          { author_id: 'ryo-sahashi', affiliation: 'Professor, University of Tokyo', inferred: false },
        ],
      });
      expect(await listPapers(db, { author: 'jiyoung-ko' })).toEqual([]);
      expect((await listRecommendations(db, { party: 'USA' })).map((r) => r.id)).toEqual([
        'trilateral-nuclear-risk-discussions',
      ]);
      expect(await listRecommendations(db, { party: 'CHN' })).toEqual([]);
      // A top-level issue area includes its sub-areas.
      expect(await listRecommendations(db, { area: 'security-geopolitics' })).toHaveLength(1);
      expect(await listRecommendations(db, { area: 'global-agenda-functional' })).toHaveLength(0);
      expect(await listRecommendations(db, { format: 'bilateral' })).toHaveLength(0);
      const [m] = await listMilestones(db, { party: 'KOR' });
      expect(m).toMatchObject({ date: '1965-06-22', date_end: '1965-12-18', commitments: 0 });
      expect(await listCommitments(db)).toEqual([]);
    });
  });
}

describe('both drivers', () => {
  it('return the same records for the same data', async () => {
    const runnable = await Promise.all(DRIVERS.map(available));
    if (!runnable.every(Boolean)) return;
    const results = [];
    for (const driver of DRIVERS) {
      const { db, drop } = await driver.open();
      await importDataset(db, mustLoad(BUNDLED));
      results.push({
        recommendations: await listRecommendations(db),
        papers: await listPapers(db),
        milestones: await listMilestones(db),
        commitments: await listCommitments(db),
      });
      await drop();
    }
    expect(results[1]).toEqual(results[0]);
  });
});
