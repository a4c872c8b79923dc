import { z } from 'zod';
import { Format, Source } from '../core/index.ts';
import { Day, Evidence, Flag, Match, PartyCompliance, ReviewState, Searched } from './assessment.ts';
import { STATUSES } from './status.ts';

export const RecommendationView = z
  .object({
    id: z.string(),
    title: z.string(),
    summary: z.string().describe('What is proposed, in our words'),
    paper_id: z.string().describe('The paper whose text holds the quoted sentence'),
    paper_title: z.string().nullable(),
    paper_topic: z.string().nullable(),
    series_id: z.string(),
    paragraph: z.string().describe('"summary", or the body paragraph number (from 1) of the quoted sentence'),
    quote: z.string().describe('The sentence the recommendation comes from, verbatim'),
    contributor_id: z.string(),
    contributor_name: z.string(),
    made_in: z.string().nullable().describe("The contributor's own paper, when known"),
    issue_area_id: z.string(),
    issue_area_name: z.string(),
    area_id: z.string().describe('The top-level issue area'),
    area_name: z.string(),
    parties: z.array(z.string()),
    format: Format,
    restates: z
      .array(z.string())
      .describe('Records of other papers this one restates; it is tracked and counted through them'),
    status: z
      .enum(STATUSES)
      .describe('Where it stands today, from the assessment in force (see the methodology)'),
    assessed_as_of: z.string().nullable().describe('The as-of date of the assessment behind the status'),
    version: z.number().int(),
  })
  .meta({ id: 'Recommendation', description: 'A proposal made in a paper: a tracked item.' });
export type RecommendationRow = z.infer<typeof RecommendationView>;

export const RecommendationQuery = z.object({
  area: z.string().optional().describe('Issue area or sub-area id; a top-level area includes its sub-areas'),
  party: z.string().optional().describe('Party code, e.g. KOR'),
  format: Format.optional(),
  contributor: z.string().optional().describe('Author id'),
  series: z.string().optional().describe('Series id'),
  paper: z.string().optional().describe('Paper id'),
  status: z.enum(STATUSES).optional().describe('Only recommendations of this status'),
  as_of: Day.optional().describe('The day the status holds for (default: today)'),
});
export type RecommendationFilter = z.infer<typeof RecommendationQuery>;

export const CommitmentView = z
  .object({
    id: z.string(),
    milestone_id: z.string(),
    milestone_title: z.string(),
    milestone_date: z.string(),
    title: z.string(),
    summary: z.string(),
    parties: z.array(z.string()),
    format: Format,
    issue_area_id: z.string(),
    issue_area_name: z.string(),
    quote: z.string().nullable(),
    due: z.string().nullable(),
    version: z.number().int(),
  })
  .meta({
    id: 'Commitment',
    description: 'A pledge made by governments in an official document: a tracked item.',
  });
export type CommitmentRow = z.infer<typeof CommitmentView>;

export const MilestoneView = z
  .object({
    id: z.string(),
    date: z.string(),
    date_end: z.string().nullable(),
    date_note: z.string().nullable(),
    title: z.string(),
    kind: z.string(),
    parties: z.array(z.string()),
    format: Format,
    issue_area_id: z.string().nullable(),
    document: z.string().nullable(),
    summary: z.string(),
    sources: z.array(Source),
    commitments: z.number().int(),
  })
  .meta({ id: 'Milestone', description: 'A dated event or document of the relationship.' });
export type MilestoneRow = z.infer<typeof MilestoneView>;

const ItemKind = z.enum(['recommendation', 'commitment']);

export const AssessmentView = z
  .object({
    id: z.string().describe('Assessment id'),
    item_id: z.string().describe('The tracked item'),
    item_kind: ItemKind.describe('recommendation or commitment'),
    item_title: z.string().describe("The item's title"),
    as_of: z.iso.date().describe('The day the judgement holds'),
    implementation: z.number().int().describe('0 not started, 1 minimal, 2 intermediate, 3 full'),
    flags: z.array(Flag).describe('stalled and/or reversed'),
    compliance: z.array(PartyCompliance).nullable().describe('Commitments: each party scored −1, 0 or +1'),
    specificity: z.number().int().nullable().describe('Recommendations: 1 direction, 2 action, 3 verifiable'),
    rationale: z.string().describe('Why'),
    evidence: z
      .array(Evidence)
      .describe(
        'Evidence: title, publisher, date, url (or document and no_url), quality, quote, gloss (our translation), note',
      ),
    searched: Searched.nullable().describe(
      'Sources and queries searched (on, sources, queries); always given for a "no step documented" finding',
    ),
    assessor: z.string().describe('Who judged'),
    assessor_id: z.number().int().nullable().describe("The assessor's account, when made on the site"),
    state: ReviewState.describe('draft, in_review or published'),
    corrects: z.string().nullable().describe('The assessment this one corrects'),
    correction_reason: z.string().nullable().describe('Why it was corrected'),
    corrected_by: z.string().nullable().describe('The published correction replacing this one'),
    recorded_at: z.iso.datetime({ offset: true }).nullable().describe('When it was first recorded'),
    published_at: z.iso.datetime({ offset: true }).nullable().describe('When it was published'),
    published_by: z.string().nullable().describe('The editor who published it'),
    version: z.number().int().describe('Changes with every edit; send it back with a change'),
  })
  .meta({ id: 'Assessment', description: 'A dated, sourced judgement of a tracked item.' });
/** An assessment as pages, the API and exports read it. */
export type AssessmentRow = z.infer<typeof AssessmentView>;

export const LinkView = z
  .object({
    id: z.string().describe('Link id: the recommendation and its target, joined by --'),
    recommendation_id: z.string().describe('The recommendation'),
    recommendation_title: z.string().describe("The recommendation's title"),
    commitment_id: z.string().nullable().describe('The matching commitment, if the match is a commitment'),
    milestone_id: z.string().nullable().describe('The matching milestone, if the match is an action'),
    target_title: z.string().describe('Title of the commitment or action'),
    target_date: z.string().describe('Date of the commitment or action'),
    match: Match.describe('partial or full'),
    rationale: z.string().describe('Why they match'),
    version: z.number().int().describe('Changes with every edit'),
  })
  .meta({ id: 'ItemLink', description: 'A recommendation matched by a commitment or action.' });
export type LinkRow = z.infer<typeof LinkView>;

export const TrackedItemView = z
  .object({
    kind: ItemKind.describe('recommendation or commitment'),
    id: z.string().describe('Tracked item id'),
    title: z.string().describe('Title'),
    summary: z.string().describe('What it is, in our words'),
    parties: z.array(z.string()).describe('Party codes'),
    format: Format.describe(Format.options.join(', ')),
    issue_area_id: z.string().describe('Issue area or sub-area id'),
    issue_area_name: z.string(),
    area_id: z.string().describe('Top-level issue area id'),
    area_name: z.string(),
    date: z.string().nullable().describe("The commitment's milestone date; null for recommendations"),
    source_id: z.string().describe('The paper or milestone it comes from'),
    source_title: z.string().nullable(),
    quote: z.string().nullable(),
    restates: z.array(z.string()).describe('Records it restates and is counted through'),
    paraphrase: z
      .string()
      .nullable()
      .describe("A commitment's wording in our words, when no official wording is at hand"),
    paraphrase_note: z.string().nullable().describe('Why the wording is a paraphrase'),
    quote_source: Source.nullable().describe("Where a commitment's official wording was read"),
    author_inferred: z
      .boolean()
      .describe("A recommendation whose contributor's own paper has an inferred authorship"),
  })
  .meta({ id: 'TrackedItem', description: 'A recommendation or a commitment, with what its page shows.' });
/** A tracked item (recommendation or commitment) with what its page shows. */
export type TrackedItemRow = z.infer<typeof TrackedItemView>;
