import * as Plot from '@observablehq/plot';
import type { IndexPoint } from '../../signals/index.ts';
import { STATUSES, type Status } from '../../tracker/index.ts';
import { keptChart, renderPlot } from '../charts/index.ts';

/** The statuses from the most advanced to none, the order of the bars' segments and the legend. */
export const STATUS_ORDER: readonly Status[] = [
  'done',
  'partial',
  'started',
  'stalled',
  'reversed',
  'no-step',
  'not-assessed',
];

/** Segment colours: darker versions of the badges' tints, each with its word in the legend and table. */
export const STATUS_COLOR: Record<Status, string> = {
  done: '#2e7d32',
  partial: '#b38f00',
  started: '#d9822b',
  stalled: '#7b52ab',
  reversed: '#8a1c17',
  'no-step': '#d9534f',
  'not-assessed': '#b8bec6',
};

const FONT_SIZE = 12;

export interface StatusCount {
  /** The label of the bar: the party's name. */
  party: string;
  status: Status;
  count: number;
}

/**
 * Items by status per party as stacked horizontal bars (most advanced status first), the count
 * written in each segment wide enough to hold it. Each segment's tooltip names the party, the
 * status and the count.
 */
export function statusChart(rows: StatusCount[], opts: StatusChartOptions): string {
  return keptChart('status', rows, opts, { statusName: (f: (s: Status) => string) => STATUSES.map(f) }, () =>
    drawStatus(rows, opts),
  );
}

interface StatusChartOptions {
  width: number;
  label: string;
  statusName: (s: Status) => string;
  x: string;
}

function drawStatus(rows: StatusCount[], opts: StatusChartOptions): string {
  const parties = [...new Set(rows.map((r) => r.party))];
  const rank = (s: Status) => STATUS_ORDER.indexOf(s);
  const segments = parties.flatMap((party) => {
    let x = 0;
    return rows
      .filter((r) => r.party === party && r.count > 0)
      .sort((a, b) => rank(a.status) - rank(b.status))
      .map((r) => {
        const x1 = x;
        x += r.count;
        return { ...r, x1, x2: x, mid: x1 + r.count / 2 };
      });
  });
  const top = Math.max(1, ...segments.map((s) => s.x2));
  // Room for the longest party name: CJK glyphs take about a full em, Latin ones about half of it.
  const em = (ch: string) => (/[\u1100-\u11ff\u3000-\u9fff\uac00-\ud7af]/.test(ch) ? 1 : 0.58);
  const longest = Math.max(...parties.map((p) => [...p].reduce((s, ch) => s + em(ch), 0)));
  const marginLeft = Math.ceil(longest * FONT_SIZE) + 14;
  // A segment narrower than about two digits gets no number; its tooltip and the table still say it.
  const labelled = segments.filter((s) => (s.count / top) * (opts.width - marginLeft - 16) >= 20);
  const dark = (s: { status: Status }) => s.status === 'not-assessed' || s.status === 'partial';
  const text = (data: typeof segments, fill: string) =>
    Plot.text(data, { x: 'mid', y: 'party', text: (s) => String(s.count), fill, fontWeight: 600 });
  const svg = renderPlot({
    width: opts.width,
    height: 36 * parties.length + 58,
    marginLeft,
    marginBottom: 44,
    marginRight: 16,
    ariaLabel: opts.label,
    x: { label: opts.x, labelOffset: 38, grid: true, domain: [0, top] },
    y: { label: null, domain: parties, padding: 0.25 },
    color: { domain: [...STATUS_ORDER], range: STATUS_ORDER.map((s) => STATUS_COLOR[s]) },
    marks: [
      Plot.barX(segments, {
        x1: 'x1',
        x2: 'x2',
        y: 'party',
        fill: 'status',
        stroke: 'white',
        title: (s) => `${s.party}: ${opts.statusName(s.status)}, ${s.count}`,
      }),
      text(
        labelled.filter((s) => !dark(s)),
        'white',
      ),
      text(labelled.filter(dark), '#1b1f24'),
    ],
  });
  // Plot writes its default font size on the root element; bars this short read better a little larger.
  return svg.replace('font-size="10"', `font-size="${FONT_SIZE}"`);
}

/** One bar segment of the signals glance: a period's cooperation or conflict events. */
interface EventBar {
  date: Date;
  kind: 'cooperation' | 'conflict';
  events: number;
}

/**
 * The last months of a dyad's events as bars per day or week, cooperation below conflict: a period
 * without events (or without loaded files) has no bar, rather than a line drawn across it.
 */
export function glanceChart(
  points: IndexPoint[],
  opts: {
    width: number;
    height: number;
    by: 'day' | 'week';
    label: string;
    y: string;
    kinds: { cooperation: string; conflict: string };
  },
): string {
  const bars: EventBar[] = points.flatMap((p) => {
    const date = new Date(`${p.period}T00:00:00Z`);
    return [
      { date, kind: 'cooperation' as const, events: p.verbal_cooperation + p.material_cooperation },
      { date, kind: 'conflict' as const, events: p.verbal_conflict + p.material_conflict },
    ];
  });
  const day = (d: Date) => d.toISOString().slice(0, 10);
  return renderPlot({
    width: opts.width,
    height: opts.height,
    marginTop: 24,
    ariaLabel: opts.label,
    x: { type: 'utc', label: null },
    y: { label: opts.y, grid: true },
    color: { domain: ['cooperation', 'conflict'], range: ['#1b7837', '#b2182b'] },
    marks: [
      Plot.rectY(
        bars,
        Plot.stackY({
          x: 'date',
          y: 'events',
          interval: opts.by === 'day' ? 'day' : 'week',
          fill: 'kind',
          order: ['cooperation', 'conflict'],
          title: (b: EventBar) => `${day(b.date)}: ${b.events} ${opts.kinds[b.kind]}`,
          inset: 0.5,
        }),
      ),
      Plot.ruleY([0]),
    ],
  });
}
