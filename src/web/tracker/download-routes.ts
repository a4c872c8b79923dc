import { Hono } from 'hono';
import type { Db } from '../../core/index.ts';
import { listLinks, listPublished, listTrackedItems, withStatus } from '../../tracker/index.ts';
import { useI18n } from '../i18n.ts';
import { siteUrl } from '../site-url.ts';
import { assessmentRecords, assessmentsCsv, dataPackage, itemsCsv, linksCsv } from './exports.ts';
import { atomFeed } from './feed.ts';
import { scoring, today } from './lookups.ts';

const download = (name: string, type: string) => ({
  'Content-Type': `${type}; charset=utf-8`,
  'Content-Disposition': `attachment; filename="${name}"`,
});

/** The tracker's published record to take away: the Atom feed, the CSV and JSON files, the data package. */
export function downloadRoutes(db: Db) {
  const app = new Hono();

  app.get('/tracker/feed.atom', async (c) => {
    const party = c.req.query('party')?.toUpperCase() || undefined;
    const area = c.req.query('area') || undefined;
    const rows = await listPublished(db, { party, area, limit: 100 });
    const scope = [party, area].filter(Boolean).join(', ');
    return c.body(
      atomFeed(rows, {
        base: siteUrl(c),
        self: siteUrl(c),
        title: `${useI18n().t('tracker.feed.title')}${scope ? ` (${scope})` : ''}`,
      }),
      200,
      {
        'Content-Type': 'application/atom+xml; charset=utf-8',
      },
    );
  });

  app.get('/tracker/assessments.csv', async (c) =>
    c.body(assessmentsCsv(await listPublished(db), siteUrl(c)), 200, download('assessments.csv', 'text/csv')),
  );
  app.get('/tracker/assessments.json', async (c) => {
    c.header('Content-Disposition', 'attachment; filename="assessments.json"');
    return c.json(assessmentRecords(await listPublished(db), siteUrl(c)));
  });
  app.get('/tracker/items.csv', async (c) =>
    c.body(
      itemsCsv(withStatus(await listTrackedItems(db), (await scoring(db, today())).current), siteUrl(c)),
      200,
      download('items.csv', 'text/csv'),
    ),
  );
  app.get('/tracker/links.csv', async (c) =>
    c.body(linksCsv(await listLinks(db), siteUrl(c)), 200, download('links.csv', 'text/csv')),
  );
  app.get('/tracker/datapackage.json', (c) => c.json(dataPackage(siteUrl(c))));

  return app;
}
