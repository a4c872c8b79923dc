import type { Problem } from '../core/index.ts';
import { type JudgedItem, judgementProblems, linkId, publicationProblems } from '../tracker/schema.ts';
import { type Dataset, flattenIssueAreas } from './dataset.ts';
import type { ParsedFile } from './yaml-file.ts';

type Files = {
  dataset: ParsedFile<unknown>;
  parties: ParsedFile<unknown>;
  issueAreas: ParsedFile<unknown>;
  authors: ParsedFile<unknown>;
  programs: ParsedFile<unknown>[];
  papers: ParsedFile<unknown>[];
  milestones: ParsedFile<unknown>[];
  surveys: ParsedFile<unknown>[];
  assessments: ParsedFile<unknown>[];
  links?: ParsedFile<unknown>;
  translations: ParsedFile<unknown>[];
};

/** Where in which file a field is. */
type Place = { file: ParsedFile<unknown>; path: (string | number)[] };
const where = (e: Place) => `${e.file.file}:${e.file.lineOf(e.path)}`;

/**
 * Checks what a schema cannot: that every reference names a record of the dataset, and that ids are
 * unique across files. Each problem points at the referring field.
 */
export function checkReferences(d: Dataset, f: Files): Problem[] {
  const problems: Problem[] = [];
  const at = (file: ParsedFile<unknown>, path: (string | number)[], code: string, message: string) =>
    problems.push({ code, file: file.file, line: file.lineOf(path), field: path.join('.'), message });

  const unique = (
    kind: string,
    entries: { id: string; file: ParsedFile<unknown>; path: (string | number)[] }[],
  ) => {
    // The first use's line is found only for a duplicate: finding a line parses the file again when
    // its value came from the cache.
    const seen = new Map<string, Place>();
    for (const e of entries) {
      const first = seen.get(e.id);
      if (first)
        at(e.file, e.path, 'duplicate_id', `${kind} id "${e.id}" is already used in ${where(first)}`);
      else seen.set(e.id, e);
    }
    return new Set(seen.keys());
  };

  const parties = unique(
    'party',
    d.parties.map((p, i) => ({ id: p.code, file: f.parties, path: ['parties', i, 'code'] })),
  );
  const areas = unique(
    'issue area',
    flattenIssueAreas(d.issueAreas).map(({ node }) => ({
      id: node.id,
      file: f.issueAreas,
      path: pathOfIssueArea(d.issueAreas, node.id),
    })),
  );
  const authors = unique(
    'author',
    d.authors.map((a, i) => ({ id: a.id, file: f.authors, path: ['authors', i, 'id'] })),
  );
  const series = unique(
    'series',
    d.programs.flatMap((p, pi) =>
      p.series.map((s, i) => ({ id: s.id, file: f.programs[pi]!, path: ['series', i, 'id'] })),
    ),
  );
  const papers = new Set(d.papers.map((p) => p.id));
  const trackedItems = unique('tracked item', [
    ...d.papers.flatMap((p, pi) =>
      p.recommendations.map((r, i) => ({
        id: r.id,
        file: f.papers[pi]!,
        path: ['recommendations', i, 'id'],
      })),
    ),
    ...d.milestones.flatMap((m, mi) =>
      m.commitments.map((c, i) => ({ id: c.id, file: f.milestones[mi]!, path: ['commitments', i, 'id'] })),
    ),
  ]);

  const recommendationsById = new Map(
    d.papers.flatMap((p) => p.recommendations.map((r) => [r.id, r] as const)),
  );
  const ref = (
    set: Set<string>,
    kind: string,
    file: ParsedFile<unknown>,
    path: (string | number)[],
    id?: string,
  ) => {
    if (id !== undefined && !set.has(id)) {
      at(file, path, 'unknown_reference', `${kind} "${id}" is not in the dataset`);
    }
  };
  const refAll = (
    set: Set<string>,
    kind: string,
    file: ParsedFile<unknown>,
    path: (string | number)[],
    ids: string[],
  ) =>
    ids.forEach((id, i) => {
      ref(set, kind, file, [...path, i], id);
    });

  refAll(parties, 'party', f.dataset, ['partnership'], d.dataset.partnership);
  d.papers.forEach((p, pi) => {
    const file = f.papers[pi]!;
    ref(series, 'series', file, ['series'], p.series);
    p.authors.forEach((a, i) => {
      ref(authors, 'author', file, ['authors', i, 'author'], a.author);
    });
    p.recommendations.forEach((r, i) => {
      const base = ['recommendations', i];
      ref(authors, 'author', file, [...base, 'contributor'], r.contributor);
      ref(papers, 'paper', file, [...base, 'made_in'], r.made_in);
      r.restates?.forEach((target, ti) => {
        const path = [...base, 'restates', ti];
        const original = recommendationsById.get(target);
        if (!original)
          at(file, path, 'unknown_reference', `recommendation "${target}" is not in the dataset`);
        else if (target === r.id)
          at(file, path, 'invalid_reference', 'a recommendation cannot restate itself');
        else if (original.restates)
          at(
            file,
            path,
            'invalid_reference',
            `"${target}" restates another record itself; point at the record it restates (${original.restates.join(', ')})`,
          );
      });
      ref(areas, 'issue area', file, [...base, 'issue_area'], r.issue_area);
      refAll(parties, 'party', file, [...base, 'parties'], r.parties);
      if (r.paragraph === 'summary' && !p.summary) {
        at(file, [...base, 'paragraph'], 'no_summary', 'points at the summary, but the paper has none');
      }
      if (r.paragraph === 'summary' && p.summary && !p.summary.includes(r.quote)) {
        at(file, [...base, 'quote'], 'quote_not_in_summary', 'is not found verbatim in the paper summary');
      }
    });
  });
  d.milestones.forEach((m, mi) => {
    const file = f.milestones[mi]!;
    refAll(parties, 'party', file, ['parties'], m.parties);
    ref(areas, 'issue area', file, ['issue_area'], m.issue_area);
    m.commitments.forEach((c, i) => {
      refAll(parties, 'party', file, ['commitments', i, 'parties'], c.parties);
      ref(areas, 'issue area', file, ['commitments', i, 'issue_area'], c.issue_area);
    });
  });
  d.surveys.forEach((s, si) => {
    const file = f.surveys[si]!;
    refAll(parties, 'party', file, ['publics'], s.publics);
    const questions = new Map(s.questions.map((q) => [q.id, q]));
    const waves = new Set(s.waves.map((w) => w.id));
    s.questions.forEach((q, i) => {
      ref(parties, 'party', file, ['questions', i, 'public'], q.public);
      ref(new Set(questions.keys()), 'question', file, ['questions', i, 'mirrors'], q.mirrors);
    });
    s.waves.forEach((w, i) => {
      ref(parties, 'party', file, ['waves', i, 'public'], w.public);
    });
    const seen = new Set<string>();
    s.results.forEach((r, i) => {
      const base = ['results', i];
      const q = questions.get(r.question);
      ref(new Set(questions.keys()), 'question', file, [...base, 'question'], r.question);
      ref(waves, 'wave', file, [...base, 'wave'], r.wave);
      if (q && !q.answers.some((a) => a.id === r.answer)) {
        at(
          file,
          [...base, 'answer'],
          'unknown_reference',
          `answer "${r.answer}" is not an answer of "${q.id}"`,
        );
      }
      const key = `${r.question}/${r.wave}/${r.answer}`;
      if (seen.has(key)) at(file, base, 'duplicate_result', `a second result for ${key}`);
      seen.add(key);
    });
  });
  checkAssessments(d, f, trackedItems, at);
  const records = {
    paper: papers,
    recommendation: new Set(d.papers.flatMap((p) => p.recommendations.map((r) => r.id))),
    commitment: new Set(d.milestones.flatMap((m) => m.commitments.map((c) => c.id))),
    milestone: new Set(d.milestones.map((m) => m.id)),
  };
  d.translations.forEach((t, ti) => {
    const file = f.translations[ti]!;
    const seen = new Set<string>();
    t.records.forEach((r, i) => {
      if (!records[r.kind].has(r.id))
        at(file, ['records', i, 'id'], 'unknown_reference', `${r.kind} "${r.id}" is not in the dataset`);
      const key = `${r.kind}/${r.id}`;
      if (seen.has(key)) at(file, ['records', i, 'id'], 'duplicate_id', `a second translation of ${key}`);
      seen.add(key);
    });
  });
  return problems;
}

type At = (file: ParsedFile<unknown>, path: (string | number)[], code: string, message: string) => void;

/**
 * Assessments name a tracked item, parties of that item, and (corrections) an assessment of the same
 * item; ids are unique. Links name a recommendation and a commitment or milestone of the dataset.
 */
function checkAssessments(d: Dataset, f: Files, trackedItems: Set<string>, at: At) {
  const recommendations = new Map(d.papers.flatMap((p) => p.recommendations.map((r) => [r.id, r] as const)));
  const commitments = new Map(d.milestones.flatMap((m) => m.commitments.map((c) => [c.id, c] as const)));
  const milestones = new Set(d.milestones.map((m) => m.id));
  const seen = new Map<string, Place>();
  d.assessments.forEach((file, fi) => {
    const pf = f.assessments[fi]!;
    if (!trackedItems.has(file.item))
      at(pf, ['item'], 'unknown_reference', `tracked item "${file.item}" is not in the dataset`);
    const commitment = commitments.get(file.item);
    const restated = recommendations.get(file.item)?.restates;
    if (restated)
      at(
        pf,
        ['item'],
        'not_applicable',
        `${file.item} restates ${restated.join(', ')}: assess the record it restates, so that one proposal counts once`,
      );
    const recommendation = recommendations.get(file.item);
    const item: JudgedItem | undefined = commitment
      ? { kind: 'commitment', parties: commitment.parties }
      : recommendation && { kind: 'recommendation', parties: recommendation.parties };
    const own = new Set(file.assessments.map((a) => a.id));
    file.assessments.forEach((a, i) => {
      const base = ['assessments', i];
      const first = seen.get(a.id);
      if (first)
        at(pf, [...base, 'id'], 'duplicate_id', `assessment id "${a.id}" is already used in ${where(first)}`);
      else seen.set(a.id, { file: pf, path: [...base, 'id'] });
      if (item) for (const p of judgementProblems(item, a)) at(pf, [...base, ...p.path], p.code, p.message);
      if (a.state === 'published') {
        for (const p of publicationProblems(a)) at(pf, [...base, ...p.path], p.code, p.message);
      }
      if (a.corrects !== undefined && !own.has(a.corrects)) {
        at(
          pf,
          [...base, 'corrects'],
          'unknown_reference',
          `assessment "${a.corrects}" is not an assessment of ${file.item}`,
        );
      }
      if ((a.corrects === undefined) !== (a.correction_reason === undefined)) {
        at(
          pf,
          [...base, 'correction_reason'],
          'invalid_correction',
          'a correction names what it corrects and why, both or neither',
        );
      }
    });
  });
  const links = new Set<string>();
  d.links.forEach((l, i) => {
    if (!f.links) return;
    if (!recommendations.has(l.recommendation)) {
      at(
        f.links,
        ['links', i, 'recommendation'],
        'unknown_reference',
        `recommendation "${l.recommendation}" is not in the dataset`,
      );
    }
    if (l.commitment !== undefined && !commitments.has(l.commitment)) {
      at(
        f.links,
        ['links', i, 'commitment'],
        'unknown_reference',
        `commitment "${l.commitment}" is not in the dataset`,
      );
    }
    if (l.milestone !== undefined && !milestones.has(l.milestone)) {
      at(
        f.links,
        ['links', i, 'milestone'],
        'unknown_reference',
        `milestone "${l.milestone}" is not in the dataset`,
      );
    }
    const restated = recommendations.get(l.recommendation)?.restates;
    if (restated)
      at(
        f.links,
        ['links', i, 'recommendation'],
        'not_applicable',
        `${l.recommendation} restates ${restated.join(', ')}: link the record it restates, so that one proposal counts once`,
      );
    const key = linkId(l);
    if (links.has(key)) at(f.links, ['links', i], 'duplicate_link', `a second link for ${key}`);
    links.add(key);
  });
}

function pathOfIssueArea(
  nodes: Dataset['issueAreas'],
  id: string,
  prefix: (string | number)[] = ['issue_areas'],
): (string | number)[] {
  for (const [i, n] of nodes.entries()) {
    if (n.id === id) return [...prefix, i, 'id'];
    const inner = pathOfIssueArea(n.children ?? [], id, [...prefix, i, 'children']);
    if (inner.length > 0) return inner;
  }
  return [];
}
