import { stringify } from 'csv-stringify/sync';
import {
  type AssessmentRow,
  type LinkRow,
  STATUS_RULES,
  STATUSES,
  type Status,
  statusOf,
  type TrackedItemRow,
} from '../../tracker/index.ts';

type Field = { name: string; type: 'string' | 'integer' | 'date' | 'datetime'; description: string };

// One list of columns per file: the CSV header, the JSON keys and the data package schema agree.
const ASSESSMENT_FIELDS: Field[] = [
  { name: 'id', type: 'string', description: 'Assessment id' },
  { name: 'url', type: 'string', description: 'The assessment on the site' },
  { name: 'item_id', type: 'string', description: 'The tracked item' },
  { name: 'item_kind', type: 'string', description: 'recommendation or commitment' },
  { name: 'item_title', type: 'string', description: "The item's title" },
  { name: 'item_url', type: 'string', description: "The item's page with its timeline" },
  { name: 'as_of', type: 'date', description: 'The day the judgement holds' },
  {
    name: 'implementation',
    type: 'integer',
    description: '0 not started, 1 minimal, 2 intermediate, 3 full',
  },
  { name: 'flags', type: 'string', description: 'stalled and/or reversed, separated by ;' },
  {
    name: 'status',
    type: 'string',
    description: 'The status word this judgement gives the item (see items.status)',
  },
  { name: 'compliance', type: 'string', description: 'PARTY:score pairs (−1, 0, +1) separated by ;' },
  {
    name: 'specificity',
    type: 'integer',
    description: 'Recommendations: 1 direction, 2 action, 3 verifiable',
  },
  { name: 'rationale', type: 'string', description: 'Why' },
  {
    name: 'evidence',
    type: 'string',
    description:
      'Evidence as JSON: title, publisher, date, url (or document and no_url), quality, quote, gloss (our translation), note',
  },
  {
    name: 'searched',
    type: 'string',
    description: 'Sources and queries searched, as JSON (on, sources, queries)',
  },
  { name: 'assessor', type: 'string', description: 'Who judged' },
  { name: 'state', type: 'string', description: 'draft, in_review or published' },
  { name: 'corrects', type: 'string', description: 'The assessment this one corrects' },
  { name: 'correction_reason', type: 'string', description: 'Why it was corrected' },
  { name: 'corrected_by', type: 'string', description: 'The published correction replacing this one' },
  { name: 'published_at', type: 'datetime', description: 'When it was published' },
  { name: 'published_by', type: 'string', description: 'The editor who published it' },
];

const ITEM_FIELDS: Field[] = [
  { name: 'id', type: 'string', description: 'Tracked item id' },
  { name: 'url', type: 'string', description: "The item's page" },
  { name: 'kind', type: 'string', description: 'recommendation or commitment' },
  { name: 'title', type: 'string', description: 'Title' },
  { name: 'parties', type: 'string', description: 'Party codes separated by ;' },
  { name: 'format', type: 'string', description: 'bilateral, trilateral, minilateral or multilateral' },
  { name: 'issue_area', type: 'string', description: 'Top-level issue area id' },
  { name: 'sub_area', type: 'string', description: 'Issue area or sub-area id' },
  { name: 'source_id', type: 'string', description: 'The paper or milestone it comes from' },
  {
    name: 'status',
    type: 'string',
    description: `Where it stands today: ${STATUSES.map((s) => `${s} (${STATUS_RULES[s]})`).join('; ')}`,
  },
  { name: 'assessed_as_of', type: 'date', description: 'The as-of date of the assessment behind the status' },
  {
    name: 'restates',
    type: 'string',
    description: 'Records it restates and is counted through, separated by ;',
  },
];

const LINK_FIELDS: Field[] = [
  { name: 'recommendation_id', type: 'string', description: 'The recommendation' },
  { name: 'recommendation_url', type: 'string', description: "The recommendation's page" },
  {
    name: 'commitment_id',
    type: 'string',
    description: 'The matching commitment, if the match is a commitment',
  },
  { name: 'milestone_id', type: 'string', description: 'The matching milestone, if the match is an action' },
  { name: 'target_date', type: 'string', description: 'Date of the commitment or action' },
  { name: 'match', type: 'string', description: 'partial or full' },
  { name: 'rationale', type: 'string', description: 'Why they match' },
];

export function assessmentRecords(rows: AssessmentRow[], base: string) {
  return rows.map((a) => ({
    id: a.id,
    url: new URL(`/assessments/${a.id}`, base).href,
    item_id: a.item_id,
    item_kind: a.item_kind,
    item_title: a.item_title,
    item_url: new URL(`/items/${a.item_id}`, base).href,
    as_of: a.as_of,
    implementation: a.implementation,
    flags: a.flags,
    status: statusOf(a),
    compliance: a.compliance,
    specificity: a.specificity,
    rationale: a.rationale,
    evidence: a.evidence,
    searched: a.searched,
    assessor: a.assessor,
    state: a.state,
    corrects: a.corrects,
    correction_reason: a.correction_reason,
    corrected_by: a.corrected_by,
    published_at: a.published_at,
    published_by: a.published_by,
  }));
}

// Numbers stay numbers, so that a negative score is not taken for a formula and quoted.
const cell = (v: unknown): string | number => {
  if (typeof v === 'number') return v;
  if (v === null || v === undefined) return '';
  if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return v.join(';');
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
};

function csv(fields: Field[], rows: Record<string, unknown>[]): string {
  // A byte-order mark lets spreadsheet programs read the UTF-8.
  return `\uFEFF${stringify(
    rows.map((r) => Object.fromEntries(fields.map((f) => [f.name, cell(r[f.name])]))),
    { header: true, columns: fields.map((f) => f.name), escape_formulas: true },
  )}`;
}

export function assessmentsCsv(rows: AssessmentRow[], base: string): string {
  return csv(
    ASSESSMENT_FIELDS,
    assessmentRecords(rows, base).map((a) => ({
      ...a,
      compliance: a.compliance?.map((c) => `${c.party}:${c.score}`).join(';'),
    })),
  );
}

export function itemsCsv(
  rows: (TrackedItemRow & { status: Status; assessed_as_of: string | null })[],
  base: string,
): string {
  return csv(
    ITEM_FIELDS,
    rows.map((i) => ({
      ...i,
      url: new URL(`/items/${i.id}`, base).href,
      issue_area: i.area_id,
      sub_area: i.issue_area_id,
    })),
  );
}

export function linksCsv(rows: LinkRow[], base: string): string {
  return csv(
    LINK_FIELDS,
    rows.map((l) => ({ ...l, recommendation_url: new URL(`/items/${l.recommendation_id}`, base).href })),
  );
}

/** A Frictionless data package describing each CSV of the tracker record. */
export function dataPackage(base: string) {
  const resource = (name: string, path: string, description: string, fields: Field[]) => ({
    name,
    path: new URL(path, base).href,
    format: 'csv',
    mediatype: 'text/csv',
    encoding: 'utf-8-sig',
    description,
    schema: { fields },
  });
  return {
    profile: 'tabular-data-package',
    name: 'entente-tracker',
    title: 'Entente tracker: tracked items, assessments and links',
    homepage: new URL('/tracker', base).href,
    licenses: [{ name: 'CC-BY-4.0', path: 'https://creativecommons.org/licenses/by/4.0/' }],
    resources: [
      resource('items', '/tracker/items.csv', 'Recommendations and commitments', ITEM_FIELDS),
      resource(
        'assessments',
        '/tracker/assessments.csv',
        'Published assessments, one row each',
        ASSESSMENT_FIELDS,
      ),
      resource(
        'links',
        '/tracker/links.csv',
        'Recommendations matched by commitments or actions',
        LINK_FIELDS,
      ),
    ],
  };
}
