import { z } from 'zod';
import { Format, Id, PartialDate, PartyCode, Source } from '../core/index.ts';

/**
 * Where a recommendation's words are: a paper of the record and either its summary (the
 * publisher's "Editor's Note") or a paragraph of its body as published, counted from 1 at the first
 * paragraph after the summary.
 */
export const Provenance = z.strictObject({
  paper: Id,
  /** `summary` for the publisher's summary, otherwise the paragraph number in the paper's text. */
  paragraph: z.union([z.literal('summary'), z.number().int().positive()]),
  /** The sentence, verbatim. */
  quote: z.string().min(1),
});

/** A proposal made in a paper. */
export const Recommendation = z.strictObject({
  id: Id,
  title: z.string().min(1),
  /** What is proposed, in our own words. */
  summary: z.string().min(1),
  provenance: Provenance,
  /** The author who makes the proposal. */
  contributor: Id,
  /** The contributor's own paper, when known and different from the provenance paper. */
  made_in: Id.optional(),
  /**
   * The records of other papers whose proposal this one restates (the Introduction summing up the
   * series). A restating record keeps its own words and provenance but is never assessed or scored
   * itself: the record it restates carries the status, so one proposal counts once.
   */
  restates: z.array(Id).min(1).optional(),
  issue_area: Id,
  parties: z.array(PartyCode).min(1),
  format: Format,
});
export type Recommendation = z.infer<typeof Recommendation>;

/**
 * A pledge made by governments in an official document. Its wording is either the official text,
 * verbatim, with the source it was read in, or — where no source at hand gives the official text —
 * a paraphrase in our words with the reason, shown without quotation marks.
 */
export const Commitment = z
  .strictObject({
    id: Id,
    title: z.string().min(1),
    summary: z.string().min(1),
    parties: z.array(PartyCode).min(1),
    format: Format,
    issue_area: Id,
    /** The pledge's official words, verbatim. */
    quote: z.string().min(1).optional(),
    /** Where the official words were read. */
    quote_source: Source.optional(),
    /** The pledge in our words, when no source gives its official wording. */
    paraphrase: z.string().min(1).optional(),
    /** Why the pledge is paraphrased. */
    paraphrase_note: z.string().min(1).optional(),
    due: PartialDate.optional(),
  })
  .refine((c) => !(c.quote !== undefined && c.paraphrase !== undefined), {
    message: 'give the official wording (quote) or a paraphrase, not both',
    path: ['paraphrase'],
  })
  .refine((c) => c.paraphrase === undefined || c.paraphrase_note !== undefined, {
    message: 'say why the pledge is paraphrased (paraphrase_note)',
    path: ['paraphrase_note'],
  })
  .refine((c) => c.quote === undefined || c.quote_source !== undefined, {
    message: 'name where the official wording was read (quote_source)',
    path: ['quote_source'],
  });
export type Commitment = z.infer<typeof Commitment>;

export const MilestoneKind = z.enum([
  'treaty',
  'declaration',
  'summit',
  'agreement',
  'decision',
  'implementation',
  'exercise',
  'institution',
  'friction',
  'setback',
  'event',
]);

/**
 * A dated event of the relationship: a treaty, a summit and its documents, an implementation step,
 * a setback. Commitments are the pledges a milestone's document makes.
 */
export const Milestone = z.strictObject({
  id: Id,
  date: PartialDate,
  date_end: PartialDate.optional(),
  /** How the source dates it when the date is loose or in parts, e.g. "reported Apr–May 2024". */
  date_note: z.string().min(1).optional(),
  title: z.string().min(1),
  kind: MilestoneKind,
  parties: z.array(PartyCode).min(1),
  format: Format,
  issue_area: Id.optional(),
  /** The official document, where the milestone is one. */
  document: z.string().min(1).optional(),
  summary: z.string().min(1),
  sources: z.array(Source).min(1),
  commitments: z.array(Commitment).default([]),
});
export type Milestone = z.infer<typeof Milestone>;

// The light entry point of the tracker: what the dataset files are checked against, without the
// tracker's queries and review workflow.
export { Assessment, Day, ItemLink, linkId, PastDay } from './assessment.ts';
export { type JudgedItem, judgementProblems, publicationProblems } from './rules.ts';
