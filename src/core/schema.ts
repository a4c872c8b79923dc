import { z } from 'zod';

/** A record identifier: lower-case words joined by hyphens, stable across exports. */
export const Id = z
  .string()
  .regex(
    /^[a-z0-9]+(?:-[a-z0-9]+)*$/,
    'must be lower-case letters, digits and single hyphens (e.g. "lng-procurement")',
  );

function isRealDate(s: string): boolean {
  const [y, m, d] = s.split('-').map(Number);
  if (m === undefined) return true;
  if (m < 1 || m > 12) return false;
  if (d === undefined) return true;
  const dt = new Date(Date.UTC(y!, m - 1, d));
  return dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
}

/**
 * A date known to the year, the month or the day: `2025`, `2025-02`, `2025-02-24`. Sources often
 * give only a month ("August 2025"); the record keeps exactly the precision its source gives.
 */
export const PartialDate = z
  .string()
  .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'must be YYYY, YYYY-MM or YYYY-MM-DD')
  .refine(isRealDate, 'is not a calendar date');
export type PartialDate = z.infer<typeof PartialDate>;

/** Text in English with optional Korean and Japanese versions. */
export const Localized = z.strictObject({
  en: z.string().min(1),
  ko: z.string().min(1).optional(),
  ja: z.string().min(1).optional(),
});
export type Localized = z.infer<typeof Localized>;

/** How reliable a source is: the party itself, an established outlet, or a copy of one. */
export const SourceQuality = z.enum(['primary', 'news', 'mirror']);

/**
 * Where a fact comes from. A quote is copied verbatim from the source, in its own language; a gloss
 * gives its English sense when the quote is in another language.
 */
export const Source = z
  .strictObject({
    publisher: z.string().min(1),
    title: z.string().min(1).optional(),
    date: PartialDate.optional(),
    url: z.url().optional(),
    document: z.string().min(1).optional(),
    quote: z.string().min(1).optional(),
    gloss: z.string().min(1).optional(),
    quality: SourceQuality,
    note: z.string().min(1).optional(),
  })
  .refine((s) => s.url !== undefined || s.document !== undefined, {
    message: 'a source needs a url or a document reference',
    path: ['url'],
  });
export type Source = z.infer<typeof Source>;

/** A state or organisation, keyed by its ISO 3166 alpha-3 / CAMEO code. */
export const PartyCode = z
  .string()
  .regex(/^[A-Z]{3,6}$/, 'must be an upper-case party code such as KOR or ASEAN');

export const Party = z.strictObject({
  code: PartyCode,
  kind: z.enum(['state', 'organisation']),
  name: Localized,
  /** ISO 3166-1 alpha-3, where the party is a state. */
  iso3: z
    .string()
    .regex(/^[A-Z]{3}$/)
    .optional(),
  /** CAMEO actor code used by GDELT, where one exists. */
  cameo: z
    .string()
    .regex(/^[A-Z]{3,6}$/)
    .optional(),
  sources: z.array(Source).default([]),
});
export type Party = z.infer<typeof Party>;

/** How many parties act: one (a unilateral step such as a policy decision), two, three, a few, or many. */
export const Format = z.enum(['unilateral', 'bilateral', 'trilateral', 'minilateral', 'multilateral']);
export type Format = z.infer<typeof Format>;

export interface IssueAreaNode {
  id: string;
  name: Localized;
  description?: string;
  children?: IssueAreaNode[];
}

/** The seed's three clusters of issues and their sub-areas, as a tree. */
export const IssueArea: z.ZodType<IssueAreaNode> = z.lazy(() =>
  z.strictObject({
    id: Id,
    name: Localized,
    description: z.string().min(1).optional(),
    children: z.array(IssueArea).optional(),
  }),
);
