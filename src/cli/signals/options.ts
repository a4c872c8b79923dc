import { Option } from 'commander';
import { CliError } from '../../core/index.ts';
import { DEFAULT_MEMORY_MB, type DyadQuery, dyadQuery } from '../../signals/index.ts';

/*
 * The options the signals commands share, and every check of a typed value: each returns the value
 * as the command uses it, or throws a CliError naming the option and what it takes.
 */

export const waitOption = () =>
  new Option('--wait <seconds>', 'how long to wait for another process to let go of the warehouse').default(
    '10',
  );

export function seconds(value: string): number {
  const n = Number(value);
  if (!(n >= 0)) throw new CliError(`--wait must be a number of seconds, got "${value}"`);
  return n;
}

export const memoryOption = () =>
  new Option('--memory-mb <n>', "DuckDB's memory limit; it spills to disk beyond it").default(
    String(DEFAULT_MEMORY_MB),
  );

export function memoryMb(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 16)
    throw new CliError(`--memory-mb must be an integer of at least 16, got "${value}"`);
  return n;
}

export function batchMb(value: string): number {
  const n = Number(value);
  if (!(n > 0)) throw new CliError(`--batch-mb must be a positive number, got "${value}"`);
  return n;
}

export function limit(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new CliError(`--limit must be a positive integer, got "${value}"`);
  return n;
}

export function concurrency(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 32)
    throw new CliError('--concurrency must be an integer from 1 to 32');
  return n;
}

/** The days of `fetch`: both required, YYYY-MM-DD, in order. */
export function dateRange(from: string, to: string): void {
  for (const d of [from, to]) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(d)) throw new CliError(`dates must be YYYY-MM-DD, got "${d}"`, 2);
  }
  orderedRange(from, to);
}

/** The dyad query of `index`, or a usage error (exit code 2) saying what was typed wrong. */
export function query(opts: {
  dyad: string;
  by: string;
  directed?: boolean;
  date: string;
  from?: string;
  to?: string;
}): DyadQuery {
  orderedRange(opts.from, opts.to);
  try {
    return dyadQuery(opts);
  } catch (e) {
    // Every problem here is in what was typed: a usage error.
    throw new CliError((e as Error).message, 2);
  }
}

/** `--from` after `--to` selects nothing; say so instead of printing an empty table. */
export function orderedRange(from: string | undefined, to: string | undefined) {
  // ISO dates (YYYY-MM-DD) compare as strings; malformed ones are reported by their own checks.
  if (from && to && /^\d{4}-\d{2}-\d{2}$/.test(from) && /^\d{4}-\d{2}-\d{2}$/.test(to) && from > to)
    throw new CliError(`--from ${from} is after --to ${to}: no day is in that range (did you swap them?)`, 2);
}
