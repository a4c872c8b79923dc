import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** One CAMEO event code with the values GDELT derives from it. */
export interface CameoCode {
  code: string;
  root: string;
  quadClass: 1 | 2 | 3 | 4;
  goldstein: number;
  label: string;
}

/** A mapping row: a CAMEO code prefix (root or longer) and the issue area it stands for. */
export interface IssueAreaRule {
  cameo: string;
  issueArea: string;
  /** A sub-area of `issueArea` (data/korea-japan/issue-areas.yaml), where the code names one. */
  subArea?: string;
  why: string;
}

export const QUAD_CLASSES = {
  1: 'verbal_cooperation',
  2: 'material_cooperation',
  3: 'verbal_conflict',
  4: 'material_conflict',
} as const;

/** Where the bundled CAMEO tables live (see data/cameo/README.md for their provenance). */
export const CAMEO_DIR = fileURLToPath(new URL('../../data/cameo/', import.meta.url));

function tsvRows(text: string, expectHeader: string): string[][] {
  const [header, ...rows] = text.split('\n').filter((l) => l.length > 0);
  if (header !== expectHeader) throw new Error(`unexpected header "${header}", want "${expectHeader}"`);
  return rows.map((r) => r.split('\t'));
}

/** Parses data/cameo/eventcodes.tsv. */
export function parseEventCodes(text: string): CameoCode[] {
  return tsvRows(text, 'code\troot\tquad_class\tgoldstein\tlabel').map(
    ([code, root, quad, gold, label], i) => {
      const q = Number(quad);
      const g = Number(gold);
      if (!code || !root || !label || ![1, 2, 3, 4].includes(q) || !Number.isFinite(g)) {
        throw new Error(`eventcodes.tsv:${i + 2}: malformed row`);
      }
      return { code, root, quadClass: q as 1 | 2 | 3 | 4, goldstein: g, label };
    },
  );
}

/** Parses data/cameo/issue-areas.tsv. */
export function parseIssueAreaRules(text: string): IssueAreaRule[] {
  return tsvRows(text, 'cameo\tissue_area\tsub_area\twhy').map(([cameo, issueArea, subArea, why], i) => {
    if (!cameo || !issueArea) throw new Error(`issue-areas.tsv:${i + 2}: malformed row`);
    return { cameo, issueArea, ...(subArea ? { subArea } : {}), why: why ?? '' };
  });
}

/**
 * The issue area of every event code: the rule with the longest matching prefix wins; codes
 * without a rule are left out (unassigned).
 * @example issueAreaByCode(codes, rules).get('163') // 'economic-security-technology'
 */
export function issueAreaByCode(
  codes: readonly CameoCode[],
  rules: readonly IssueAreaRule[],
): Map<string, string> {
  return new Map([...ruleByCode(codes, rules)].map(([code, r]) => [code, r.issueArea]));
}

/** The sub-area of every event code whose winning rule names one. */
export function subAreaByCode(
  codes: readonly CameoCode[],
  rules: readonly IssueAreaRule[],
): Map<string, string> {
  return new Map(
    [...ruleByCode(codes, rules)].flatMap(([code, r]) => (r.subArea ? [[code, r.subArea] as const] : [])),
  );
}

function ruleByCode(
  codes: readonly CameoCode[],
  rules: readonly IssueAreaRule[],
): Map<string, IssueAreaRule> {
  const sorted = [...rules].sort((a, b) => b.cameo.length - a.cameo.length);
  const out = new Map<string, IssueAreaRule>();
  for (const { code } of codes) {
    const rule = sorted.find((r) => code.startsWith(r.cameo));
    if (rule) out.set(code, rule);
  }
  return out;
}

export interface CameoTables {
  codes: CameoCode[];
  rules: IssueAreaRule[];
  issueAreas: Map<string, string>;
  subAreas: Map<string, string>;
}

let cached: CameoTables | undefined;

/** Loads the bundled tables once. */
export function loadCameo(dir = CAMEO_DIR): CameoTables {
  if (cached && dir === CAMEO_DIR) return cached;
  const codes = parseEventCodes(readFileSync(`${dir}/eventcodes.tsv`, 'utf8'));
  const rules = parseIssueAreaRules(readFileSync(`${dir}/issue-areas.tsv`, 'utf8'));
  const tables = {
    codes,
    rules,
    issueAreas: issueAreaByCode(codes, rules),
    subAreas: subAreaByCode(codes, rules),
  };
  if (dir === CAMEO_DIR) cached = tables;
  return tables;
}
