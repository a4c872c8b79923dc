import type { ScoredAssessment } from './scores.ts';

/**
 * An item's status in one word a reader grasps at a glance, mapped from its assessment in force:
 * the implementation level, or a flag where one is set. "No step found" is an assessment (the
 * assessor searched and found nothing); "Not assessed" means nobody has judged the item yet.
 */
export const STATUSES = [
  'not-assessed',
  'no-step',
  'reversed',
  'stalled',
  'started',
  'partial',
  'done',
] as const;
export type Status = (typeof STATUSES)[number];

/** Which level or flag each status stands for: the methodology page prints this table. */
export const STATUS_RULES: Record<Status, string> = {
  'not-assessed': 'no published assessment',
  'no-step': 'implementation 0, with the sources searched',
  reversed: 'flag "reversed", whatever the level',
  stalled: 'flag "stalled", whatever the level',
  started: 'implementation 1',
  partial: 'implementation 2',
  done: 'implementation 3',
};

export function statusOf(a: Pick<ScoredAssessment, 'implementation' | 'flags'> | undefined): Status {
  if (!a) return 'not-assessed';
  if (a.flags?.includes('reversed')) return 'reversed';
  if (a.flags?.includes('stalled')) return 'stalled';
  return (['no-step', 'started', 'partial', 'done'] as const)[a.implementation] ?? 'not-assessed';
}

/**
 * Every item's status on the day `current` was taken. A record that restates others takes the
 * least advanced status of the records it restates (STATUSES is in that order), since it is
 * tracked through them and never assessed itself.
 */
export function itemStatuses(
  items: { id: string; restates?: string[] | null }[],
  current: Map<string, Pick<ScoredAssessment, 'implementation' | 'flags'>>,
): Map<string, Status> {
  const own = new Map(items.map((i) => [i.id, statusOf(current.get(i.id))] as const));
  const rank = (s: Status) => STATUSES.indexOf(s);
  return new Map(
    items.map((i) => {
      const targets = i.restates ?? [];
      if (targets.length === 0) return [i.id, own.get(i.id)!] as const;
      const statuses = targets.map((t) => own.get(t) ?? statusOf(current.get(t)));
      return [i.id, statuses.reduce((a, b) => (rank(b) < rank(a) ? b : a))] as const;
    }),
  );
}

/**
 * Items with their status and the as-of date of the assessment behind it (for a restating record,
 * the latest of the records it restates): what lists, exports and the `scores` command show.
 */
export function withStatus<T extends { id: string; restates?: string[] | null }>(
  items: T[],
  current: Map<string, Pick<ScoredAssessment, 'implementation' | 'flags' | 'as_of'>>,
): (T & { status: Status; assessed_as_of: string | null })[] {
  const statuses = itemStatuses(items, current);
  return items.map((i) => {
    const behind = (i.restates?.length ? i.restates : [i.id]).flatMap((id) => current.get(id)?.as_of ?? []);
    return { ...i, status: statuses.get(i.id)!, assessed_as_of: behind.sort().at(-1) ?? null };
  });
}
