import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { CliContext } from '../../src/cli/context.ts';
import { buildProgram } from '../../src/cli/program.ts';
import { openStore, readConfig } from '../../src/core/index.ts';

/**
 * The `entente` command run in process on a scratch data folder, with what it prints kept in
 * `out` and `err` (tests empty them with `.length = 0`, never by reassigning).
 */
export function cliSession(prefix: string) {
  const dataDir = mkdtempSync(path.join(tmpdir(), prefix));
  const out: string[] = [];
  const err: string[] = [];
  const config = readConfig({ ENTENTE_DATA: dataDir });
  const ctx: CliContext = {
    config,
    out: (l) => out.push(l),
    err: (l) => err.push(l),
    interactive: false,
    openStore: () => openStore(config),
  };
  return {
    dataDir,
    out,
    err,
    entente: (...args: string[]) =>
      buildProgram(ctx)
        .exitOverride()
        .parseAsync(['node', 'entente', ...args]),
    openStore: ctx.openStore,
    cleanup: () => rmSync(dataDir, { recursive: true, force: true }),
  };
}

export type CliSession = ReturnType<typeof cliSession>;
