import { existsSync } from 'node:fs';
import { setTimeout } from 'node:timers/promises';
import { CliError } from '../../core/index.ts';
import { IngestStopped, lockHolder, Warehouse } from '../../signals/index.ts';
import type { CliContext } from '../context.ts';

export interface OpenOptions {
  readOnly?: boolean;
  memoryMb?: number;
  /** How long to wait for another process (a server between two pages) to let go of the file. */
  waitSeconds?: number;
}

/** Opens the warehouse, or says in a {@link CliError} why it cannot and what to do. */
export async function openWarehouse(ctx: CliContext, opts: OpenOptions = {}): Promise<Warehouse> {
  const path = ctx.config.signalsPath;
  const readOnly = opts.readOnly ?? false;
  if (readOnly && path !== ':memory:' && !existsSync(path)) {
    throw new CliError(
      `there is no signals warehouse at ${path} yet: load GDELT files with \`entente signals ingest <files>\` or \`entente signals fetch\` (ENTENTE_SIGNALS sets where it lives)`,
    );
  }
  const open = () =>
    Warehouse.open(path, { readOnly, memoryLimit: opts.memoryMb ? `${opts.memoryMb}MB` : undefined });
  // Counted from the first refusal, not from the start: opening DuckDB may itself take a while.
  let deadline: number | undefined;
  let w: Warehouse | undefined;
  let told = false;
  while (!w) {
    try {
      w = await open();
    } catch (e) {
      const pid = lockHolder(e);
      if (pid === null)
        throw new CliError(`cannot open the signals warehouse ${path}: ${(e as Error).message}`);
      // `entente serve` lets go of the warehouse a moment after its last signals page.
      deadline ??= performance.now() + (opts.waitSeconds ?? 0) * 1000;
      if (performance.now() < deadline) {
        if (!told) ctx.err(`waiting for process ${pid ?? '(unknown)'} to let go of the signals warehouse…`);
        told = true;
        await setTimeout(250);
        continue;
      }
      throw new CliError(
        readOnly
          ? `the signals warehouse ${path} is being written by another process (PID ${pid ?? 'unknown'}: \`entente signals ingest\` or \`fetch\`). Try again when it is done, or set ENTENTE_SIGNALS to another file.`
          : `the signals warehouse ${path} is open in another process (PID ${pid ?? 'unknown'}: \`entente serve\` while a page reads it, or another \`entente signals\` command). Try again when it is done (--wait sets how long to wait for it), or set ENTENTE_SIGNALS to another file.`,
      );
    }
  }
  return w;
}

/** Opens the warehouse, runs `fn`, and always closes the warehouse. */
export async function withWarehouse<T>(
  ctx: CliContext,
  fn: (w: Warehouse) => Promise<T>,
  opts: OpenOptions = {},
): Promise<T> {
  const w = await openWarehouse(ctx, opts);
  try {
    return await fn(w);
  } catch (e) {
    // What the user can do is in its message: no stack trace.
    if (e instanceof IngestStopped) throw new CliError(e.message);
    throw e;
  } finally {
    w.close();
  }
}
