import { z } from 'zod';
import { Id, IssueArea, Party, PartyCode, Source } from '../core/index.ts';
import { SurveySeries } from '../opinion/schema.ts';
import { Author, Paper, Program, Series } from '../publications/schema.ts';
import { Assessment, ItemLink, Milestone, Recommendation } from '../tracker/schema.ts';

/**
 * The files of a dataset folder and the schema of each. A dataset is a folder of YAML files, one
 * record (or one small list) a file, so that editors can review changes line by line.
 *
 * ```
 * dataset.yaml            what the dataset covers
 * parties.yaml            states and organisations
 * issue-areas.yaml        the tree of issue areas
 * authors.yaml            authors of papers
 * programs/<id>.yaml      a program with its series
 * papers/<id>.yaml        a paper with the recommendations whose words it holds
 * milestones/<id>.yaml    a dated event or document with its commitments
 * surveys/<id>.yaml       a survey series with questions, waves and results
 * assessments/<item>.yaml the dated assessments of one tracked item (optional)
 * links.yaml              recommendations matched by commitments or milestones (optional)
 * ```
 */
export const DatasetFile = z.strictObject({
  id: Id,
  title: z.string().min(1),
  description: z.string().min(1),
  /** The parties whose partnership the dataset follows; the first dyad of the signals pages. */
  partnership: z.array(PartyCode).min(2),
});

export const PartiesFile = z.strictObject({ parties: z.array(Party).min(1) });
export const IssueAreasFile = z.strictObject({ issue_areas: z.array(IssueArea).min(1) });
export const AuthorsFile = z.strictObject({ authors: z.array(Author).min(1) });
export const ProgramFile = z.strictObject({
  ...Program.shape,
  series: z.array(Series.omit({ program: true })).min(1),
});
export const PaperFile = z.strictObject({
  ...Paper.shape,
  recommendations: z
    .array(
      Recommendation.omit({ provenance: true }).extend(
        Recommendation.shape.provenance.omit({ paper: true }).shape,
      ),
    )
    .default([]),
});
export const MilestoneFile = Milestone;
export const SurveyFile = SurveySeries;

export type DatasetFile = z.infer<typeof DatasetFile>;

/** The assessments of one tracked item, oldest first; `item` names the file. */
export const AssessmentsFile = z.strictObject({
  item: Id,
  assessments: z.array(Assessment).min(1),
});
export const LinksFile = z.strictObject({ links: z.array(ItemLink) });

/** The kinds of record whose title and summary a translations file gives in another language. */
export const TranslatedKind = z.enum(['paper', 'recommendation', 'commitment', 'milestone']);
export type TranslatedKind = z.infer<typeof TranslatedKind>;

/**
 * `translations/<lang>.yaml`: titles and summaries of records in Korean or Japanese. They are
 * Entente's translations unless `official` cites a translation the record's publisher made. Quotes
 * are never translated: they stay verbatim in their own language.
 */
export const TranslationsFile = z.strictObject({
  lang: z.enum(['ko', 'ja']),
  records: z
    .array(
      z
        .strictObject({
          kind: TranslatedKind,
          id: Id,
          title: z.string().trim().min(1, 'must not be empty').optional(),
          summary: z.string().trim().min(1, 'must not be empty').optional(),
          /** The publisher's own translation, where one exists. */
          official: Source.optional(),
        })
        .refine((r) => r.title !== undefined || r.summary !== undefined, {
          message: 'give the title, the summary or both',
          path: ['title'],
        }),
    )
    .min(1),
});
