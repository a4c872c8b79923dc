import { type Db, SHARED_NAMESPACE } from './db.ts';
import { migrate } from './migrate.ts';
import { Id } from './schema.ts';

/**
 * Several datasets in one store. The first dataset imported into a store lives in the `public`
 * schema, as every store did before it could hold more, so its addresses and its tables are what
 * they were: it is the store's default dataset. Every other dataset has a schema of its own,
 * `dataset_<id>`, holding the same record tables, so ids are unique within a dataset and two
 * datasets may use the same ones. Accounts (users, sessions, tokens, login limits, the audit log)
 * exist once, in `public`, and are found from every dataset's schema.
 */
export interface StoredDataset {
  id: string;
  title: string;
  /** The schema its records are in. */
  namespace: string;
  /** The store's default dataset, served at the site's root. */
  isDefault: boolean;
}

const PREFIX = 'dataset_';

/** Whether `id` can name a dataset: an `Id` short enough for its schema name (at most 63 bytes). */
export const isDatasetId = (id: string): boolean => id.length <= 50 && Id.safeParse(id).success;

/** The schema of a dataset other than the default one. */
export function namespaceOf(datasetId: string): string {
  if (!isDatasetId(datasetId)) {
    throw new Error(
      `"${datasetId}" is not a dataset id: lower-case letters, digits and single hyphens, at most 50`,
    );
  }
  return `${PREFIX}${datasetId.replaceAll('-', '_')}`;
}

async function datasetsIn(db: Db, namespace: string, isDefault: boolean): Promise<StoredDataset[]> {
  const rows = await db
    .inNamespace(namespace)
    .query<{ id: string; title: string }>('SELECT id, title FROM datasets ORDER BY id');
  return rows.map((r) => ({ ...r, namespace, isDefault }));
}

/** The schemas of the datasets other than the default one, by name. */
async function datasetSchemas(db: Db): Promise<string[]> {
  const rows = await db.query<{ name: string }>(
    'SELECT nspname AS name FROM pg_namespace WHERE starts_with(nspname, $1) ORDER BY nspname',
    [PREFIX],
  );
  return rows.map((r) => r.name);
}

/** The datasets a store holds: the default one first, then the others by id. */
export async function storedDatasets(db: Db): Promise<StoredDataset[]> {
  const found = await datasetsIn(db, SHARED_NAMESPACE, true);
  for (const name of await datasetSchemas(db)) found.push(...(await datasetsIn(db, name, false)));
  return found;
}

/**
 * The store as dataset `id` sees it: the handle itself for the default dataset (or for any dataset
 * when the store holds none yet: the first one imported becomes the default), a handle on the
 * dataset's own schema otherwise. With `create`, a dataset the store does not hold gets its schema,
 * migrated; without, it is `undefined`.
 */
export async function datasetStore(
  db: Db,
  id: string,
  options: { create?: boolean } = {},
): Promise<Db | undefined> {
  const root = db.inNamespace(SHARED_NAMESPACE);
  const defaults = await datasetsIn(db, SHARED_NAMESPACE, true);
  if (defaults.length === 0 || defaults.some((d) => d.id === id)) {
    return defaults.length === 0 && !options.create ? undefined : root;
  }
  const namespace = namespaceOf(id);
  const [exists] = await db.query<{ ok: boolean }>(
    'SELECT EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = $1) AS ok',
    [namespace],
  );
  const scoped = root.inNamespace(namespace);
  // A schema that exists was migrated when the store was opened (`migrateDatasets`).
  if (!exists?.ok) {
    if (!options.create) return undefined;
    await db.exec(`CREATE SCHEMA IF NOT EXISTS ${namespace}`);
    await migrate(scoped);
  }
  return scoped;
}

/** Brings the schema of every dataset other than the default one up to date (at each opening). */
export async function migrateDatasets(db: Db): Promise<void> {
  for (const name of await datasetSchemas(db)) await migrate(db.inNamespace(name));
}
