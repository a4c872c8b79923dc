import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { type Db, partnershipDyad } from '../../core/index.ts';
import { type DyadQuery, dayEvents, dyadSeries, topEventTypes, type Warehouse } from '../../signals/index.ts';
import { listMilestones } from '../../tracker/index.ts';
import { chartRoutes } from '../charts/index.ts';
import { type ChartMilestone, fileCoverage } from './chart.ts';
import { BusySignalsPage, DyadPage, dyadChart, NoSignalsPage } from './page.tsx';
import { readDyad } from './params.ts';
import { WarehouseBusy, type WarehouseSource } from './source.ts';

/** The signals pages: `/signals` (the record's partnership, or the pair of the form) and `/signals/:dyad`. */
export function signalsRoutes(db: Db, warehouse: WarehouseSource) {
  const app = new Hono();

  app.get('/signals', async (c) => {
    const { a, b } = c.req.query();
    if (a && b) {
      const rest = new URLSearchParams(c.req.query());
      rest.delete('a');
      rest.delete('b');
      const dyad = readDyad(`${a}-${b}`, {});
      return c.redirect(
        `${c.get('basePath')}/signals/${dyad.a}-${dyad.b}${rest.size ? `?${rest}` : ''}`,
        303,
      );
    }
    const dyad = await partnershipDyad(db);
    if (!dyad)
      throw new HTTPException(404, {
        message:
          'No dataset names a partnership here: choose two parties by their CAMEO codes, /signals?a=…&b=….',
      });
    return c.redirect(`${c.get('basePath')}/signals/${dyad}`, 302);
  });

  /** The tracker's milestones that concern both parties: they share the chart's time axis. */
  const milestonesOf = async (q: DyadQuery) =>
    (await listMilestones(db))
      .filter((m) => m.parties.includes(q.a) && m.parties.includes(q.b))
      .map((m) => ({ id: m.id, date: m.date, title: m.title }));

  // The chart on its own page (to link or embed) and as SVG, PNG and CSV.
  chartRoutes(app, '/signals/:dyad/chart', async (c) => {
    const q = readDyad(c.req.param('dyad') ?? '', c.req.query());
    const read = (w: Warehouse) => Promise.all([dyadSeries(w, q), w.manifest()]);
    const found = await warehouse(read);
    if (!found) throw new HTTPException(404, { message: 'No GDELT events have been loaded yet.' });
    const [series, files] = found;
    if (series.length === 0)
      throw new HTTPException(404, { message: `No events of ${q.a}–${q.b} are in the warehouse.` });
    return dyadChart(q, series, await milestonesOf(q), fileCoverage(files));
  });

  app.get('/signals/:dyad', async (c) => {
    const q = readDyad(c.req.param('dyad'), c.req.query());
    const day = c.req.query('day') || undefined;
    const dayQ = day ? readDyad(c.req.param('dyad'), { ...c.req.query(), from: day, to: day }) : undefined;
    const read = (w: Warehouse) =>
      Promise.all([
        dyadSeries(w, q),
        topEventTypes(w, q, 10),
        dayQ && day ? dayEvents(w, dayQ, day, 20) : Promise.resolve([]),
        w.manifest(),
      ]);
    let found: Awaited<ReturnType<typeof read>> | undefined;
    let milestones: ChartMilestone[];
    try {
      [found, milestones] = await Promise.all([warehouse(read), milestonesOf(q)]);
    } catch (e) {
      if (!(e instanceof WarehouseBusy)) throw e;
      c.header('Retry-After', String(e.retryAfter));
      return c.html(<BusySignalsPage pid={e.pid} />, 503);
    }
    if (!found) return c.html(<NoSignalsPage />);
    const [series, top, events, files] = found;
    return c.html(
      <DyadPage
        q={q}
        series={series}
        top={top}
        milestones={milestones}
        coverage={fileCoverage(files)}
        day={day}
        dayEvents={events}
      />,
    );
  });

  return app;
}
