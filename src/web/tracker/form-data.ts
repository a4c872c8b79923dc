/** A submitted form: field name → value (several values for repeated checkboxes). */
export type FormValues = Record<string, string | string[]>;

const one = (f: FormValues, k: string): string => {
  const v = f[k];
  return (Array.isArray(v) ? v[0] : v)?.trim() ?? '';
};
const num = (s: string): number | string | undefined =>
  s === '' ? undefined : /^-?\d+$/.test(s) ? Number(s) : s;
const opt = (s: string) => (s === '' ? undefined : s);

/** How many evidence rows a form shows: those submitted or stored, plus blank ones to fill. */
export const evidenceRows = (f: FormValues) => {
  const used = Object.keys(f)
    .map((k) => /^evidence\.(\d+)\./.exec(k)?.[1])
    .filter((x): x is string => x !== undefined)
    .map(Number);
  return Math.max(0, ...used.map((n) => n + 1)) + 2;
};

/**
 * Reads an assessment form into the shape the services validate. Nothing is checked here but the
 * layout; blank evidence rows are left out so a form can offer spare ones.
 */
export function judgementFromForm(f: FormValues, parties: string[]): Record<string, unknown> {
  const evidence = [];
  for (let i = 0; i < evidenceRows(f); i++) {
    const row = Object.fromEntries(
      ['title', 'publisher', 'date', 'url', 'quote'].map((k) => [k, one(f, `evidence.${i}.${k}`)]),
    );
    if (Object.values(row).every((v) => v === '')) continue;
    evidence.push({ ...row, date: opt(row.date!), url: opt(row.url!) });
  }
  const flags = f.flags === undefined ? [] : Array.isArray(f.flags) ? f.flags : [f.flags];
  const compliance = parties
    .map((party) => ({ party, score: num(one(f, `compliance.${party}`)) }))
    .filter((c) => c.score !== undefined);
  return {
    as_of: one(f, 'as_of'),
    implementation: num(one(f, 'implementation')),
    flags: flags.length > 0 ? flags : undefined,
    compliance: compliance.length > 0 ? compliance : undefined,
    specificity: num(one(f, 'specificity')),
    rationale: one(f, 'rationale'),
    evidence,
  };
}

/** The form values that show a stored judgement, for editing or correcting it. */
export function formFromJudgement(a: {
  as_of: string;
  implementation: number;
  flags?: string[] | null;
  compliance?: { party: string; score: number }[] | null;
  specificity?: number | null;
  rationale: string;
  evidence: { title: string; publisher: string; date?: string; url?: string; quote: string }[];
}): FormValues {
  const f: FormValues = {
    as_of: a.as_of,
    implementation: String(a.implementation),
    flags: a.flags ?? [],
    rationale: a.rationale,
  };
  if (a.specificity) f.specificity = String(a.specificity);
  for (const c of a.compliance ?? []) f[`compliance.${c.party}`] = String(c.score);
  a.evidence.forEach((e, i) => {
    for (const k of ['title', 'publisher', 'date', 'url', 'quote'] as const)
      f[`evidence.${i}.${k}`] = e[k] ?? '';
  });
  return f;
}

/** Reads a positive integer field such as `version`; undefined when absent or malformed. */
export function intField(f: FormValues, k: string): number | undefined {
  const s = one(f, k);
  return /^\d+$/.test(s) ? Number(s) : undefined;
}

export const textField = one;
