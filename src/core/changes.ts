import { type Db, type Queryable, SHARED_NAMESPACE } from './db.ts';

/**
 * Tables whose writes change no page that the read cache keeps: sessions (written as people sign in),
 * failed logins, API tokens (each use is recorded; only the signed-in account page lists them), the
 * audit log (read only by those allowed to, whose pages are never kept), the search index (derived
 * from the records, brought up to date before each search) and the bookkeeping of migrations and of
 * the change number itself.
 */
export const UNWATCHED_TABLES = [
  'sessions',
  'login_strikes',
  'api_tokens',
  'audit_log',
  'search_documents',
  'search_pending',
  'entente_migrations',
  'entente_changes',
  'entente_table_changes',
] as const;

/**
 * Unwatched tables made from the records themselves (the search index): a read of them depends on
 * every table, as if it had read them all.
 */
export const DERIVED_TABLES = ['search_documents', 'search_pending'] as const;

const TRIGGER = 'entente_changes';

/**
 * Tables of which readers see only the published rows: a write raises the change number only when
 * the row was or becomes published, so that editors drafting and reviewing do not empty the cache of
 * pages that show none of it.
 */
const PUBLISHED_ONLY = new Set(['assessments']);

function triggersOf(table: string): string[] {
  const on = (name: string, event: string, when?: string) =>
    `CREATE CONSTRAINT TRIGGER ${name} AFTER ${event} ON "${table}" DEFERRABLE INITIALLY DEFERRED
       FOR EACH ROW ${when ? `WHEN (${when}) ` : ''}EXECUTE FUNCTION entente_count_change()`;
  if (!PUBLISHED_ONLY.has(table)) return [on(TRIGGER, 'INSERT OR UPDATE OR DELETE')];
  // PostgreSQL lets an INSERT trigger's condition read only NEW, and a DELETE trigger's only OLD.
  return [
    on(TRIGGER, 'INSERT', "NEW.state = 'published'"),
    on(`${TRIGGER}_update`, 'UPDATE', "OLD.state = 'published' OR NEW.state = 'published'"),
    on(`${TRIGGER}_delete`, 'DELETE', "OLD.state = 'published'"),
  ];
}

/**
 * Gives every table of the schema that lacks it (except {@link UNWATCHED_TABLES}) the deferred trigger
 * that raises the change number at the commit of a transaction that wrote to it. Run by the
 * migration runner after it applies migrations; returns the tables it added the trigger to. Every
 * watched table gets its row of table change numbers, so that the rows name all of them.
 */
export async function watchTables(tx: Queryable): Promise<string[]> {
  const [ready] = await tx.query<{ ok: boolean }>("SELECT to_regclass('entente_changes') IS NOT NULL AS ok");
  if (!ready?.ok) return [];
  const tables = await tx.query<{ name: string }>(
    `SELECT c.relname AS name
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE c.relkind IN ('r', 'p') AND n.nspname = current_schema()
        AND NOT (c.relname = ANY ($1))
        AND NOT EXISTS (SELECT 1 FROM pg_trigger t WHERE t.tgrelid = c.oid AND t.tgname = $2)
      ORDER BY 1`,
    [UNWATCHED_TABLES, TRIGGER],
  );
  for (const { name } of tables) for (const sql of triggersOf(name)) await tx.exec(sql);
  const [perTable] = await tx.query<{ ok: boolean }>(
    "SELECT to_regclass('entente_table_changes') IS NOT NULL AS ok",
  );
  if (perTable?.ok) {
    await tx.query(
      `INSERT INTO entente_table_changes (name, version)
       SELECT DISTINCT c.relname, 0
         FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
         JOIN pg_trigger t ON t.tgrelid = c.oid AND t.tgname = $1
        WHERE n.nspname = current_schema()
       ON CONFLICT (name) DO NOTHING`,
      [TRIGGER],
    );
  }
  return tables.map((t) => t.name);
}

/**
 * The change number: raised by every committed transaction that wrote to a watched table. Two reads
 * that give the same number saw the same records (the day aside: pages that depend on it are keyed
 * by it too). A dataset other than the default one has a number of its own, and its pages also show
 * what is shared (account names), so its number is both.
 */
export async function changeVersion(db: Pick<Db, 'query' | 'namespace'>): Promise<string> {
  return (await changeVersions(db)).all;
}

/**
 * The change numbers of a namespace: the store's (as {@link changeVersion}) and each watched table's.
 * Unqualified names resolve in the namespace first, then in the shared one, so a table of both is the
 * namespace's own; a table only the shared namespace has (accounts) is the shared one's.
 */
export interface ChangeVersions {
  all: string;
  tables: ReadonlyMap<string, string>;
}

export async function changeVersions(db: Pick<Db, 'query' | 'namespace'>): Promise<ChangeVersions> {
  const own = db.namespace === SHARED_NAMESPACE;
  const [row] = await db.query<{
    all: string | null;
    tables: Record<string, number> | null;
    shared: Record<string, number> | null;
  }>(
    own
      ? `SELECT (SELECT version FROM entente_changes)::text AS all,
                (SELECT json_object_agg(name, version) FROM entente_table_changes) AS tables,
                NULL::json AS shared`
      : `SELECT (SELECT version FROM entente_changes)::text || '.' ||
                (SELECT version FROM ${SHARED_NAMESPACE}.entente_changes)::text AS all,
                (SELECT json_object_agg(name, version) FROM entente_table_changes) AS tables,
                (SELECT json_object_agg(name, version) FROM ${SHARED_NAMESPACE}.entente_table_changes) AS shared`,
  );
  const tables = new Map<string, string>();
  for (const [name, v] of Object.entries(row?.shared ?? {})) tables.set(name, String(v));
  for (const [name, v] of Object.entries(row?.tables ?? {})) tables.set(name, String(v));
  return { all: row?.all ?? '0', tables };
}
