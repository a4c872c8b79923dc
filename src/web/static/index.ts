export { type BuildOptions, type BuildReport, buildSite } from './build.ts';
export type { RequestHandler } from './crawl.ts';
