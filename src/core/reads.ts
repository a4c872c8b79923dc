import { AsyncLocalStorage } from 'node:async_hooks';
import type { Queryable } from './db.ts';

interface Recording {
  statements: Set<string>;
  sources: Set<string>;
  shared: WeakMap<Queryable, Map<string, Promise<unknown>>>;
}

/**
 * The statements sent to the store while a piece of work runs, whatever handle or transaction sent
 * them: the read cache renders a page inside {@link recordingReads} and keeps it with the tables
 * those statements name. Both drivers call {@link noteStatement} for every statement.
 */
const recording = new AsyncLocalStorage<Recording>();

/**
 * Runs `fn`, collecting every statement sent to the store meanwhile (by `fn` and what it awaits).
 * `fn` must only read: reads made with {@link readOnce} are shared within it.
 */
export async function recordingReads<T>(
  fn: () => Promise<T>,
): Promise<{ value: T; statements: Set<string>; sources: Set<string> }> {
  const r: Recording = { statements: new Set(), sources: new Set(), shared: new WeakMap() };
  const value = await recording.run(r, fn);
  return { value, statements: r.statements, sources: r.sources };
}

/** Called by the drivers with each statement; does nothing outside {@link recordingReads}. */
export function noteStatement(sql: string): void {
  recording.getStore()?.statements.add(sql);
}

/**
 * Called by what reads records kept outside the store (the signals warehouse, by `name`) each time
 * it is read; does nothing outside {@link recordingReads}. The read cache keeps what was rendered
 * from it only while the source's version (`ReadVersions.sources`) stays the same.
 */
export function noteSource(name: string): void {
  recording.getStore()?.sources.add(name);
}

/**
 * The answer of `read(q)`, read once per rendering of a page: a page whose parts each need, say,
 * every item's status gets them from one read of the records (and all its parts from the same
 * state of them). Outside {@link recordingReads} (a write, a signed-in reader's page), it reads.
 */
export function readOnce<T>(q: Queryable, key: string, read: () => Promise<T>): Promise<T> {
  const r = recording.getStore();
  if (!r) return read();
  let kept = r.shared.get(q);
  if (!kept) {
    kept = new Map();
    r.shared.set(q, kept);
  }
  let p = kept.get(key) as Promise<T> | undefined;
  if (!p) {
    p = read();
    kept.set(key, p);
  }
  return p;
}
