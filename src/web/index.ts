export type { ApiPlugin } from './api/index.tsx';
export { type AppDeps, createApp } from './app.tsx';
export { Layout, type PageMeta } from './layout.tsx';
