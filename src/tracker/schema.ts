import { z } from 'zod';
import { Format, Id, PartialDate, PartyCode, Source } from '../core/schema.ts';

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
  issue_area: Id,
  parties: z.array(PartyCode).min(1),
  format: Format,
});
export type Recommendation = z.infer<typeof Recommendation>;

/** A pledge made by governments in an official document. */
export const Commitment = z.strictObject({
  id: Id,
  title: z.string().min(1),
  summary: z.string().min(1),
  parties: z.array(PartyCode).min(1),
  format: Format,
  issue_area: Id,
  /** The pledge's words as a source quotes them, verbatim. */
  quote: z.string().min(1).optional(),
  due: PartialDate.optional(),
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
