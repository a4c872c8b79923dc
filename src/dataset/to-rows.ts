import type { Row } from '../core/index.ts';
import { linkId } from '../tracker/schema.ts';
import { type Dataset, flattenIssueAreas } from './dataset.ts';
import type { TableName } from './tables.ts';

/** A dataset as table rows, keyed by table, in write order. */
export type Rows = Record<TableName, Row[]>;

/** Maps a validated dataset to the rows of the records store. */
export function toRows(d: Dataset): Rows {
  return {
    datasets: [{ ...d.dataset }],
    parties: d.parties.map((p, position) => ({
      code: p.code,
      position,
      kind: p.kind,
      name_en: p.name.en,
      name_ko: p.name.ko,
      name_ja: p.name.ja,
      iso3: p.iso3,
      cameo: p.cameo,
      sources: p.sources,
    })),
    issueAreas: flattenIssueAreas(d.issueAreas).map(({ node, parent }) => ({
      id: node.id,
      parent_id: parent,
      position: siblingsOf(d, parent).findIndex((n) => n.id === node.id),
      name_en: node.name.en,
      name_ko: node.name.ko,
      name_ja: node.name.ja,
      description: node.description,
    })),
    authors: d.authors.map((a, position) => ({ ...a, position })),
    programs: d.programs.map(({ series: _, ...p }) => p),
    series: d.programs.flatMap((p) => p.series.map((s, position) => ({ ...s, program_id: p.id, position }))),
    papers: d.papers.map(({ authors: _a, recommendations: _r, series, ...p }) => ({
      ...p,
      series_id: series,
    })),
    paperAuthors: d.papers.flatMap((p) =>
      p.authors.map((a, position) => ({
        paper_id: p.id,
        position,
        author_id: a.author,
        affiliation: a.affiliation,
        inferred: a.inferred,
        note: a.note,
      })),
    ),
    recommendations: d.papers.flatMap((p) =>
      p.recommendations.map(({ contributor, issue_area, paragraph, ...r }, position) => ({
        ...r,
        restates: r.restates ?? [],
        paper_id: p.id,
        position,
        paragraph: String(paragraph),
        contributor_id: contributor,
        issue_area_id: issue_area,
      })),
    ),
    milestones: d.milestones.map(({ commitments: _, issue_area, ...m }) => ({
      ...m,
      issue_area_id: issue_area,
    })),
    commitments: d.milestones.flatMap((m) =>
      m.commitments.map(({ issue_area, ...c }, position) => ({
        ...c,
        milestone_id: m.id,
        position,
        issue_area_id: issue_area,
      })),
    ),
    surveySeries: d.surveys.map(({ questions: _q, waves: _w, results: _r, ...s }) => s),
    surveyQuestions: d.surveys.flatMap((s) =>
      s.questions.map((q, position) => ({
        series_id: s.id,
        id: q.id,
        position,
        text_en: q.text.en,
        text_ko: q.text.ko,
        text_ja: q.text.ja,
        wording: q.wording,
        public: q.public,
        mirrors: q.mirrors,
        answers: q.answers,
      })),
    ),
    surveyWaves: d.surveys.flatMap((s) =>
      s.waves.map((w, position) => ({ ...w, series_id: s.id, position })),
    ),
    surveyResults: d.surveys.flatMap((s) =>
      s.results.map((r, position) => ({
        series_id: s.id,
        position,
        question_id: r.question,
        wave_id: r.wave,
        answer_id: r.answer,
        share: r.share,
        source: r.source,
      })),
    ),
    // Corrections refer to the assessments they correct (a correction may itself be corrected), so
    // each is written after what it corrects: ordered by the length of its chain of corrections.
    assessments: byCorrectionDepth(
      d.assessments.flatMap((f) =>
        f.assessments.map((a) => ({ ...a, item_id: f.item, flags: a.flags ?? [] })),
      ),
    ),
    itemLinks: d.links.map((l) => ({
      id: linkId(l),
      recommendation_id: l.recommendation,
      commitment_id: l.commitment,
      milestone_id: l.milestone,
      match: l.match,
      rationale: l.rationale,
    })),
    translations: d.translations.flatMap((t) =>
      t.records.map(({ id, ...r }) => ({ ...r, lang: t.lang, record_id: id })),
    ),
  };
}

function siblingsOf(d: Dataset, parent: string | undefined) {
  if (parent === undefined) return d.issueAreas;
  return flattenIssueAreas(d.issueAreas).find(({ node }) => node.id === parent)?.node.children ?? [];
}

function byCorrectionDepth<T extends { id: string; corrects?: string }>(rows: T[]): T[] {
  const byId = new Map(rows.map((r) => [r.id, r]));
  const depth = (r: T, seen = new Set<string>()): number => {
    if (r.corrects === undefined || seen.has(r.id)) return 0;
    seen.add(r.id);
    const target = byId.get(r.corrects);
    return target ? 1 + depth(target, seen) : 1;
  };
  return rows
    .map((r) => ({ r, d: depth(r) }))
    .sort((a, b) => a.d - b.d)
    .map((x) => x.r);
}
