// What the tracker's routes read from a request and the record, refused in the reader's language.
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { Actor } from '../../accounts/index.ts';
import { type Db, problemsFromZod } from '../../core/index.ts';
import {
  type AssessmentRow,
  assessmentSeenBy,
  currentAssessments,
  Day,
  getTrackedItem,
  scoredAssessments,
  scoredItems,
  type TrackedItemRow,
} from '../../tracker/index.ts';
import { useI18n } from '../i18n.ts';

export const today = () => new Date().toISOString().slice(0, 10);

/** Reads `?as_of=` (today when absent); a malformed date is a 400 naming the parameter. */
export function asOfParam(c: Context): string {
  const raw = c.req.query('as_of');
  if (!raw) return today();
  const r = Day.safeParse(raw);
  if (!r.success) {
    const [first] = problemsFromZod(r.error.issues);
    throw new HTTPException(400, { message: useI18n().t('tracker.error.asOf', { problem: first!.message }) });
  }
  return r.data;
}

/** A 404 naming what is missing, in the reader's language. */
export function notFound(what: 'item' | 'assessment', id: string): HTTPException;
export function notFound(what: 'party', code: string): HTTPException;
export function notFound(what: 'item' | 'assessment' | 'party', id: string) {
  const { t } = useI18n();
  const name = what === 'party' ? t('tracker.what.party', { code: id }) : t(`tracker.what.${what}`, { id });
  return new HTTPException(404, { message: t('tracker.error.notInRecord', { what: name }) });
}

/** A refusal whose sentence the route wrote: 401 for anonymous readers (who may log in), 403 for others. */
export const refused = (actor: Actor, message: string) =>
  new HTTPException(actor.id === null ? 401 : 403, { message });

export async function itemOr404(db: Db, id: string): Promise<TrackedItemRow> {
  const item = await getTrackedItem(db, id);
  if (!item) throw notFound('item', id);
  return item;
}

/** An assessment the actor may see: drafts and reviews are a 404 to anyone but their assessor and editors. */
export async function visibleAssessment(db: Db, id: string, actor: Actor): Promise<AssessmentRow> {
  const a = await assessmentSeenBy(db, actor, id);
  if (!a) throw notFound('assessment', id);
  return a;
}

/** The scored items and the published assessment of each in force on `asOf`. */
export async function scoring(db: Db, asOf: string) {
  const [items, assessments] = await Promise.all([scoredItems(db), scoredAssessments(db)]);
  return { items, current: currentAssessments(assessments, asOf) };
}
