import { type Actor, can } from '../accounts/index.ts';
import type { Queryable } from '../core/index.ts';
import { type AssessmentFilter, getAssessment, listAssessments } from './assessment-queries.ts';
import type { AssessmentRow } from './views.ts';

export const isAssessor = (actor: Actor, a: Pick<AssessmentRow, 'assessor_id'>) =>
  actor.id !== null && a.assessor_id === actor.id;

/**
 * Whether `actor` may read an assessment: published ones are public; drafts and reviews are read by
 * their assessor and by editors, never by other contributors.
 */
export function maySee(actor: Actor, a: Pick<AssessmentRow, 'state' | 'assessor_id'>): boolean {
  return a.state === 'published' || can(actor.role, 'assessment.review') || isAssessor(actor, a);
}

/** The assessments `actor` may read, newest judgement first. */
export async function assessmentsSeenBy(
  q: Queryable,
  actor: Actor,
  f: AssessmentFilter = {},
): Promise<AssessmentRow[]> {
  return (await listAssessments(q, f)).filter((a) => maySee(actor, a));
}

/** One assessment, if it exists and `actor` may read it: to anyone else a draft does not exist. */
export async function assessmentSeenBy(
  q: Queryable,
  actor: Actor,
  id: string,
): Promise<AssessmentRow | undefined> {
  const a = await getAssessment(q, id);
  return a && maySee(actor, a) ? a : undefined;
}
