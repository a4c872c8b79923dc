import { Hono } from 'hono';
import type { Db } from '../../core/index.ts';
import { dayEvents, dyadSeries, topEventTypes, type Warehouse } from '../../signals/index.ts';
import { listMilestones } from '../../tracker/index.ts';
import { BusySignalsPage, DyadPage, NoSignalsPage } from './page.tsx';
import { readDyad } from './params.ts';
import { WarehouseBusy, type WarehouseSource } from './source.ts';

const DEFAULT_DYAD = 'KOR-JPN';

/** The signals pages: `/signals` (KOR–JPN, or the pair of the form) and `/signals/:dyad`. */
export function signalsRoutes(db: Db, warehouse: WarehouseSource) {
  const app = new Hono();

  app.get('/signals', async (c) => {
    const { a, b } = c.req.query();
    if (a && b) {
      const rest = new URLSearchParams(c.req.query());
      rest.delete('a');
      rest.delete('b');
      const dyad = readDyad(`${a}-${b}`, {});
      return c.redirect(`/signals/${dyad.a}-${dyad.b}${rest.size ? `?${rest}` : ''}`, 303);
    }
    return c.redirect(`/signals/${DEFAULT_DYAD}`, 302);
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
      ]);
    let found: Awaited<ReturnType<typeof read>> | undefined;
    let milestones: Awaited<ReturnType<typeof listMilestones>>;
    try {
      [found, milestones] = await Promise.all([warehouse(read), listMilestones(db)]);
    } catch (e) {
      if (!(e instanceof WarehouseBusy)) throw e;
      c.header('Retry-After', String(e.retryAfter));
      return c.html(<BusySignalsPage pid={e.pid} />, 503);
    }
    if (!found) return c.html(<NoSignalsPage />);
    const [series, top, events] = found;
    // The tracker's milestones that concern both parties share the chart's time axis.
    const shown = milestones
      .filter((m) => m.parties.includes(q.a) && m.parties.includes(q.b))
      .map((m) => ({ id: m.id, date: m.date, title: m.title }));
    return c.html(
      <DyadPage q={q} series={series} top={top} milestones={shown} day={day} dayEvents={events} />,
    );
  });

  return app;
}
