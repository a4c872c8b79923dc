import { z } from 'zod';
import { Id, PartialDate, PartyCode, SourceQuality } from '../core/index.ts';

/** A calendar day, `YYYY-MM-DD`: assessments are dated to the day their judgement holds. */
export const Day = PartialDate.refine((s) => s.length === 10, 'must be a full date, YYYY-MM-DD');

/** Implementation of a tracked item, as in the Peace Accords Matrix: 0 not started … 3 full. */
export const Implementation = z.number().int().min(0).max(3);
/** Qualifiers of an implementation level: progress has stopped, or an earlier step was undone. */
export const Flag = z.enum(['stalled', 'reversed']);
/** Compliance of one party with a commitment, as in the G7/G20 reports: −1, 0 or +1. */
export const ComplianceScore = z.union([z.literal(-1), z.literal(0), z.literal(1)]);
/** How verifiable a recommendation is: 1 a direction, 2 an action, 3 an action with a measure or date. */
export const Specificity = z.number().int().min(1).max(3);
export const ReviewState = z.enum(['draft', 'in_review', 'published']);
export type ReviewState = z.infer<typeof ReviewState>;
export const Match = z.enum(['partial', 'full']);
export type Match = z.infer<typeof Match>;

/**
 * A piece of evidence: where the judgement's facts come from, with a short verbatim quote. It has
 * an address (`url`) or, for a text with none (a printed document), the document's name and why it
 * has no address; a published assessment needs one or the other (see `publicationProblems`).
 */
export const Evidence = z.strictObject({
  title: z.string().trim().min(1, 'must not be empty').max(300),
  publisher: z.string().trim().min(1, 'must not be empty').max(200),
  date: PartialDate.optional(),
  url: z.url({ protocol: /^https?$/, message: 'must be an http(s) address' }).optional(),
  /** The document's name and where it is held, when it has no address. */
  document: z.string().trim().min(1, 'must not be empty').max(300).optional(),
  /** Why the document has no address. */
  no_url: z.string().trim().min(1, 'must not be empty').max(300).optional(),
  /** primary: the party or an official body; news: an established outlet; mirror: a copy of either. */
  quality: SourceQuality.optional(),
  /** The words of the source, copied exactly: short, so that it is a quotation. */
  quote: z.string().trim().min(1, 'must not be empty').max(1000),
  /** The quote's sense in English, when the source is in another language (Entente's translation). */
  gloss: z.string().trim().min(1).max(1000).optional(),
  /** What a reader should know about the source, e.g. which original a copy reproduces. */
  note: z.string().trim().min(1).max(500).optional(),
});
export type Evidence = z.infer<typeof Evidence>;

/** The sources and queries searched for an assessment, and the day the search holds for. */
export const Searched = z.strictObject({
  on: Day,
  sources: z.array(z.string().trim().min(1).max(300)).min(1, 'name at least one source searched').max(50),
  queries: z.array(z.string().trim().min(1).max(300)).min(1, 'list at least one query').max(100),
});
export type Searched = z.infer<typeof Searched>;

export const PartyCompliance = z.strictObject({ party: PartyCode, score: ComplianceScore });
export type PartyCompliance = z.infer<typeof PartyCompliance>;

// The latest calendar day anywhere on Earth (UTC+14): a judgement cannot hold for a later day.
const latestToday = () => new Date(Date.now() + 14 * 3_600_000).toISOString().slice(0, 10);
/** A full date that has come (anywhere on Earth): a judgement holds for a day that is not ahead. */
export const PastDay = Day.refine((d) => d <= latestToday(), 'must not be in the future');

/** What an assessor judges: the same fields in a form, an API body and a dataset file. */
export const Judgement = z.strictObject({
  as_of: PastDay,
  implementation: Implementation,
  flags: z.array(Flag).optional(),
  /** Commitments only: each party's compliance. */
  compliance: z.array(PartyCompliance).min(1).optional(),
  /** Recommendations only. */
  specificity: Specificity.optional(),
  rationale: z.string().trim().min(1, 'must not be empty').max(5000),
  evidence: z
    .array(Evidence)
    .min(1, 'at least one piece of evidence is needed')
    .max(50, 'at most 50 pieces of evidence'),
  /** Where the assessor looked: required when no step is documented (level 0), so that "searched,
   * nothing found" is a finding a reader can check and never looks like "not assessed". */
  searched: Searched.optional(),
});
export type Judgement = z.infer<typeof Judgement>;

/** An assessment as a dataset file holds it: the judgement, who made it, and its review history. */
export const Assessment = z.strictObject({
  id: Id,
  ...Judgement.shape,
  assessor: z.string().min(1),
  state: ReviewState,
  /** The published assessment this one corrects. */
  corrects: Id.optional(),
  correction_reason: z.string().min(1).optional(),
  /** When it was first recorded in a store (ISO 8601); absent for hand-written records. */
  recorded_at: z.string().min(1).optional(),
  published_at: z.string().min(1).optional(),
  published_by: z.string().min(1).optional(),
});
export type Assessment = z.infer<typeof Assessment>;

/** A recommendation matched by a commitment or by a governmental action recorded as a milestone. */
export const ItemLink = z
  .strictObject({
    recommendation: Id,
    commitment: Id.optional(),
    milestone: Id.optional(),
    match: Match,
    rationale: z.string().trim().min(1, 'must not be empty').max(2000),
  })
  .refine((l) => (l.commitment === undefined) !== (l.milestone === undefined), {
    message: 'a link names either a commitment or a milestone',
    path: ['commitment'],
  });
export type ItemLink = z.infer<typeof ItemLink>;

/** The id a link is stored under: one link per recommendation and target. */
export const linkId = (l: Pick<ItemLink, 'recommendation' | 'commitment' | 'milestone'>) =>
  `${l.recommendation}--${l.commitment ?? l.milestone}`;
