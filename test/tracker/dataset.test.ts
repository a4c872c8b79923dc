import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { type Actor, addUser } from '../../src/accounts/index.ts';
import { migrate, openPglite } from '../../src/core/index.ts';
import {
  datasetFiles,
  importDataset,
  loadDataset,
  readDataset,
  writeDataset,
} from '../../src/dataset/index.ts';
import {
  correctAssessment,
  listAssessments,
  listLinks,
  publishAssessment,
  submitForReview,
} from '../../src/tracker/index.ts';
import { BUNDLED, copyDataset, edit, mustLoad } from '../helpers/datasets.ts';

const CLI: Actor = { id: null, name: 'test', role: 'admin' };

describe('assessments and links in the dataset', () => {
  it('bundles sourced assessments and links, each assessment with verbatim evidence', () => {
    const d = mustLoad(BUNDLED);
    const all = d.assessments.flatMap((f) => f.assessments);
    expect(all.length).toBeGreaterThanOrEqual(9);
    for (const a of all) {
      expect(a.state).toBe('published');
      expect(a.evidence.length).toBeGreaterThan(0);
    }
    expect(d.links.map((l) => l.recommendation)).toContain('intro-mro-us-naval-ships');
    // Evidence quotes the record's own sources word for word.
    const quotes = new Set(d.milestones.flatMap((m) => m.sources.map((s) => s.quote)));
    for (const e of all.flatMap((a) => a.evidence)) expect(quotes.has(e.quote), e.quote).toBe(true);
  });

  it('points at the file, line and field of a bad assessment or link', () => {
    const dir = copyDataset(BUNDLED);
    const file = path.join(dir, 'assessments/sado-annual-memorial.yaml');
    edit(file, '      - party: JPN', '      - party: KOR');
    edit(
      path.join(dir, 'links.yaml'),
      'milestone: 2024-07-us-navy-mro-hanwha-ocean',
      'milestone: no-such-milestone',
    );
    const r = loadDataset(dir);
    expect(r.dataset).toBeUndefined();
    expect(r.problems).toEqual([
      expect.objectContaining({
        file,
        line: 7,
        field: 'assessments.0.compliance.0.party',
        code: 'unknown_reference',
      }),
      expect.objectContaining({ file: path.join(dir, 'links.yaml'), field: 'links.2.milestone' }),
    ]);
  });

  it('refuses an assessment file named after another item', () => {
    const dir = copyDataset(BUNDLED);
    edit(
      path.join(dir, 'assessments/sado-annual-memorial.yaml'),
      'item: sado-annual-memorial',
      'item: sado-exhibit-korean-labourers',
    );
    expect(loadDataset(dir).problems).toEqual([
      expect.objectContaining({ code: 'file_name', field: 'item', line: 1 }),
    ]);
  });

  it('carries assessments made in the site, corrections and links through export and import unchanged', async () => {
    const db = await openPglite();
    await migrate(db);
    await importDataset(db, mustLoad(BUNDLED));
    const erin = await db.transaction((tx) =>
      addUser(tx, CLI, {
        username: 'erin',
        displayName: 'Erin',
        role: 'editor',
        password: 'a long password!',
      }),
    );
    const ed = await db.transaction((tx) =>
      addUser(tx, CLI, { username: 'ed', displayName: 'Ed', role: 'editor', password: 'a long password!' }),
    );
    const [original] = await listAssessments(db, { item: 'sado-annual-memorial' });
    const c = await correctAssessment(
      db,
      { ...erin, name: 'Erin', id: erin.id },
      original!.id,
      'Typo in the rationale',
      {
        as_of: '2024-11-24',
        implementation: 2,
        compliance: [{ party: 'JPN', score: 0 }],
        rationale: 'Corrected rationale.',
        evidence: original!.evidence,
      },
    );
    await submitForReview(db, { id: erin.id, name: 'Erin', role: 'editor' }, c.id, 1);
    await publishAssessment(db, { id: ed.id, name: 'Ed', role: 'editor' }, c.id, 2);

    const dir = mkdtempSync(path.join(tmpdir(), 'entente-export-'));
    writeDataset(dir, await readDataset(db));
    const text = readFileSync(path.join(dir, 'assessments/sado-annual-memorial.yaml'), 'utf8');
    expect(text).toContain(`corrects: ${original!.id}`);
    expect(text).toContain('published_by: Ed');
    // Accounts stay out of the dataset: names, never user ids or hashes.
    expect(text).not.toMatch(/assessor_id|argon2/);

    const again = await openPglite();
    await migrate(again);
    await importDataset(again, mustLoad(dir));
    expect(datasetFiles(await readDataset(again))).toEqual(datasetFiles(await readDataset(db)));
    expect((await listAssessments(again, { item: 'sado-annual-memorial' }))[1]).toMatchObject({
      corrected_by: c.id,
    });
    expect(await listLinks(again)).toEqual(await listLinks(db));
    // A second import of the same folder changes nothing.
    expect((await importDataset(again, mustLoad(dir))).changes).toBe(0);
    await db.close();
    await again.close();
  });
});
