import type { Db } from '../../core/index.ts';
import type { AppDeps } from '../app.tsx';
import { signalsApi } from './api.ts';
import { signalsRoutes } from './routes.tsx';
import type { WarehouseSource } from './source.ts';

export { signalsApi } from './api.ts';
export { signalsRoutes } from './routes.tsx';
export { fileWarehouse, type WarehouseSource } from './source.ts';

/**
 * The signals pages and API as app plugins: `createApp({ db, ...signalsPlugins(db, source) })`.
 * @example signalsPlugins(db, fileWarehouse(readConfig().signalsPath))
 */
export function signalsPlugins(
  db: Db,
  warehouse: WarehouseSource,
): Pick<AppDeps, 'apiPlugins' | 'sitePlugins'> {
  return { apiPlugins: [signalsApi(warehouse)], sitePlugins: [signalsRoutes(db, warehouse)] };
}
