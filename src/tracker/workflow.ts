import { randomBytes } from 'node:crypto';
import { type Actor, can, ForbiddenError, recordAudit, requirePermission } from '../accounts/index.ts';
import {
  ConflictError,
  type Db,
  isUniqueViolation,
  NotFoundError,
  type Problem,
  problemsFromZod,
  type Queryable,
  ValidationError,
} from '../core/index.ts';
import { ItemLink, Judgement, linkId } from './assessment.ts';
import { getAssessment, getLink, getTrackedItem } from './assessment-queries.ts';
import { judgementProblems } from './rules.ts';
import type { AssessmentRow, LinkRow, TrackedItemRow } from './views.ts';
import { isAssessor } from './visibility.ts';

/** A write based on a version that is no longer the current one; carries the current record. */
export class StaleVersionError<T = unknown> extends ConflictError {
  constructor(
    what: string,
    readonly current: T,
  ) {
    super(
      `${what} was changed by someone else since you opened it. Your changes were not saved.`,
      'stale_version',
    );
    this.name = 'StaleVersionError';
  }
}

/** Validates a judgement against its item: compliance for commitments' parties, specificity for recommendations. */
export function checkJudgement(item: TrackedItemRow, input: unknown): Judgement {
  const parsed = Judgement.safeParse(input);
  if (!parsed.success) throw new ValidationError(problemsFromZod(parsed.error.issues));
  const j = parsed.data;
  const problems: Problem[] = judgementProblems(item, j).map((p) => ({
    code: p.code,
    field: p.path.join('.'),
    message: p.message,
  }));
  if (problems.length > 0) throw new ValidationError(problems);
  return j;
}

async function itemOrFail(q: Queryable, id: string): Promise<TrackedItemRow> {
  const item = await getTrackedItem(q, id);
  if (!item) throw new NotFoundError(`Tracked item "${id}"`);
  return item;
}

async function assessmentOrFail(q: Queryable, id: string): Promise<AssessmentRow> {
  const a = await getAssessment(q, id);
  if (!a) throw new NotFoundError(`Assessment "${id}"`);
  return a;
}

// What the audit log keeps of an assessment: the record without the columns derived for display.
const snapshot = ({ item_kind: _k, item_title: _t, corrected_by: _c, ...a }: AssessmentRow) => a;

const judgementParams = (j: Judgement) => [
  j.as_of,
  j.implementation,
  j.flags ?? [],
  j.compliance ? JSON.stringify(j.compliance) : null,
  j.specificity ?? null,
  j.rationale,
  JSON.stringify(j.evidence),
  j.searched ? JSON.stringify(j.searched) : null,
];

const now = () => new Date().toISOString();

/**
 * Drafts an assessment of a tracked item. Contributors and editors may; the draft is theirs until
 * it is submitted for review.
 */
export async function draftAssessment(
  db: Db,
  actor: Actor,
  itemId: string,
  input: unknown,
): Promise<AssessmentRow> {
  requirePermission(actor, 'assessment.draft');
  return db.transaction((tx) => insertDraft(tx, actor, itemId, input));
}

/** Writes a new draft, and its audit entry, inside the caller's transaction. */
async function insertDraft(
  tx: Queryable,
  actor: Actor,
  itemId: string,
  input: unknown,
  correction?: { corrects: string; reason: string },
): Promise<AssessmentRow> {
  const item = await itemOrFail(tx, itemId);
  const j = checkJudgement(item, input);
  const id = `${item.id}-${j.as_of}-${randomBytes(3).toString('hex')}`;
  await tx.query(
    `INSERT INTO assessments (id, item_id, as_of, implementation, flags, compliance, specificity, rationale, evidence,
                              searched, assessor, assessor_id, state, corrects, correction_reason, recorded_at)
     VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7, $8, $9::jsonb, $10::jsonb, $11, $12, 'draft', $13, $14, $15)`,
    [
      id,
      item.id,
      ...judgementParams(j),
      actor.name,
      actor.id,
      correction?.corrects ?? null,
      correction?.reason ?? null,
      now(),
    ],
  );
  const row = await assessmentOrFail(tx, id);
  await recordAudit(tx, actor, {
    action: correction ? 'assessment.correct' : 'assessment.draft',
    entity: 'assessment',
    entityId: id,
    after: snapshot(row),
  });
  return row;
}

/**
 * Applies a versioned change in one statement: it lands only if nobody changed the record since
 * `version` was read, so of two concurrent edits exactly one succeeds.
 */
async function versionedUpdate(
  tx: Queryable,
  actor: Actor,
  before: AssessmentRow,
  version: number,
  action: string,
  set: string,
  params: unknown[],
): Promise<AssessmentRow> {
  const rows = await tx.query(
    `UPDATE assessments SET ${set}, version = version + 1 WHERE id = $1 AND version = $2 RETURNING id`,
    [before.id, version, ...params],
  );
  if (rows.length === 0)
    throw new StaleVersionError(`Assessment "${before.id}"`, await getAssessment(tx, before.id));
  const after = await assessmentOrFail(tx, before.id);
  await recordAudit(tx, actor, {
    action,
    entity: 'assessment',
    entityId: before.id,
    before: snapshot(before),
    after: snapshot(after),
  });
  return after;
}

function mustBe(a: AssessmentRow, state: AssessmentRow['state'], doing: string) {
  if (a.state !== state) {
    throw new ConflictError(
      `Assessment "${a.id}" is ${a.state.replace('_', ' ')}; it can be ${doing} only when ${state.replace('_', ' ')}.`,
      'wrong_state',
    );
  }
}

// A draft is changed and submitted by its assessor only; one with no assessor account (imported from
// a dataset) is taken up by an editor. Others return it or publish it, so that two people read it.
function mayEdit(actor: Actor, a: AssessmentRow) {
  requirePermission(actor, 'assessment.draft');
  const orphan = a.assessor_id === null && can(actor.role, 'assessment.review');
  if (!isAssessor(actor, a) && !orphan) {
    throw new ForbiddenError(
      actor,
      'assessment.draft',
      `Only its assessor (${a.assessor}) can change or submit this draft; an editor can return it to them or publish it.`,
    );
  }
}

/**
 * Whether `actor` wrote any of an assessment's content: its assessor, or anyone the audit log shows
 * drafting or changing it. A record without an assessor account (imported) is matched by name.
 */
async function wroteContent(q: Queryable, actor: Actor, a: AssessmentRow): Promise<boolean> {
  if (isAssessor(actor, a)) return true;
  if (a.assessor_id === null && a.assessor === actor.name) return true;
  if (actor.id === null) return false;
  const rows = await q.query(
    `SELECT 1 FROM audit_log WHERE namespace = current_schema() AND entity = 'assessment'
        AND entity_id = $1 AND actor_id = $2
        AND action IN ('assessment.draft', 'assessment.update', 'assessment.correct') LIMIT 1`,
    [a.id, actor.id],
  );
  return rows.length > 0;
}

/** Changes a draft; `version` is the one the editor started from. */
export async function updateDraft(db: Db, actor: Actor, id: string, version: number, input: unknown) {
  requirePermission(actor, 'assessment.draft');
  return db.transaction(async (tx) => {
    const before = await assessmentOrFail(tx, id);
    mayEdit(actor, before);
    mustBe(before, 'draft', 'edited');
    const j = checkJudgement(await itemOrFail(tx, before.item_id), input);
    return versionedUpdate(
      tx,
      actor,
      before,
      version,
      'assessment.update',
      'as_of = $3, implementation = $4, flags = $5, compliance = $6::jsonb, specificity = $7, rationale = $8, evidence = $9::jsonb, searched = $10::jsonb',
      judgementParams(j),
    );
  });
}

/** Draft → in review. */
export async function submitForReview(db: Db, actor: Actor, id: string, version: number) {
  requirePermission(actor, 'assessment.draft');
  return db.transaction(async (tx) => {
    const before = await assessmentOrFail(tx, id);
    mayEdit(actor, before);
    mustBe(before, 'draft', 'submitted');
    return versionedUpdate(tx, actor, before, version, 'assessment.submit', "state = 'in_review'", []);
  });
}

/** In review → draft, for more work. Editors only. */
export async function returnToDraft(db: Db, actor: Actor, id: string, version: number) {
  requirePermission(actor, 'assessment.review');
  return db.transaction(async (tx) => {
    const before = await assessmentOrFail(tx, id);
    mustBe(before, 'in_review', 'returned');
    return versionedUpdate(tx, actor, before, version, 'assessment.return', "state = 'draft'", []);
  });
}

/**
 * In review → published. Editors only, and never the assessor: every published judgement has been
 * read by a second person.
 */
export async function publishAssessment(db: Db, actor: Actor, id: string, version: number) {
  requirePermission(actor, 'assessment.publish');
  return db.transaction(async (tx) => {
    const before = await assessmentOrFail(tx, id);
    if (await wroteContent(tx, actor, before)) {
      throw new ForbiddenError(
        actor,
        'assessment.publish',
        'An assessment is published by an editor other than its assessor or anyone who changed it; ask another editor.',
      );
    }
    mustBe(before, 'in_review', 'published');
    return versionedUpdate(
      tx,
      actor,
      before,
      version,
      'assessment.publish',
      "state = 'published', published_at = $3, published_by = $4",
      [now(), actor.name],
    );
  });
}

/**
 * Starts a correction of a published assessment: a new draft that names the one it corrects and
 * why. When the correction is published, it replaces the original in every score and timeline.
 */
export async function correctAssessment(db: Db, actor: Actor, id: string, reason: unknown, input: unknown) {
  requirePermission(actor, 'assessment.correct');
  const already = (correction?: string) =>
    new ConflictError(
      `Assessment "${id}" already has a correction${correction ? ` ("${correction}")` : ''}.`,
      'duplicate_correction',
    );
  const pending = async (q: Queryable) =>
    (await q.query<{ id: string }>('SELECT id FROM assessments WHERE corrects = $1', [id]))[0]?.id;
  try {
    return await db.transaction(async (tx) => {
      const original = await assessmentOrFail(tx, id);
      if (original.state !== 'published')
        throw new ConflictError(
          `Only a published assessment can be corrected; "${id}" is ${original.state.replace('_', ' ')}.`,
          'wrong_state',
        );
      if (typeof reason !== 'string' || reason.trim() === '') {
        throw new ValidationError([
          { code: 'too_small', field: 'correction_reason', message: 'say why the assessment is corrected' },
        ]);
      }
      const first = await pending(tx);
      if (first) throw already(first);
      return insertDraft(tx, actor, original.item_id, input, { corrects: id, reason: reason.trim() });
    });
  } catch (e) {
    // Two corrections started at once both find none pending; the unique index lets one in, and
    // the other, rolled back, names the one that won.
    if (isUniqueViolation(e, 'assessments_one_correction')) throw already(await pending(db));
    throw e;
  }
}

/** Links a recommendation to a commitment or milestone that matches it. Editors only. */
export async function linkItems(db: Db, actor: Actor, input: unknown): Promise<LinkRow> {
  requirePermission(actor, 'link.write');
  const parsed = ItemLink.safeParse(input);
  if (!parsed.success) throw new ValidationError(problemsFromZod(parsed.error.issues));
  const l = parsed.data;
  return db.transaction(async (tx) => {
    const rec = await getTrackedItem(tx, l.recommendation);
    if (rec?.kind !== 'recommendation') {
      throw new ValidationError([
        {
          code: 'unknown_reference',
          field: 'recommendation',
          message: `no recommendation "${l.recommendation}"`,
        },
      ]);
    }
    const target = l.commitment
      ? await tx.query('SELECT id FROM commitments WHERE id = $1', [l.commitment])
      : await tx.query('SELECT id FROM milestones WHERE id = $1', [l.milestone]);
    if (target.length === 0) {
      const field = l.commitment ? 'commitment' : 'milestone';
      throw new ValidationError([
        { code: 'unknown_reference', field, message: `no ${field} "${l.commitment ?? l.milestone}"` },
      ]);
    }
    const id = linkId(l);
    const inserted = await tx.query(
      `INSERT INTO item_links (id, recommendation_id, commitment_id, milestone_id, match, rationale)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (id) DO NOTHING RETURNING id`,
      [id, l.recommendation, l.commitment ?? null, l.milestone ?? null, l.match, l.rationale],
    );
    if (inserted.length === 0)
      throw new ConflictError(
        `The recommendation is already linked to "${l.commitment ?? l.milestone}".`,
        'duplicate_link',
      );
    const row = (await getLink(tx, id))!;
    await recordAudit(tx, actor, { action: 'link.add', entity: 'link', entityId: id, after: row });
    return row;
  });
}

/** Removes a link; `version` guards against removing a link someone just changed. Editors only. */
/** Removes a link; answers the link as it was, so that callers can go back to its recommendation. */
export async function unlinkItems(db: Db, actor: Actor, id: string, version: number): Promise<LinkRow> {
  requirePermission(actor, 'link.write');
  return db.transaction(async (tx) => {
    const before = await getLink(tx, id);
    if (!before) throw new NotFoundError(`Link "${id}"`);
    const rows = await tx.query('DELETE FROM item_links WHERE id = $1 AND version = $2 RETURNING id', [
      id,
      version,
    ]);
    if (rows.length === 0) throw new StaleVersionError(`Link "${id}"`, await getLink(tx, id));
    await recordAudit(tx, actor, { action: 'link.remove', entity: 'link', entityId: id, before });
    return before;
  });
}
