import { z } from 'zod';

/** A party as the site and the API show it. */
export const PartyView = z
  .object({
    code: z.string(),
    kind: z.enum(['state', 'organisation']),
    name_en: z.string(),
    name_ko: z.string().nullable(),
    name_ja: z.string().nullable(),
    iso3: z.string().nullable(),
    cameo: z.string().nullable(),
  })
  .meta({ id: 'Party', description: 'A state or organisation, keyed by its ISO 3166 alpha-3 / CAMEO code.' });
export type PartyRow = z.infer<typeof PartyView>;

export const IssueAreaView = z
  .object({
    id: z.string(),
    parent_id: z.string().nullable(),
    name_en: z.string(),
    name_ko: z.string().nullable(),
    name_ja: z.string().nullable(),
    description: z.string().nullable(),
  })
  .meta({ id: 'IssueArea', description: 'An issue area; sub-areas name their parent.' });
export type IssueAreaRow = z.infer<typeof IssueAreaView>;
