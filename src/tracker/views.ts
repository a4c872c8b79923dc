import { z } from 'zod';
import { Format, Source } from '../core/schema.ts';
import { Day } from './assessment.ts';
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
