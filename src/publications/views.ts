import { z } from 'zod';
import { Source } from '../core/index.ts';
import { Reference } from './schema.ts';

const SourceView = Source.meta({ id: 'Source' });

export const PaperAuthorView = z.object({
  author_id: z.string(),
  name: z.string(),
  name_ko: z.string().nullable().describe('The name in Hangul, where a source prints it'),
  name_ja: z.string().nullable().describe('The name in Japanese script, where a source prints it'),
  affiliation: z.string().nullable().describe('Affiliation as printed on the paper; null when not found'),
  inferred: z.boolean().describe('True when the authorship is worked out from other evidence, not printed'),
  note: z.string().nullable(),
});

export const PaperView = z
  .object({
    id: z.string(),
    series_id: z.string(),
    series_title: z.string(),
    program_id: z.string(),
    program_title: z.string(),
    publisher: z.string(),
    number: z.number().int().nullable(),
    number_inferred: z.boolean(),
    title: z.string().nullable().describe('Exact title as printed; null when not known'),
    topic: z.string().nullable().describe('Topic in our words, where the title is not known'),
    date: z.string().nullable().describe('YYYY, YYYY-MM or YYYY-MM-DD; null when not known'),
    url: z.string().nullable(),
    language: z.string(),
    summary: z.string().nullable().describe("The publisher's summary, verbatim"),
    references: z.array(Reference),
    notes: z.array(z.string()),
    sources: z.array(SourceView),
    authors: z.array(PaperAuthorView),
  })
  .meta({ id: 'Paper' });
export type PaperRow = z.infer<typeof PaperView>;
export type PaperAuthorRow = z.infer<typeof PaperAuthorView>;

export const SeriesView = z
  .object({
    id: z.string(),
    program_id: z.string(),
    title: z.string(),
    partners: z.array(z.string()),
    url: z.string().nullable(),
    description: z.string().nullable(),
    sources: z.array(SourceView),
    papers: z.number().int(),
  })
  .meta({ id: 'Series' });
export type SeriesRow = z.infer<typeof SeriesView>;

export const ProgramView = z
  .object({
    id: z.string(),
    title: z.string(),
    publisher: z.string(),
    unit: z.string().nullable(),
    url: z.string().nullable(),
    description: z.string().nullable(),
    sources: z.array(SourceView),
  })
  .meta({ id: 'Program' });
export type ProgramRow = z.infer<typeof ProgramView>;

export const AuthorView = z
  .object({
    id: z.string(),
    name: z.string(),
    name_ko: z.string().nullable(),
    name_ja: z.string().nullable(),
  })
  .meta({ id: 'Author' });
export type AuthorRow = z.infer<typeof AuthorView>;
