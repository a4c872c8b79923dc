import { z } from 'zod';
import { Id, PartialDate, Source } from '../core/index.ts';

/** A research program, e.g. "Redesigning Korea-Japan Relations" of the East Asia Institute. */
export const Program = z.strictObject({
  id: Id,
  title: z.string().min(1),
  publisher: z.string().min(1),
  /** The publisher's unit that runs the program, e.g. "Center for Japan Studies". */
  unit: z.string().min(1).optional(),
  url: z.url().optional(),
  description: z.string().min(1).optional(),
  sources: z.array(Source).min(1),
});
export type Program = z.infer<typeof Program>;

/** A numbered run of papers within a program. */
export const Series = z.strictObject({
  id: Id,
  program: Id,
  title: z.string().min(1),
  /** Partner institutions and sponsors, as named by the publisher. */
  partners: z.array(z.string().min(1)).default([]),
  url: z.url().optional(),
  description: z.string().min(1).optional(),
  sources: z.array(Source).min(1),
});
export type Series = z.infer<typeof Series>;

export const Author = z
  .strictObject({
    id: Id,
    /** As printed on the papers. */
    name: z.string().min(1),
    /** In Hangul and in Japanese script, only as a source prints them. */
    name_ko: z.string().min(1).optional(),
    name_ja: z.string().min(1).optional(),
    /** Where the name in Hangul or Japanese script is printed. */
    sources: z.array(Source).min(1).optional(),
  })
  .refine((a) => (a.name_ko === undefined && a.name_ja === undefined) || a.sources !== undefined, {
    message: 'a name in Hangul or Japanese script needs the source that prints it (sources)',
    path: ['sources'],
  });
export type Author = z.infer<typeof Author>;

/** An author of one paper, with the affiliation printed at the time. */
export const Authorship = z.strictObject({
  author: Id,
  /** Affiliation exactly as the paper's page prints it; absent when not found. */
  affiliation: z.string().min(1).optional(),
  /** True when the authorship is worked out from other evidence rather than printed. */
  inferred: z.boolean().default(false),
  note: z.string().min(1).optional(),
});

export const Reference = z.strictObject({
  /** The reference as printed in the paper. */
  text: z.string().min(1),
  url: z.url().optional(),
});
export type Reference = z.infer<typeof Reference>;

/**
 * A paper. Every field that the sources do not give stays absent and is shown as unknown; an
 * `inferred` flag marks what was worked out rather than printed.
 */
export const Paper = z.strictObject({
  id: Id,
  series: Id,
  number: z.number().int().positive().optional(),
  number_inferred: z.boolean().default(false),
  title: z.string().min(1).optional(),
  /** The topic in our own words, where the exact title is not known. */
  topic: z.string().min(1).optional(),
  date: PartialDate.optional(),
  url: z.url().optional(),
  language: z.string().min(2).default('en'),
  authors: z.array(Authorship).default([]),
  /** The publisher's summary ("Editor's Note"), verbatim. */
  summary: z.string().min(1).optional(),
  references: z.array(Reference).default([]),
  notes: z.array(z.string().min(1)).default([]),
  sources: z.array(Source).min(1),
});
export type Paper = z.infer<typeof Paper>;
