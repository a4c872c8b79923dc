import { readFileSync } from 'node:fs';
import { inject } from 'vitest';
import { addUser } from '../../src/accounts/index.ts';
import { type Db, migrate, openPglite, type PgliteDb } from '../../src/core/index.ts';
import { importDataset } from '../../src/dataset/index.ts';
import { BUNDLED, MINI, mustLoad } from './datasets.ts';

/**
 * The stores tests start from, made once per run (test/setup/store-templates.ts) and copied for each
 * test: opening PGlite from a copy of its files is several times quicker than starting it empty,
 * migrating and importing, and `CREATE DATABASE … TEMPLATE` is the same on PostgreSQL.
 *
 * - `empty`: migrated, no rows
 * - `mini`: the small test dataset imported
 * - `bundled`: the bundled record imported
 * - `seeded`: the bundled record and one user per role (`USERS`, password `PASSWORD`)
 */
export type TemplateName = 'empty' | 'mini' | 'bundled' | 'seeded';
/** Every template, each after the one it is made from. */
export const TEMPLATES: TemplateName[] = ['empty', 'mini', 'bundled', 'seeded'];

export const PASSWORD = 'correct horse battery staple';

/** One user per role, plus a second editor so that someone other than the assessor can publish. */
export const USERS = [
  { username: 'carol', displayName: 'Carol Contributor', role: 'contributor' },
  { username: 'erin', displayName: 'Erin Editor', role: 'editor' },
  { username: 'ed', displayName: 'Ed Second-Editor', role: 'editor' },
  { username: 'ada', displayName: 'Ada Admin', role: 'admin' },
  { username: 'vic', displayName: 'Vic Viewer', role: 'viewer' },
] as const;

const SETUP = { id: null, name: 'test setup', role: 'admin' } as const;

/** Each template: the one it is made from (none: a migrated, empty store), and what it adds. */
const RECIPES: Record<TemplateName, { from?: TemplateName; add: (db: Db) => Promise<unknown> }> = {
  empty: { add: async () => {} },
  mini: { from: 'empty', add: (db) => importDataset(db, mustLoad(MINI)) },
  bundled: { from: 'empty', add: (db) => importDataset(db, mustLoad(BUNDLED)) },
  seeded: {
    from: 'bundled',
    add: async (db) => {
      for (const u of USERS) await db.transaction((tx) => addUser(tx, SETUP, { ...u, password: PASSWORD }));
    },
  },
};

/** The template `name` is made from, if any. */
export const templateBase = (name: TemplateName): TemplateName | undefined => RECIPES[name].from;

/** Adds to a store holding `name`'s base what `name` holds beyond it. */
export async function addTemplate(db: Db, name: TemplateName): Promise<void> {
  await RECIPES[name].add(db);
}

/** Fills a migrated, empty store as the template `name` holds it. */
export async function fillTemplate(db: Db, name: TemplateName): Promise<void> {
  const base = templateBase(name);
  if (base) await fillTemplate(db, base);
  await addTemplate(db, name);
}

/** What the global setup hands to the test files: where each template is. */
export interface StoreTemplates {
  /** PGlite dumps, by template. */
  pglite: Record<TemplateName, string>;
  /** PostgreSQL template databases, by template; absent when no server was reachable. */
  pg?: Record<TemplateName, string>;
}

declare module 'vitest' {
  export interface ProvidedContext {
    storeTemplates: StoreTemplates | undefined;
  }
}

const dumps = new Map<TemplateName, Blob>();

/** The templates of this run; none outside a vitest run (a helper used by a script). */
function provided(): StoreTemplates | undefined {
  try {
    return inject('storeTemplates');
  } catch {
    return undefined;
  }
}

/** A new in-memory store holding what the template holds. */
export async function pgliteFrom(name: TemplateName): Promise<PgliteDb> {
  let dump = dumps.get(name);
  const file = provided()?.pglite[name];
  if (!dump && file) {
    dump = new Blob([readFileSync(file)]);
    dumps.set(name, dump);
  }
  if (dump) return openPglite(undefined, { from: dump });
  // Without the global setup (a file run on its own config), the store is made the slow way.
  const db = await openPglite();
  await migrate(db);
  await fillTemplate(db, name);
  return db;
}

/** The PostgreSQL template database of `name`, if the global setup made one. */
export const pgTemplate = (name: TemplateName): string | undefined => provided()?.pg?.[name];
