import { z } from 'zod';
import { Id, Localized, PartialDate, PartyCode, Source } from '../core/index.ts';

export const Answer = z.strictObject({ id: Id, label: Localized });

/** A question of a survey series; `mirrors` names the same question asked of the other public. */
export const Question = z.strictObject({
  id: Id,
  text: Localized,
  /** The question as asked, in the language of the public asked, where a source gives it. */
  wording: z.string().min(1).optional(),
  /** Which public is asked (party code of the country surveyed). */
  public: PartyCode,
  mirrors: Id.optional(),
  answers: z.array(Answer).min(1),
});

/** What changed at a wave so that it does not continue the line before it. */
export const SeriesBreak = z.strictObject({
  kind: z.enum(['mode', 'partner', 'question', 'population']),
  note: z.string().min(1),
});

/** One round of fieldwork in one country. */
export const Wave = z.strictObject({
  id: Id,
  year: z.number().int().min(1900).max(2100),
  public: PartyCode,
  fieldwork_start: PartialDate.optional(),
  fieldwork_end: PartialDate.optional(),
  n: z.number().int().positive().optional(),
  mode: z.string().min(1).optional(),
  /** Design effect for intervals; 1 assumes simple random sampling. */
  design_effect: z.number().positive().default(1),
  breaks: z.array(SeriesBreak).default([]),
  sources: z.array(Source).default([]),
});

/** The share of one answer in one wave, in percent, with the source that reports it. */
export const Result = z.strictObject({
  question: Id,
  wave: Id,
  answer: Id,
  share: z.number().min(0).max(100),
  source: Source,
});

export const SurveySeries = z.strictObject({
  id: Id,
  title: z.string().min(1),
  pollsters: z.array(z.string().min(1)).min(1),
  publics: z.array(PartyCode).min(1),
  mode: z.string().min(1).optional(),
  population: z.string().min(1).optional(),
  description: z.string().min(1).optional(),
  sources: z.array(Source).min(1),
  questions: z.array(Question).min(1),
  waves: z.array(Wave).min(1),
  results: z.array(Result).default([]),
});
export type SurveySeries = z.infer<typeof SurveySeries>;
