import { existsSync } from 'node:fs';
import { Warehouse } from '../../signals/index.ts';

/** How the site reaches the warehouse: opened on first use, kept open, `undefined` when there is none. */
export type WarehouseSource = () => Promise<Warehouse | undefined>;

/**
 * Opens the DuckDB file read-only on first use. Nothing is created: a site without signals shows how
 * to fetch them. (DuckDB lets one process write a file; `entente signals ingest` needs the server
 * stopped, or a second warehouse file.)
 */
export function fileWarehouse(path: string): WarehouseSource {
  let opened: Promise<Warehouse | undefined> | undefined;
  return () => {
    opened ??= existsSync(path)
      ? Warehouse.open(path, { readOnly: true }).catch((e: Error) => {
          opened = undefined;
          throw e;
        })
      : Promise.resolve(undefined);
    return opened;
  };
}
