import {
  CliError,
  type Config,
  type Db,
  datasetStore,
  openStore,
  readConfig,
  storedDatasets,
} from '../core/index.ts';

/**
 * What commands need from the outside world, passed in so that tests can run commands in-process
 * with a quiet output and a store of their own.
 */
export interface CliContext {
  config: Config;
  out: (line: string) => void;
  err: (line: string) => void;
  /** Whether to draw progress bars (a terminal) or print plain progress lines (CI, pipes). */
  interactive: boolean;
  openStore: () => Promise<Db>;
}

export function defaultContext(): CliContext {
  const config = readConfig();
  return {
    config,
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
    interactive: Boolean(process.stderr.isTTY) && !process.env.CI,
    openStore: () => openStore(config),
  };
}

/** Opens the store, runs `fn`, and always closes the store. */
export async function withStore<T>(ctx: CliContext, fn: (db: Db) => Promise<T>): Promise<T> {
  const db = await ctx.openStore();
  try {
    return await fn(db);
  } finally {
    await db.close();
  }
}

/** The option that chooses one of the datasets of the store. */
export const DATASET_OPTION = [
  '--dataset <id>',
  'one of the datasets in the store (default: the store’s default dataset, the first imported)',
] as const;

/**
 * The store as dataset `id` sees it (the default dataset when `id` is absent); a dataset the store
 * does not hold is refused with the ones it does.
 */
export async function datasetOf(db: Db, id: string | undefined): Promise<Db> {
  if (id === undefined) return db;
  const scoped = await datasetStore(db, id);
  if (scoped) return scoped;
  const held = (await storedDatasets(db)).map((d) => d.id);
  throw new CliError(
    `The store holds no dataset "${id}"; ${held.length === 0 ? 'it holds none yet' : `it holds ${held.join(', ')}`}. Import it first: entente import <folder>.`,
  );
}

/** Opens the store, runs `fn` on dataset `id` (the default one when absent), and closes the store. */
export function withDataset<T>(
  ctx: CliContext,
  id: string | undefined,
  fn: (db: Db) => Promise<T>,
): Promise<T> {
  return withStore(ctx, async (db) => fn(await datasetOf(db, id)));
}
