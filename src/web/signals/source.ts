import { existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { UnavailableError } from '../../core/index.ts';
import { lockHolder, Warehouse } from '../../signals/index.ts';

/**
 * How the site reaches the warehouse: runs `fn` with it open and returns what `fn` returns, or
 * `undefined` when there is no warehouse. Throws {@link WarehouseBusy} while another process writes it.
 */
export type WarehouseSource = (<T>(fn: (w: Warehouse) => Promise<T>) => Promise<T | undefined>) & {
  /**
   * Changes whenever what the warehouse holds may have (see {@link fileVersion}); a source without
   * one leaves what is read from it out of the read cache.
   */
  version?: () => Promise<string>;
};

/**
 * The identity, size and modification time (in nanoseconds) of a DuckDB file and of its write-ahead
 * log: another process's commit appends to the log and a checkpoint rewrites the file, so each
 * changes one of them; a file replaced by another has a new identity.
 */
export async function fileVersion(path: string): Promise<string> {
  const one = (p: string) =>
    stat(p, { bigint: true }).then(
      (s) => `${s.ino}:${s.size}:${s.mtimeNs}`,
      () => '-',
    );
  return (await Promise.all([one(path), one(`${path}.wal`)])).join(' ');
}

/** Another process (an `entente signals ingest` or `fetch`) holds the warehouse for writing. */
export class WarehouseBusy extends UnavailableError {
  constructor(readonly pid: number | undefined) {
    super(
      `the signals warehouse is being updated by another process${pid ? ` (PID ${pid})` : ''}; try again when it has finished`,
      'warehouse_busy',
      30,
    );
    this.name = 'WarehouseBusy';
  }
}

/** An open warehouse a little after its last use: pages that come together share one open. */
const IDLE_MS = 2000;

/**
 * Opens the DuckDB file read-only while the site needs it and lets go of it once idle, so that
 * `entente signals ingest` and `fetch` (DuckDB lets one process write a file, and none read it
 * meanwhile) can run beside `entente serve`; while they do, pages say so. Nothing is created: a site
 * without signals shows how to fetch them.
 */
export function fileWarehouse(path: string, opts: { idleMs?: number } = {}): WarehouseSource {
  const idleMs = opts.idleMs ?? IDLE_MS;
  let opened: Promise<Warehouse> | undefined;
  let users = 0;
  let timer: NodeJS.Timeout | undefined;
  const letGo = () => {
    const o = opened;
    opened = undefined;
    void o?.then((w) => w.close()).catch(() => {});
  };
  const source: WarehouseSource = async (fn) => {
    if (!existsSync(path)) return undefined;
    clearTimeout(timer);
    users++;
    try {
      opened ??= Warehouse.open(path, { readOnly: true }).catch((e: unknown) => {
        opened = undefined;
        const pid = lockHolder(e);
        throw pid === null ? e : new WarehouseBusy(pid);
      });
      return await fn(await opened);
    } finally {
      users--;
      if (users === 0) {
        timer = setTimeout(letGo, idleMs);
        timer.unref();
      }
    }
  };
  source.version = () => fileVersion(path);
  return source;
}
