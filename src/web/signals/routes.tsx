import { Hono } from 'hono';
import type { Db } from '../../core/index.ts';
import { dayEvents, dyadSeries, topEventTypes } from '../../signals/index.ts';
import { listMilestones } from '../../tracker/index.ts';
import { DyadPage, NoSignalsPage } from './page.tsx';
import { readDyad } from './params.ts';
import type { WarehouseSource } from './source.ts';

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
    const w = await warehouse();
    if (!w) return c.html(<NoSignalsPage />);
    const day = c.req.query('day') || undefined;
    const dayQ = day ? readDyad(c.req.param('dyad'), { ...c.req.query(), from: day, to: day }) : undefined;
    const [series, top, milestones, events] = await Promise.all([
      dyadSeries(w, q),
      topEventTypes(w, q, 10),
      listMilestones(db),
      dayQ && day ? dayEvents(w, dayQ, day, 20) : Promise.resolve([]),
    ]);
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
