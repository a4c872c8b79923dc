import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * The statements sent to the store while a piece of work runs, whatever handle or transaction sent
 * them: the read cache renders a page inside {@link recordingReads} and keeps it with the tables
 * those statements name. Both drivers call {@link noteStatement} for every statement.
 */
const recording = new AsyncLocalStorage<Set<string>>();

/** Runs `fn`, collecting every statement sent to the store meanwhile (by `fn` and what it awaits). */
export async function recordingReads<T>(
  fn: () => Promise<T>,
): Promise<{ value: T; statements: Set<string> }> {
  const statements = new Set<string>();
  const value = await recording.run(statements, fn);
  return { value, statements };
}

/** Called by the drivers with each statement; does nothing outside {@link recordingReads}. */
export function noteStatement(sql: string): void {
  recording.getStore()?.add(sql);
}
