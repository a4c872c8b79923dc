import type { MiddlewareHandler } from 'hono';
import { getContext } from 'hono/context-storage';
import type { Db } from '../core/index.ts';

/** A dataset of the store as the site shows it. */
export interface SiteDataset {
  id: string;
  title: string;
  /** Where its pages are: `''` for the default dataset, `/d/<id>` for another. */
  basePath: string;
  /** The store as this dataset sees it. */
  db: Db;
}

declare module 'hono' {
  interface ContextVariableMap {
    /** Every dataset of the store, the default one first (for the switch in the header). */
    datasets: readonly SiteDataset[];
  }
}

/** Gives the request the list of the store's datasets. */
export const datasetsMiddleware =
  (datasets: readonly SiteDataset[]): MiddlewareHandler =>
  async (c, next) => {
    c.set('datasets', datasets);
    await next();
  };

/** The store's datasets, in the request being rendered; none outside a request. */
export function useDatasets(): readonly SiteDataset[] {
  try {
    return getContext().var.datasets ?? [];
  } catch {
    return [];
  }
}
