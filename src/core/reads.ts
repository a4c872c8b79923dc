import { AsyncLocalStorage } from 'node:async_hooks';
import type { Queryable } from './db.ts';

interface Recording {
  statements: Set<string>;
  sources: Set<string>;
  shared: WeakMap<Queryable, Map<string, Promise<unknown>>>;
  memo?: ReadMemo;
}

/**
 * Reads kept from one request to the next (the read cache's, see `web/cache.ts`): `get` gives a
 * value read earlier only while the tables its statements named are unchanged since, and the
 * statements, which the rendering that reuses it depends on as if it had sent them.
 */
export interface ReadMemo {
  get(key: string): { value: unknown; statements: Iterable<string> } | undefined;
  set(key: string, value: unknown, statements: ReadonlySet<string>): void;
}

/**
 * The statements sent to the store while a piece of work runs, whatever handle or transaction sent
 * them: the read cache renders a page inside {@link recordingReads} and keeps it with the tables
 * those statements name. Both drivers call {@link noteStatement} for every statement.
 */
const recording = new AsyncLocalStorage<Recording>();

/**
 * Runs `fn`, collecting every statement sent to the store meanwhile (by `fn` and what it awaits).
 * `fn` must only read: reads made with {@link readOnce} are shared within it, and through `memo`
 * with later runs.
 */
export async function recordingReads<T>(
  fn: () => Promise<T>,
  memo?: ReadMemo,
): Promise<{ value: T; statements: Set<string>; sources: Set<string> }> {
  const r: Recording = { statements: new Set(), sources: new Set(), shared: new WeakMap(), memo };
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
 * state of them); with the read cache's memo, once for all pages until a table it read changes.
 * Callers must not change what they get (in tests it is frozen). Outside {@link recordingReads} (a
 * write, a signed-in reader's page), it reads.
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
    p = remembered(r, `${(q as { namespace?: string }).namespace ?? ''} ${key}`, read);
    kept.set(key, p);
  }
  return p;
}

/** {@link readOnce} for a list: each caller gets an array of its own (of the same rows). */
export async function readRows<T>(q: Queryable, key: string, read: () => Promise<T[]>): Promise<T[]> {
  return [...(await readOnce(q, key, read))];
}

async function remembered<T>(r: Recording, key: string, read: () => Promise<T>): Promise<T> {
  const hit = r.memo?.get(key);
  if (hit) {
    for (const sql of hit.statements) r.statements.add(sql);
    return hit.value as T;
  }
  // The read's own statements, so that what it is kept with is exactly what it read.
  const own: Recording = { statements: new Set(), sources: new Set(), shared: r.shared, memo: r.memo };
  const value = await recording.run(own, read);
  for (const sql of own.statements) r.statements.add(sql);
  for (const s of own.sources) r.sources.add(s);
  if (r.memo && own.sources.size === 0) {
    if (process.env.VITEST) deepFreeze(value);
    r.memo.set(key, value, own.statements);
  }
  return value;
}

/** Makes a kept value's mutation by a caller fail loudly in tests instead of changing other pages. */
function deepFreeze(v: unknown): void {
  if (v === null || typeof v !== 'object' || Object.isFrozen(v)) return;
  if (v instanceof Map)
    for (const [k, x] of v) {
      deepFreeze(k);
      deepFreeze(x);
    }
  else if (v instanceof Set) for (const x of v) deepFreeze(x);
  Object.freeze(v);
  for (const x of Object.values(v)) deepFreeze(x);
}
