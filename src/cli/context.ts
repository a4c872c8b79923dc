import { type Config, type Db, openStore, readConfig } from '../core/index.ts';

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
