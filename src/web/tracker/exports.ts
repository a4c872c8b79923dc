import { stringify } from 'csv-stringify/sync';
import { z } from 'zod';
import {
  type AssessmentRow,
  AssessmentView,
  type LinkRow,
  LinkView,
  STATUS_RULES,
  STATUSES,
  type Status,
  statusOf,
  type TrackedItemRow,
  TrackedItemView,
} from '../../tracker/index.ts';
import { at } from '../base-path.ts';
import { type TableField, tableFields } from '../table-schema.ts';

const A = AssessmentView.shape;
const I = TrackedItemView.shape;
const L = LinkView.shape;
const pageUrl = (what: string) => z.url().describe(what);

/** A row of `assessments.csv` and of `assessments.json`: the assessment as read, with its links and status. */
const AssessmentExport = z.object({
  id: A.id,
  url: pageUrl('The assessment on the site'),
  item_id: A.item_id,
  item_kind: A.item_kind,
  item_title: A.item_title,
  item_url: pageUrl("The item's page with its timeline"),
  as_of: A.as_of,
  implementation: A.implementation,
  flags: A.flags.describe('stalled and/or reversed, separated by ;'),
  status: z.enum(STATUSES).describe('The status word this judgement gives the item (see items.status)'),
  compliance: A.compliance.describe('PARTY:score pairs (−1, 0, +1) separated by ;'),
  specificity: A.specificity,
  rationale: A.rationale,
  evidence: A.evidence.describe(
    'Evidence as JSON: title, publisher, date, url (or document and no_url), quality, quote, gloss (our translation), note',
  ),
  searched: A.searched.describe('Sources and queries searched, as JSON (on, sources, queries)'),
  assessor: A.assessor,
  state: A.state,
  corrects: A.corrects,
  correction_reason: A.correction_reason,
  corrected_by: A.corrected_by,
  published_at: A.published_at,
  published_by: A.published_by,
});

/** A row of `items.csv`. */
const ItemExport = z.object({
  id: I.id,
  url: pageUrl("The item's page"),
  kind: I.kind,
  title: I.title,
  parties: I.parties.describe('Party codes separated by ;'),
  format: I.format,
  issue_area: I.area_id,
  sub_area: I.issue_area_id,
  source_id: I.source_id,
  status: z
    .enum(STATUSES)
    .describe(`Where it stands today: ${STATUSES.map((s) => `${s} (${STATUS_RULES[s]})`).join('; ')}`),
  assessed_as_of: z.iso.date().nullable().describe('The as-of date of the assessment behind the status'),
  restates: I.restates.describe('Records it restates and is counted through, separated by ;'),
});

/** A row of `links.csv`. */
const LinkExport = z.object({
  recommendation_id: L.recommendation_id,
  recommendation_url: pageUrl("The recommendation's page"),
  commitment_id: L.commitment_id,
  milestone_id: L.milestone_id,
  target_date: L.target_date,
  match: L.match,
  rationale: L.rationale,
});

// One list of columns per file, from its row schema: the CSV header, the JSON keys and the data
// package agree by construction.
const ASSESSMENT_FIELDS = tableFields(AssessmentExport);
const ITEM_FIELDS = tableFields(ItemExport);
const LINK_FIELDS = tableFields(LinkExport);

export function assessmentRecords(rows: AssessmentRow[], base: string): z.infer<typeof AssessmentExport>[] {
  return rows.map((a) => ({
    id: a.id,
    url: new URL(at(`/assessments/${a.id}`), base).href,
    item_id: a.item_id,
    item_kind: a.item_kind,
    item_title: a.item_title,
    item_url: new URL(at(`/items/${a.item_id}`), base).href,
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

function csv(fields: TableField[], rows: Record<string, unknown>[]): string {
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
      url: new URL(at(`/items/${i.id}`), base).href,
      issue_area: i.area_id,
      sub_area: i.issue_area_id,
    })),
  );
}

export function linksCsv(rows: LinkRow[], base: string): string {
  return csv(
    LINK_FIELDS,
    rows.map((l) => ({ ...l, recommendation_url: new URL(at(`/items/${l.recommendation_id}`), base).href })),
  );
}

/** A Frictionless data package describing each CSV of the tracker record. */
export function dataPackage(base: string) {
  const resource = (name: string, path: string, description: string, fields: TableField[]) => ({
    name,
    path: new URL(at(path), base).href,
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
    homepage: new URL(at('/tracker'), base).href,
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
