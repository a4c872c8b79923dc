import { type Db, noteSource, partnershipDyad } from '../../core/index.ts';
import type { AppDeps } from '../app.tsx';
import { signalsApi } from './api.ts';
import { signalsGlance } from './glance.ts';
import { signalsRoutes } from './routes.tsx';
import { WarehouseBusy, type WarehouseSource } from './source.ts';

export { signalsApi } from './api.ts';
export { type SignalsGlance, type SignalsState, signalsGlance } from './glance.ts';
export { signalsRoutes } from './routes.tsx';
export { fileVersion, fileWarehouse, type WarehouseSource } from './source.ts';

/** The warehouse's name among the sources the read cache follows. */
export const WAREHOUSE_SOURCE = 'signals_warehouse';

/**
 * The signals pages and API as app plugins, and the glance the home page shows: `createApp({ db, ...signalsPlugins(db, source) })`.
 * @example signalsPlugins(db, fileWarehouse(readConfig().signalsPath))
 */
export function signalsPlugins(
  db: Db,
  source: WarehouseSource,
): Pick<AppDeps, 'apiPlugins' | 'sitePlugins' | 'signals' | 'sources'> {
  // Every read is noted, so that a kept page that read the warehouse goes when it changes; a page
  // rendered while another process writes it names a source with no version, and is not kept.
  const warehouse: WarehouseSource = async (fn) => {
    noteSource(WAREHOUSE_SOURCE);
    try {
      return await source(fn);
    } catch (e) {
      if (e instanceof WarehouseBusy) noteSource(`${WAREHOUSE_SOURCE} busy`);
      throw e;
    }
  };
  const version = source.version;
  return {
    sources: version ? [{ name: WAREHOUSE_SOURCE, version }] : [],
    apiPlugins: [signalsApi(warehouse)],
    sitePlugins: [signalsRoutes(db, warehouse)],
    signals: signalsGlance(warehouse, () => partnershipDyad(db)),
  };
}
