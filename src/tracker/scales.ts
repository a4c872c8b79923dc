/**
 * The scales of the tracker, defined in words. The methodology page, the forms and the exports all
 * read these, so a definition is written once.
 */
export const IMPLEMENTATION_LEVELS = [
  { value: 0, label: 'Not started', definition: 'No step towards the item is documented.' },
  {
    value: 1,
    label: 'Minimal',
    definition:
      'A first step is documented (a plan, a budget line, a working group) but nothing is in operation.',
  },
  {
    value: 2,
    label: 'Intermediate',
    definition: 'Part of the item is in operation, or it has been done once where it is meant to recur.',
  },
  { value: 3, label: 'Full', definition: 'Everything the item asks for is in operation, as documented.' },
] as const;

export const FLAGS = {
  stalled: 'Progress has stopped: no step documented for a year, or a step called off.',
  reversed: 'A step that had been taken was undone; the level shows what remains.',
} as const;

export const COMPLIANCE_LEVELS = [
  { value: -1, label: 'No compliance', definition: 'The party did not act, or acted against the pledge.' },
  {
    value: 0,
    label: 'Partial',
    definition: 'The party acted on part of the pledge, or work is in progress.',
  },
  { value: 1, label: 'Full compliance', definition: 'The party did what it pledged.' },
] as const;

export const SPECIFICITY_LEVELS = [
  { value: 1, label: 'Direction', definition: 'A direction or a value; no action one could check.' },
  { value: 2, label: 'Action', definition: 'A named action, without a measure or a date.' },
  {
    value: 3,
    label: 'Verifiable',
    definition: 'A named action with a measure, a place or a date one can check.',
  },
] as const;

export const MATCHES = {
  full: 'The commitment or action does what the recommendation proposes.',
  partial: 'The commitment or action does part of what the recommendation proposes.',
} as const;

export const REVIEW_STATES = {
  draft: 'Draft: being written; visible to contributors and editors only.',
  in_review: 'In review: waiting for an editor other than its assessor.',
  published: 'Published: public; never edited, only corrected.',
} as const;

export const levelLabel = (n: number) => IMPLEMENTATION_LEVELS[n]?.label ?? String(n);
export const complianceLabel = (n: number) =>
  COMPLIANCE_LEVELS.find((l) => l.value === n)?.label ?? String(n);
/** Compliance on the G7/G20 percentage scale: (s + 1) / 2 × 100. */
export const compliancePercent = (s: number) => ((s + 1) / 2) * 100;
