export type { ApiPlugin } from './api/index.tsx';
export { type AppDeps, createApp, type ReadSource } from './app.tsx';
export { at, datasetBasePath } from './base-path.ts';
export type { SiteDataset } from './dataset-list.ts';
export { createSite, type SiteDeps } from './datasets.ts';
export { Layout, type PageMeta } from './layout.tsx';
