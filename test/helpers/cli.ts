import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { CliContext } from '../../src/cli/context.ts';
import { buildProgram } from '../../src/cli/program.ts';
import { type Db, readConfig } from '../../src/core/index.ts';
import { pgliteFrom, type TemplateName } from './templates.ts';

/**
 * The `entente` command run in process on a scratch data folder, with what it prints kept in
 * `out` and `err` (tests empty them with `.length = 0`, never by reassigning).
 *
 * Its store is one in-memory copy of a store template (`empty` unless told), opened at the first
 * command and kept open across commands, as the data folder would keep it between runs: each
 * command's `close` leaves it open, `cleanup` closes it. Starting PGlite once per session instead of
 * once per command (with `initdb` for a new folder) is what keeps these tests quick; the real
 * command, opening and closing its folder, is tested in test/cli/cli.test.ts.
 */
export function cliSession(prefix: string, options: { template?: TemplateName } = {}) {
  const dataDir = mkdtempSync(path.join(tmpdir(), prefix));
  const out: string[] = [];
  const err: string[] = [];
  const config = readConfig({ ENTENTE_DATA: dataDir });
  let store: Promise<Db> | undefined;
  const openStore = async (): Promise<Db> => {
    store ??= pgliteFrom(options.template ?? 'empty');
    const db = await store;
    return { ...db, close: async () => {} };
  };
  const ctx: CliContext = {
    config,
    out: (l) => out.push(l),
    err: (l) => err.push(l),
    interactive: false,
    openStore,
  };
  return {
    dataDir,
    out,
    err,
    entente: async (...args: string[]) =>
      (await buildProgram(ctx, args)).exitOverride().parseAsync(['node', 'entente', ...args]),
    openStore,
    cleanup: async () => {
      if (store) await (await store).close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export type CliSession = ReturnType<typeof cliSession>;
