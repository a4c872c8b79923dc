import { Hono } from 'hono';
import { type Db, isDatasetId, SHARED_NAMESPACE, storedDatasets } from '../core/index.ts';
import { type AppDeps, createApp } from './app.tsx';
import { datasetBasePath } from './base-path.ts';
import { readCacheStore } from './cache.ts';
import type { SiteDataset } from './dataset-list.ts';

export interface SiteDeps extends Omit<AppDeps, 'basePath' | 'datasets'> {
  /** What a dataset's site adds that reads the dataset (the signals module reads its parties). */
  perDataset?: (db: Db) => Pick<AppDeps, 'apiPlugins' | 'sitePlugins' | 'signals' | 'sources'>;
}

/** The datasets of the store, each with the handle that reads it. */
async function siteDatasets(db: Db): Promise<SiteDataset[]> {
  return (await storedDatasets(db)).map((d) => ({
    id: d.id,
    title: d.title,
    basePath: datasetBasePath(d.id, d.isDefault),
    db: d.namespace === SHARED_NAMESPACE ? db : db.inNamespace(d.namespace),
  }));
}

/**
 * The site of every dataset in the store: the default one at the root, with the addresses it had
 * when a store held one, every other under `/d/<id>/`, each its own app over its own schema (own
 * change number; one read cache for all). A dataset imported while the site runs is found at the first
 * request for its address.
 */
export async function createSite(deps: SiteDeps): Promise<Hono> {
  const datasets: SiteDataset[] = await siteDatasets(deps.db);
  // One read cache for all the datasets' apps, so that its memory setting bounds the whole site.
  const cache = deps.cache && {
    ...deps.cache,
    store: deps.cache.store ?? readCacheStore(deps.cache.maxBytes),
  };
  const apps = new Map<string, Hono>();
  const appOf = (d: SiteDataset) => {
    let app = apps.get(d.basePath);
    if (!app) {
      app = createApp({
        ...deps,
        ...deps.perDataset?.(d.db),
        db: d.db,
        basePath: d.basePath,
        datasets,
        cache,
      });
      apps.set(d.basePath, app);
    }
    return app;
  };
  const home = datasets.find((d) => d.basePath === '') ?? {
    id: '',
    title: '',
    basePath: '',
    db: deps.db,
  };

  // Looking again for an unknown id is one catalogue query, bounded by the id's form; what is found
  // is added in place, so every app's header lists it too.
  const find = async (id: string): Promise<SiteDataset | undefined> => {
    const known = datasets.find((d) => d.basePath === `/d/${id}`);
    if (known || !isDatasetId(id)) return known;
    const now = await siteDatasets(deps.db);
    for (const d of now) if (!datasets.some((k) => k.basePath === d.basePath)) datasets.push(d);
    return datasets.find((d) => d.basePath === `/d/${id}`);
  };

  const site = new Hono();
  // A dataset's home answers at `/d/<id>/` (the address its links give) and at `/d/<id>`, the name a
  // static copy's crawl gives it.
  site.all('/d/:id', async (c) => {
    const d = await find(c.req.param('id'));
    return (d ? appOf(d) : appOf(home)).fetch(c.req.raw, c.env);
  });
  site.all('/d/:id/*', async (c) => {
    const d = await find(c.req.param('id'));
    return (d ? appOf(d) : appOf(home)).fetch(c.req.raw, c.env);
  });
  site.all('*', (c) => appOf(home).fetch(c.req.raw, c.env));
  return site;
}
