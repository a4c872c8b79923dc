import type { MiddlewareHandler } from 'hono';
import { getContext } from 'hono/context-storage';

declare module 'hono' {
  interface ContextVariableMap {
    basePath: string;
  }
}

/**
 * Where a dataset's site lives: `''` for the store's default dataset (so that its addresses are the
 * ones published before a store held several), `/d/<dataset id>` for every other one.
 */
export const datasetBasePath = (id: string, isDefault: boolean): string => (isDefault ? '' : `/d/${id}`);

/** Makes `base` the prefix that {@link at} puts before the site's own addresses in this request. */
export const basePathMiddleware =
  (base: string): MiddlewareHandler =>
  async (c, next) => {
    c.set('basePath', base);
    await next();
  };

/**
 * The address of one of the site's own pages (`/tracker`, `/items/x`) in the dataset being served:
 * unchanged for the default dataset, `/d/<id>/tracker` for another. Every link, form action and
 * redirect to a page of the site goes through it; outside a request it leaves the path as it is.
 * A dataset's home is `/d/<id>/` (its `/d/<id>` is sent there), as a static host serves a folder.
 */
export function at(path: string): string {
  let base = '';
  try {
    base = getContext().var.basePath ?? '';
  } catch {
    return path;
  }
  if (!base || !path.startsWith('/') || path.startsWith('//')) return path;
  return `${base}${path}`;
}

/** The base path of the request being rendered (`''` outside a request or for the default dataset). */
export function currentBasePath(): string {
  try {
    return getContext().var.basePath ?? '';
  } catch {
    return '';
  }
}
