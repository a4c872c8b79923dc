import { readFileSync } from 'node:fs';
import { Hono } from 'hono';
import type { Db } from '../../core/index.ts';
import type { Auth } from '../accounts/index.ts';
import { downloadRoutes } from './download-routes.ts';
import { editingRoutes } from './editing-routes.tsx';
import { readingRoutes } from './reading-routes.tsx';
import { scoreChartRoutes } from './score-chart-routes.tsx';

const STYLE = readFileSync(new URL('./tracker.css', import.meta.url), 'utf8');

/** The tracker's pages, forms, feeds and downloads, with its style sheet. */
export function trackerRoutes(db: Db, auth: Auth) {
  const app = new Hono();
  app.get('/assets/tracker.css', (c) =>
    c.body(STYLE, 200, {
      'Content-Type': 'text/css; charset=utf-8',
      'Cache-Control': 'public, max-age=3600',
    }),
  );
  app.route('/', scoreChartRoutes(db));
  app.route('/', readingRoutes(db, auth));
  app.route('/', editingRoutes(db, auth));
  app.route('/', downloadRoutes(db));
  return app;
}
