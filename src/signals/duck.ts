import { availableParallelism } from 'node:os';
import type { DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';

/** Plain JSON-friendly values: BIGINT as number, DATE/TIMESTAMP as ISO strings. */
export type Row = Record<string, string | number | boolean | null>;

function plain(v: unknown): string | number | boolean | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'bigint') return Number(v);
  if (v instanceof Date) return v.toISOString();
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  return String(v);
}

export interface DuckOptions {
  /**
   * DuckDB's memory limit; spills to disk beyond it. DuckDB's own allocations outside its buffer pool
   * and Node come on top: with 300 MB an ingest of 10 M rows peaks at about 730 MiB of RSS in
   * process (880 MiB with 400 MB), for 4 % less speed (bench/README.md).
   * @default '300MB' ({@link DEFAULT_MEMORY_MB})
   */
  memoryLimit?: string;
  /**
   * DuckDB's threads. Each holds buffers of its own, so within the memory limit more threads run out
   * of memory on a large batch (8 threads did on 230 MB of GDELT 2.0 files) where 4 do not.
   * @default the number of CPUs, at most 4
   */
  threads?: number;
  readOnly?: boolean;
}

export const DEFAULT_MEMORY_MB = 300;

/** A thin wrapper around one DuckDB connection: run statements, read plain rows. */
export class Duck {
  private constructor(
    readonly instance: DuckDBInstance,
    readonly conn: DuckDBConnection,
    /** As given to DuckDB, for messages that tell how to raise it. */
    readonly memoryLimit: string,
  ) {}

  static async open(path: string, opts: DuckOptions = {}): Promise<Duck> {
    const memoryLimit = opts.memoryLimit ?? `${DEFAULT_MEMORY_MB}MB`;
    const config: Record<string, string> = { memory_limit: memoryLimit };
    config.threads = String(opts.threads ?? Math.min(availableParallelism(), 4));
    if (opts.readOnly) config.access_mode = 'READ_ONLY';
    // DuckDB's bindings (some 180 files) are loaded at the first open, not with the module: commands
    // that never open a warehouse, `entente --help` among them, start without them.
    const { DuckDBInstance } = await import('@duckdb/node-api');
    const instance = await DuckDBInstance.create(path, config);
    return new Duck(instance, await instance.connect(), memoryLimit);
  }

  /** Runs a statement; returns the number of rows it changed. */
  async run(sql: string, params?: Record<string, string | number | boolean | null>): Promise<number> {
    const result = await this.conn.run(sql, params as never);
    return result.rowsChanged;
  }

  async all(sql: string, params?: Record<string, string | number | boolean | null>): Promise<Row[]> {
    const reader = await this.conn.runAndReadAll(sql, params as never);
    return reader.getRowObjectsJS().map((r) => {
      const out: Row = {};
      for (const [k, v] of Object.entries(r)) out[k] = plain(v);
      return out;
    });
  }

  close(): void {
    this.conn.closeSync();
    this.instance.closeSync();
  }
}

/**
 * Runs `work` in one transaction: commits when it returns; when it or the commit throws, rolls back
 * and throws the error on, as `failed` words it. An error of BEGIN itself passes unchanged: nothing
 * was begun.
 * @example await inTransaction(duck, () => duck.run('DELETE FROM cameo_codes'))
 */
export async function inTransaction<T>(
  duck: Duck,
  work: () => Promise<T>,
  failed: (e: unknown) => unknown = (e) => e,
): Promise<T> {
  await duck.run('BEGIN TRANSACTION');
  try {
    const result = await work();
    await duck.run('COMMIT');
    return result;
  } catch (e) {
    // After a fatal error DuckDB refuses the ROLLBACK too; the error that caused it is the one to tell.
    await duck.run('ROLLBACK').catch(() => {});
    throw failed(e);
  }
}
