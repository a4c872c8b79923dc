import { type Db, partnershipDyad } from '../../core/index.ts';
import type { AppDeps } from '../app.tsx';
import { signalsApi } from './api.ts';
import { signalsGlance } from './glance.ts';
import { signalsRoutes } from './routes.tsx';
import type { WarehouseSource } from './source.ts';

export { signalsApi } from './api.ts';
export { type SignalsGlance, type SignalsState, signalsGlance } from './glance.ts';
export { signalsRoutes } from './routes.tsx';
export { fileWarehouse, type WarehouseSource } from './source.ts';

/**
 * The signals pages and API as app plugins, and the glance the home page shows: `createApp({ db, ...signalsPlugins(db, source) })`.
 * @example signalsPlugins(db, fileWarehouse(readConfig().signalsPath))
 */
export function signalsPlugins(
  db: Db,
  warehouse: WarehouseSource,
): Pick<AppDeps, 'apiPlugins' | 'sitePlugins' | 'signals'> {
  return {
    apiPlugins: [signalsApi(warehouse)],
    sitePlugins: [signalsRoutes(db, warehouse)],
    signals: signalsGlance(warehouse, () => partnershipDyad(db)),
  };
}
