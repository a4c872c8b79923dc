import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { type Actor, addUser } from '../../src/accounts/index.ts';
import {
  datasetFiles,
  importDataset,
  loadDataset,
  readDataset,
  writeDataset,
} from '../../src/dataset/index.ts';
import {
  correctAssessment,
  getAssessment,
  listAssessments,
  listLinks,
  publishAssessment,
  submitForReview,
} from '../../src/tracker/index.ts';
import { BUNDLED, copyDataset, edit, mustLoad } from '../helpers/datasets.ts';
import { pgliteFrom } from '../helpers/templates.ts';

const CLI: Actor = { id: null, name: 'test', role: 'admin' };

describe('assessments and links in the dataset', () => {
  it('assesses every tracked item of the bundled record, each assessment with findable, verbatim evidence', () => {
    const d = mustLoad(BUNDLED);
    const all = d.assessments.flatMap((f) => f.assessments.map((a) => ({ ...a, item: f.item })));
    const assessed = new Set(all.filter((a) => a.state === 'published').map((a) => a.item));
    const recommendations = d.papers.flatMap((p) => p.recommendations);
    const commitments = d.milestones.flatMap((m) => m.commitments);
    expect(recommendations.length).toBeGreaterThanOrEqual(58);
    for (const r of recommendations) {
      // A restating record is tracked through the records it restates; every other one is assessed.
      for (const id of r.restates ?? [r.id]) expect(assessed.has(id), `${r.id} → ${id}`).toBe(true);
    }
    for (const c of commitments) expect(assessed.has(c.id), c.id).toBe(true);
    for (const a of all) {
      expect(a.state).toBe('published');
      expect(a.evidence.length).toBeGreaterThan(0);
      if (a.implementation === 0) {
        expect(a.searched, a.id).toBeDefined();
        expect(a.rationale, a.id).toMatch(/^No step documented as of \d{4}-\d{2}-\d{2}/);
      }
      for (const e of a.evidence) {
        // An address, or a named document with the reason it has none; and a source quality.
        expect(e.url ?? (e.document && e.no_url), `${a.id}: ${e.title}`).toBeTruthy();
        expect(e.quote.length, a.id).toBeGreaterThan(0);
      }
      if (a.compliance) {
        const parties = commitments.find((c) => c.id === a.item)?.parties;
        expect(parties, `${a.id}: compliance only on commitments`).toBeDefined();
        expect(a.compliance.map((c) => c.party).sort(), a.id).toEqual([...parties!].sort());
      }
    }
    expect(d.links.map((l) => l.recommendation)).toContain('intro-mro-us-naval-ships');
    // Links and assessments go to the record a restating one points to, never to it.
    const restating = new Set(recommendations.filter((r) => r.restates).map((r) => r.id));
    for (const l of d.links) expect(restating.has(l.recommendation), l.recommendation).toBe(false);
  });

  it('refuses what a published assessment may not lack, and misused restatements, naming file:line', () => {
    const dir = copyDataset(BUNDLED);
    const file = path.join(dir, 'assessments/sado-annual-memorial.yaml');
    const text = readFileSync(file, 'utf8');
    const url = /^ {8}url: .*$/m.exec(text)![0];
    edit(file, `${url}\n`, '');
    const a4 = path.join(dir, 'assessments/a4-reassess-strategic-concepts.yaml');
    const searched = /^ {4}searched:\n(?: {6}.*\n)+/m.exec(readFileSync(a4, 'utf8'))![0];
    edit(a4, searched, '');
    writeFileSync(
      path.join(dir, 'assessments/intro-cyber-ai-global-norms.yaml'),
      readFileSync(path.join(dir, 'assessments/a1-cyber-ai-norms-leadership.yaml'), 'utf8')
        .replace('item: a1-cyber-ai-norms-leadership', 'item: intro-cyber-ai-global-norms')
        .replaceAll('id: a1-cyber-ai-norms-leadership-', 'id: intro-cyber-ai-global-norms-'),
    );
    edit(
      path.join(dir, 'papers/partnership-2025-08-introduction.yaml'),
      '      - a4-reassess-strategic-concepts',
      '      - no-such-recommendation',
    );
    const r = loadDataset(dir);
    expect(r.dataset).toBeUndefined();
    const codes = r.problems.map((p) => `${path.basename(p.file ?? '')}:${p.field}:${p.code}`);
    expect(codes).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /^sado-annual-memorial\.yaml:assessments\.\d\.evidence\.\d\.url:missing_address$/,
        ),
        'a4-reassess-strategic-concepts.yaml:assessments.0.searched:missing_search',
        'intro-cyber-ai-global-norms.yaml:item:not_applicable',
        expect.stringMatching(
          /^partnership-2025-08-introduction\.yaml:recommendations\.\d+\.restates\.0:unknown_reference$/,
        ),
      ]),
    );
    for (const p of r.problems) expect(p.line, `${p.file} ${p.field}`).toBeGreaterThan(0);
  });

  it('refuses a published assessment without evidence, and evidence without its quote, naming file:line', () => {
    const dir = copyDataset(BUNDLED);
    // A published assessment with no evidence, and evidence with no quote.
    const exercises = path.join(dir, 'assessments/camp-david-annual-multi-domain-exercises.yaml');
    const ex = readFileSync(exercises, 'utf8');
    const firstQuote = /^ {8}quote: .*\n/m.exec(ex)![0];
    edit(exercises, firstQuote, '');
    const lima = path.join(dir, 'assessments/lima-establish-trilateral-secretariat.yaml');
    const evidence = /^ {4}evidence:\n(?: {6}.*\n| {8}.*\n)+/m.exec(readFileSync(lima, 'utf8'))![0];
    edit(lima, evidence, '    evidence: []\n');
    const r = loadDataset(dir);
    expect(r.dataset).toBeUndefined();
    expect(r.problems.map((p) => `${path.basename(p.file ?? '')}:${p.field}:${p.code}`)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /^camp-david-annual-multi-domain-exercises\.yaml:assessments\.0\.evidence\.\d\.quote:invalid_type$/,
        ),
        'lima-establish-trilateral-secretariat.yaml:assessments.0.evidence:too_small',
      ]),
    );
    for (const p of r.problems) expect(p.line, `${p.file} ${p.field}`).toBeGreaterThan(0);
  });

  it('refuses a commitment quoted without its source, or paraphrased without a reason', () => {
    const dir = copyDataset(BUNDLED);
    const file = path.join(dir, 'milestones/2024-11-15-lima-trilateral-summit.yaml');
    const text = readFileSync(file, 'utf8');
    const block = /^ {4}quote_source:\n(?: {6}.*\n)+/m.exec(text)![0];
    edit(file, block, '');
    const r = loadDataset(dir);
    expect(r.problems).toEqual([
      expect.objectContaining({ file, field: 'commitments.0.quote_source', code: 'custom' }),
    ]);
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
      expect.objectContaining({
        file: path.join(dir, 'links.yaml'),
        field: expect.stringMatching(/^links\.\d+\.milestone$/),
      }),
    ]);
  });

  it("applies the review workflow's rules to a judgement in a file: a party or a flag named twice", () => {
    const dir = copyDataset(BUNDLED);
    const file = path.join(dir, 'assessments/sado-annual-memorial.yaml');
    edit(
      file,
      '      - party: JPN\n        score: 0\n',
      '      - party: JPN\n        score: 0\n      - party: JPN\n        score: 1\n',
    );
    const leaders = path.join(dir, 'assessments/camp-david-annual-leaders-meetings.yaml');
    edit(leaders, '    flags:\n      - stalled\n', '    flags:\n      - stalled\n      - stalled\n');
    const r = loadDataset(dir);
    expect(r.dataset).toBeUndefined();
    expect(r.problems).toEqual([
      expect.objectContaining({
        file: leaders,
        field: expect.stringMatching(/^assessments\.\d+\.flags$/),
        code: 'duplicate',
      }),
      expect.objectContaining({ file, line: 6, field: 'assessments.0.compliance', code: 'duplicate' }),
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
    const db = await pgliteFrom('bundled');
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
    const original = (await listAssessments(db, { item: 'sado-annual-memorial' })).find(
      (a) => a.as_of === '2024-11-24',
    );
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

    const again = await pgliteFrom('empty');
    await importDataset(again, mustLoad(dir));
    expect(datasetFiles(await readDataset(again))).toEqual(datasetFiles(await readDataset(db)));
    expect(await getAssessment(again, original!.id)).toMatchObject({ corrected_by: c.id });
    expect(await listLinks(again)).toEqual(await listLinks(db));
    // A second import of the same folder changes nothing.
    expect((await importDataset(again, mustLoad(dir))).changes).toBe(0);
    await db.close();
    await again.close();
  });
});
