import { dyadQuery, dyadSeries, type IndexPoint } from '../../signals/index.ts';
import { WarehouseBusy, type WarehouseSource } from './source.ts';

/** The last months of a dyad's event record, as the home page shows them: the record's own pair. */
export interface SignalsGlance {
  a: string;
  b: string;
  by: 'day' | 'week';
  /** First and last period shown (YYYY-MM-DD). */
  from: string;
  to: string;
  points: IndexPoint[];
  events: number;
  cooperation: number;
  conflict: number;
}

/** What the home page learns from the warehouse: the glance, none loaded, or busy being written. */
export type SignalsState = { state: 'loaded'; glance: SignalsGlance } | { state: 'none' } | { state: 'busy' };

/** How many days before the last event day the glance reaches back. */
const WINDOW_DAYS = 183;
/** Up to this many days are drawn day by day; a longer span is drawn week by week. */
const DAILY_UP_TO = 62;

const minusDays = (iso: string, days: number) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);
const daysBetween = (a: string, b: string) => (Date.parse(b) - Date.parse(a)) / 86_400_000;

/**
 * The last months of the `a`–`b` record (undirected, by event date): the six months up to the last
 * event day in the warehouse, day by day when they span two months or less, else week by week. Old
 * events that late files mention do not stretch the window, which is anchored on the latest day.
 */
export function signalsGlance(
  warehouse: WarehouseSource,
  pair: () => Promise<string | undefined>,
): () => Promise<SignalsState> {
  return async () => {
    const dyad = await pair();
    if (!dyad) return { state: 'none' };
    try {
      const glance = await warehouse(async (w) => {
        const daily = await dyadSeries(w, dyadQuery({ dyad, by: 'day' }));
        const last = daily.at(-1)?.period;
        if (!last) return undefined;
        const start = minusDays(last, WINDOW_DAYS);
        const recent = daily.filter((p) => p.period >= start);
        const first = recent[0]!.period;
        const weekly = daysBetween(first, last) > DAILY_UP_TO;
        const points = weekly
          ? await dyadSeries(w, dyadQuery({ dyad, by: 'week', from: first, to: last }))
          : recent;
        const q = dyadQuery({ dyad });
        const sum = (f: (p: IndexPoint) => number) => points.reduce((s, p) => s + f(p), 0);
        return {
          a: q.a,
          b: q.b,
          by: weekly ? ('week' as const) : ('day' as const),
          from: first,
          to: last,
          points,
          events: sum((p) => p.events),
          cooperation: sum((p) => p.verbal_cooperation + p.material_cooperation),
          conflict: sum((p) => p.verbal_conflict + p.material_conflict),
        };
      });
      return glance ? { state: 'loaded', glance } : { state: 'none' };
    } catch (e) {
      if (e instanceof WarehouseBusy) return { state: 'busy' };
      throw e;
    }
  };
}
