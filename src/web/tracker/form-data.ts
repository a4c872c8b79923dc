import { ValidationError } from '../../core/index.ts';

/** A submitted form: field name → value (several values for repeated checkboxes). */
export type FormValues = Record<string, string | string[]>;

const one = (f: FormValues, k: string): string => {
  const v = f[k];
  return (Array.isArray(v) ? v[0] : v)?.trim() ?? '';
};
const num = (s: string): number | string | undefined =>
  s === '' ? undefined : /^-?\d+$/.test(s) ? Number(s) : s;
const opt = (s: string) => (s === '' ? undefined : s);

/**
 * The most evidence rows a form may carry. An assessment cites a few sources; the bound keeps a
 * form (and the page that shows it again) small whatever indexes a request makes up.
 */
export const MAX_EVIDENCE = 50;

const EVIDENCE_KEY = /^evidence\.(\d{1,6})\.(title|publisher|date|url|quote)$/;
const EVIDENCE_FIELDS = ['title', 'publisher', 'date', 'url', 'quote'] as const;

/** The evidence rows of a form by index, read in one pass over its keys; indexes past the bound are reported. */
function evidenceOf(f: FormValues) {
  const rows = new Map<number, Record<string, string>>();
  let tooMany: string | undefined;
  for (const k of Object.keys(f)) {
    if (!k.startsWith('evidence.')) continue;
    const m = EVIDENCE_KEY.exec(k);
    const i = m ? Number(m[1]) : Number.NaN;
    if (!m || i >= MAX_EVIDENCE) {
      tooMany ??= k;
      continue;
    }
    const row = rows.get(i) ?? {};
    row[m[2]!] = one(f, k);
    rows.set(i, row);
  }
  return { rows, tooMany };
}

/** How many evidence rows a form shows: those submitted or stored, plus blank ones to fill (within the bound). */
export const evidenceRows = (f: FormValues) => {
  const { rows } = evidenceOf(f);
  return Math.min(MAX_EVIDENCE, Math.max(0, ...[...rows.keys()].map((n) => n + 1)) + 2);
};

/**
 * Reads an assessment form into the shape the services validate. Nothing is checked here but the
 * layout; blank evidence rows are left out so a form can offer spare ones. A field outside the
 * layout (`evidence.50.title`, `evidence.x.title`) is a 400 naming it, found in one pass over the
 * keys, so the time taken grows with the size of the form and nothing else.
 */
export function judgementFromForm(f: FormValues, parties: string[]): Record<string, unknown> {
  const { rows, tooMany } = evidenceOf(f);
  if (tooMany !== undefined)
    throw new ValidationError([
      {
        code: 'too_big',
        field: tooMany.slice(0, 40),
        message: `evidence rows are numbered 0 to ${MAX_EVIDENCE - 1}, each with title, publisher, date, url and quote`,
      },
    ]);
  const evidence = [];
  for (const i of [...rows.keys()].sort((a, b) => a - b)) {
    const got = rows.get(i)!;
    const row = Object.fromEntries(EVIDENCE_FIELDS.map((k) => [k, got[k] ?? '']));
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

/**
 * Reads the `version` a change is based on. A form without one (or with a malformed one) is a 400
 * naming the field: it says nothing about which version the sender saw, so it is no stale write.
 */
export function versionField(f: FormValues): number {
  const version = intField(f, 'version');
  if (version === undefined)
    throw new ValidationError([
      {
        code: 'invalid_type',
        field: 'version',
        message: 'send the version the change is based on (a whole number, as the form gives it)',
      },
    ]);
  return version;
}

export const textField = one;
