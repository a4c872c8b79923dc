import type { Context, Hono } from 'hono';
import { useI18n } from '../i18n.ts';
import { type Chart, chartCsv, standaloneSvg } from './chart.ts';
import { allowFraming } from './embed.ts';
import { ChartPage } from './figure.tsx';
import { renderPng } from './png.ts';

/**
 * Serves a chart at `path` (a Hono path such as `/opinion/:id/chart`) as its own embeddable page,
 * and at `path.svg`, `path.png` and `path.csv` as downloads. `load` reads the request (throwing the
 * HTTPException a bad parameter deserves) and returns the chart.
 */
/** The chart as a file of its own, with its source line introduced in the reader's language. */
function fileSvg(chart: Chart): string {
  const { t, locale } = useI18n();
  return standaloneSvg({ ...chart, source: t('chart.source', { source: chart.source }) }, { lang: locale });
}

export function chartRoutes(app: Hono, path: string, load: (c: Context) => Promise<Chart>): void {
  app.get(path, async (c) => {
    const chart = await load(c);
    allowFraming(c);
    return c.html(<ChartPage chart={chart} origin={new URL(c.req.url).origin} />);
  });
  app.get(`${path}.svg`, async (c) => {
    const chart = await load(c);
    return c.body(fileSvg(chart), 200, {
      'Content-Type': 'image/svg+xml; charset=utf-8',
      'Content-Disposition': `inline; filename="${chart.file}.svg"`,
    });
  });
  app.get(`${path}.png`, async (c) => {
    const chart = await load(c);
    const png = await renderPng(fileSvg(chart), { lang: useI18n().locale });
    return c.body(new Uint8Array(png), 200, {
      'Content-Type': 'image/png',
      'Content-Disposition': `inline; filename="${chart.file}.png"`,
    });
  });
  app.get(`${path}.csv`, async (c) => {
    const chart = await load(c);
    return c.body(chartCsv(chart), 200, {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${chart.file}.csv"`,
    });
  });
}
