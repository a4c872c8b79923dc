import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/core/index.ts';
import { type Dataset, importDataset, loadDataset } from '../../src/dataset/index.ts';
import { BUNDLED, mustLoad, TRILATERAL } from '../helpers/datasets.ts';
import { available, DRIVERS } from '../helpers/stores.ts';

// The second bundled partnership, the U.S.–Japan–ROK record, shares facts with the Korea–Japan
// record but not ids, because a store today holds one namespace of ids.

/** Every record id of a dataset, by kind; parties are left out because datasets share them. */
function idsByKind(d: Dataset): Record<string, string[]> {
  const commitments = d.milestones.flatMap((m) => m.commitments);
  return {
    dataset: [d.dataset.id],
    issueArea: flatten(d.issueAreas),
    author: d.authors.map((a) => a.id),
    program: d.programs.map((p) => p.id),
    series: d.programs.flatMap((p) => p.series.map((s) => s.id)),
    paper: d.papers.map((p) => p.id),
    recommendation: d.papers.flatMap((p) => p.recommendations.map((r) => r.id)),
    milestone: d.milestones.map((m) => m.id),
    commitment: commitments.map((c) => c.id),
    survey: d.surveys.map((s) => s.id),
    question: d.surveys.flatMap((s) => s.questions.map((q) => q.id)),
    wave: d.surveys.flatMap((s) => s.waves.map((w) => w.id)),
    assessment: d.assessments.flatMap((f) => f.assessments.map((a) => a.id)),
    link: d.links.map((l) => `${l.recommendation}--${l.commitment ?? l.milestone}`),
  };
}

function flatten(nodes: Dataset['issueAreas']): string[] {
  return nodes.flatMap((n) => [n.id, ...flatten(n.children ?? [])]);
}

describe('the U.S.–Japan–ROK dataset', () => {
  it('validates with no problem', () => {
    expect(loadDataset(TRILATERAL).problems).toEqual([]);
  });

  const tri = mustLoad(TRILATERAL);
  const commitments = tri.milestones.flatMap((m) => m.commitments);
  const assessments = tri.assessments.flatMap((f) => f.assessments);

  it('follows the three parties, with milestones, commitments and a survey but no papers', () => {
    expect(tri.dataset.partnership).toEqual(['USA', 'JPN', 'KOR']);
    expect(tri.parties.map((p) => p.code).sort()).toEqual(['JPN', 'KOR', 'USA']);
    expect(tri.papers).toEqual([]);
    expect(tri.programs).toEqual([]);
    expect(tri.milestones.length).toBeGreaterThan(0);
    expect(commitments.length).toBeGreaterThan(0);
    for (const m of tri.milestones) expect([m.id, m.format]).toEqual([m.id, 'trilateral']);
    for (const c of commitments) expect([c.id, [...c.parties].sort()]).toEqual([c.id, ['JPN', 'KOR', 'USA']]);
  });

  it('assesses every commitment it records', () => {
    const assessed = new Set(tri.assessments.map((f) => f.item));
    expect(commitments.map((c) => c.id).filter((id) => !assessed.has(id))).toEqual([]);
  });

  it('has the 2025 three-country survey with one sample of each public', () => {
    const waves = tri.surveys.flatMap((s) => s.waves.filter((w) => w.year === 2025));
    expect(waves.map((w) => w.public).sort()).toEqual(['JPN', 'KOR', 'USA']);
    for (const w of waves)
      expect([w.id, w.n !== undefined, w.sources.length > 0]).toEqual([w.id, true, true]);
  });

  it('gives every piece of evidence an address or a document, and a date', () => {
    const lacking = assessments.flatMap((a) =>
      a.evidence
        .filter((e) => (e.url === undefined && e.document === undefined) || e.date === undefined)
        .map((e) => `${a.id}: ${e.title}`),
    );
    expect(assessments.length).toBeGreaterThan(0);
    expect(lacking).toEqual([]);
  });

  it('lists what was searched wherever no step or no progress is found', () => {
    const unsearched = assessments
      .filter((a) => a.implementation === 0 || a.flags?.includes('stalled'))
      .filter((a) => a.searched === undefined)
      .map((a) => a.id);
    expect(unsearched).toEqual([]);
  });

  it('shares no record id with the Korea–Japan dataset, and shares parties only as identical records', () => {
    const kj = mustLoad(BUNDLED);
    const ours = idsByKind(tri);
    const theirs = idsByKind(kj);
    const all = new Set(Object.values(theirs).flat());
    const clashes = Object.entries(ours).flatMap(([kind, ids]) =>
      ids.filter((id) => all.has(id)).map((id) => `${kind} ${id}`),
    );
    expect(clashes).toEqual([]);
    // A shared party is written once to the store, so it must be the same record at the same place.
    for (const [position, party] of tri.parties.entries()) {
      expect(kj.parties[position]).toEqual(party);
    }
  });
});

describe.each(DRIVERS)('importing the U.S.–Japan–ROK dataset after the Korea–Japan one ($name)', (driver) => {
  let db: Db;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    if (!(await available(driver))) return;
    ({ db, drop } = await driver.open('bundled'));
  });
  afterAll(async () => {
    await drop?.();
  });

  it('adds its rows and changes or removes none of the Korea–Japan rows', async ({ skip }) => {
    if (!db) skip();
    const report = await importDataset(db, mustLoad(TRILATERAL));
    const touched = Object.entries(report.tables)
      .filter(([, c]) => c.updated + c.removed > 0)
      .map(([table]) => table);
    expect(touched).toEqual([]);
    expect(report.tables.milestones.inserted).toBe(mustLoad(TRILATERAL).milestones.length);
    // Importing the Korea–Japan dataset again finds the store as it left it.
    expect((await importDataset(db, mustLoad(BUNDLED))).changes).toBe(0);
  });
});
