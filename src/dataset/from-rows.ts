import type { IssueAreaNode, Queryable, Row } from '../core/index.ts';
import type { Dataset } from './dataset.ts';
import {
  AssessmentsFile,
  AuthorsFile,
  DatasetFile,
  IssueAreasFile,
  LinksFile,
  MilestoneFile,
  PaperFile,
  PartiesFile,
  ProgramFile,
  SurveyFile,
  TranslationsFile,
} from './layout.ts';
import { TABLES, type TableName } from './tables.ts';
import type { Rows } from './to-rows.ts';

/** Reads every row of the dataset tables, in a stable order. */
export async function readRows(q: Queryable): Promise<Rows> {
  const out = {} as Rows;
  for (const [name, spec] of Object.entries(TABLES) as [TableName, (typeof TABLES)[TableName]][]) {
    const cols = Object.keys(spec.columns);
    const order =
      'position' in spec.columns
        ? [...spec.key.filter((k) => k !== 'position' && k !== 'id' && k !== 'code'), 'position']
        : spec.key;
    out[name] = await q.query(
      `SELECT ${cols.map((c) => `"${c}"`).join(', ')} FROM ${spec.table} ORDER BY ${order.map((c) => `"${c}"`).join(', ')}`,
    );
  }
  return out;
}

/** Drops absent values so that records read back equal the records written. */
function clean<T extends Row>(row: T): T {
  return Object.fromEntries(Object.entries(row).filter(([, v]) => v !== null && v !== undefined)) as T;
}

const groupBy = (rows: Row[], key: string) => {
  const m = new Map<unknown, Row[]>();
  for (const r of rows) m.set(r[key], [...(m.get(r[key]) ?? []), r]);
  return m;
};

/**
 * Rebuilds datasets from store rows: the inverse of `toRows`. Records are parsed with the same
 * schemas as files, so an export is canonical whatever store it came from.
 */
export function fromRows(rows: Rows): Dataset {
  const [datasetRow] = rows.datasets;
  if (!datasetRow) throw new Error('The store holds no dataset yet: run `entente import <dir>` first.');
  const name = (r: Row) => clean({ en: r.name_en, ko: r.name_ko, ja: r.name_ja });

  const areasByParent = groupBy(rows.issueAreas, 'parent_id');
  const tree = (parent: unknown): IssueAreaNode[] =>
    (areasByParent.get(parent) ?? [])
      .sort((a, b) => (a.position as number) - (b.position as number))
      .map((r) => {
        const children = tree(r.id);
        return clean({
          id: r.id as string,
          name: name(r) as IssueAreaNode['name'],
          description: r.description as string | undefined,
          children: children.length > 0 ? children : undefined,
        });
      });

  const seriesBy = groupBy(rows.series, 'program_id');
  const authorsBy = groupBy(rows.paperAuthors, 'paper_id');
  const recsBy = groupBy(rows.recommendations, 'paper_id');
  const commitmentsBy = groupBy(rows.commitments, 'milestone_id');
  const questionsBy = groupBy(rows.surveyQuestions, 'series_id');
  const wavesBy = groupBy(rows.surveyWaves, 'series_id');
  const resultsBy = groupBy(rows.surveyResults, 'series_id');
  const byId = (a: Row, b: Row) => String(a.id).localeCompare(String(b.id));

  return {
    dataset: DatasetFile.parse(clean(datasetRow)),
    // Parsed again with the file schemas: jsonb keeps object keys in its own order, the schema
    // gives them back in the order the files use.
    parties: PartiesFile.parse({
      parties: rows.parties.map((r) =>
        clean({
          code: r.code,
          kind: r.kind,
          name: name(r),
          iso3: r.iso3,
          cameo: r.cameo,
          sources: r.sources,
        }),
      ),
    }).parties,
    issueAreas: IssueAreasFile.parse({ issue_areas: tree(null) }).issue_areas,
    authors: AuthorsFile.parse({ authors: rows.authors.map(({ position: _, ...a }) => clean(a)) }).authors,
    programs: [...rows.programs].sort(byId).map((p) =>
      ProgramFile.parse({
        ...clean(p),
        series: (seriesBy.get(p.id) ?? []).map(({ program_id: _p, position: _i, ...s }) => clean(s)),
      }),
    ),
    papers: [...rows.papers].sort(byId).map(({ series_id, ...p }) =>
      PaperFile.parse({
        ...clean(p),
        series: series_id,
        authors: (authorsBy.get(p.id) ?? []).map((a) =>
          clean({ author: a.author_id, affiliation: a.affiliation, inferred: a.inferred, note: a.note }),
        ),
        recommendations: (recsBy.get(p.id) ?? []).map(
          ({ paper_id: _p, position: _i, contributor_id, issue_area_id, paragraph, restates, ...r }) =>
            clean({
              ...r,
              restates: (restates as string[]).length > 0 ? restates : undefined,
              contributor: contributor_id,
              issue_area: issue_area_id,
              paragraph: paragraph === 'summary' ? paragraph : Number(paragraph),
            }),
        ),
      }),
    ),
    milestones: [...rows.milestones].sort(byId).map(({ issue_area_id, ...m }) =>
      MilestoneFile.parse({
        ...clean(m),
        issue_area: issue_area_id ?? undefined,
        commitments: (commitmentsBy.get(m.id) ?? []).map(
          ({ milestone_id: _m, position: _i, issue_area_id: area, ...c }) =>
            clean({ ...c, issue_area: area }),
        ),
      }),
    ),
    surveys: [...rows.surveySeries].sort(byId).map((s) =>
      SurveyFile.parse({
        ...clean(s),
        questions: (questionsBy.get(s.id) ?? []).map((q) =>
          clean({
            id: q.id,
            text: name({ name_en: q.text_en, name_ko: q.text_ko, name_ja: q.text_ja }),
            wording: q.wording,
            public: q.public,
            mirrors: q.mirrors,
            answers: q.answers,
          }),
        ),
        waves: (wavesBy.get(s.id) ?? []).map(({ series_id: _s, position: _i, ...w }) => clean(w)),
        results: (resultsBy.get(s.id) ?? []).map((r) =>
          clean({
            question: r.question_id,
            wave: r.wave_id,
            answer: r.answer_id,
            share: r.share,
            source: r.source,
          }),
        ),
      }),
    ),
    // Each item's assessments oldest first (a correction after what it corrects), files by item.
    assessments: [...groupBy(rows.assessments, 'item_id')]
      .sort(([a], [b]) => String(a).localeCompare(String(b)))
      .map(([item, list]) =>
        AssessmentsFile.parse({
          item,
          assessments: [...list]
            .sort(
              (a, b) =>
                String(a.as_of).localeCompare(String(b.as_of)) || String(a.id).localeCompare(String(b.id)),
            )
            .map(({ item_id: _i, flags, ...a }) =>
              clean({ ...a, flags: (flags as string[]).length > 0 ? flags : undefined }),
            ),
        }),
      ),
    links: LinksFile.parse({
      links: rows.itemLinks.map((l) =>
        clean({
          recommendation: l.recommendation_id,
          commitment: l.commitment_id,
          milestone: l.milestone_id,
          match: l.match,
          rationale: l.rationale,
        }),
      ),
    }).links,
    translations: [...groupBy(rows.translations, 'lang')].map(([lang, list]) =>
      TranslationsFile.parse({
        lang,
        records: list.map(({ lang: _l, record_id, ...r }) => clean({ kind: r.kind, id: record_id, ...r })),
      }),
    ),
  };
}
