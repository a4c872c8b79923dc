import * as Plot from '@observablehq/plot';
import type { IndexPoint, ManifestEntry } from '../../signals/index.ts';
import { at } from '../base-path.ts';
import { fitText, labelRows, renderPlot, textWidth } from '../charts/index.ts';

export interface ChartMilestone {
  id: string;
  date: string;
  title: string;
}

// Milestone dates may be partial (YYYY or YYYY-MM): they are drawn at the start of their period.
const day = (iso: string) => {
  const [y, m = '01', d = '01'] = iso.slice(0, 10).split('-');
  return new Date(`${y}-${m}-${d}T00:00:00Z`);
};
const DAY_MS = 86_400_000;

/**
 * The time span the chart draws: from the first period of the data to the last, whatever the
 * milestones' dates. A single period gets a day either side, so that its points have room.
 */
export function dataSpan(points: IndexPoint[]): [Date, Date] | undefined {
  if (points.length === 0) return undefined;
  const dates = points.map((p) => day(p.period).getTime());
  const lo = Math.min(...dates);
  const hi = Math.max(...dates);
  return lo === hi ? [new Date(lo - DAY_MS), new Date(hi + DAY_MS)] : [new Date(lo), new Date(hi)];
}

/** The milestones whose date falls within the span, in date order. */
export function milestonesWithin(milestones: ChartMilestone[], span: [Date, Date] | undefined) {
  if (!span) return [];
  return milestones
    .filter((m) => day(m.date) >= span[0] && day(m.date) <= span[1])
    .sort((a, b) => a.date.localeCompare(b.date));
}

/**
 * What the loaded files cover: how many, and the first and last day in their names (GDELT names each
 * file by when it was published: `20250103111500.export.CSV`, `20240101.export.CSV`). Files whose
 * name holds no date are counted but give no day.
 */
export function fileCoverage(files: Pick<ManifestEntry, 'name'>[]) {
  const days = files
    .map((f) => /(?:^|[^\d])((\d{4})(\d{2})(\d{2}))(?:\d{6})?(?=\D|$)/.exec(f.name))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => `${m[2]}-${m[3]}-${m[4]}`)
    .sort();
  return { files: files.length, first: days[0] ?? null, last: days.at(-1) ?? null };
}

export interface CooperationChartOptions {
  width: number;
  height: number;
  label: string;
  /** Axis labels, with units. */
  x?: string;
  y?: string;
  /** The names of the two lines, written at their ends. */
  names?: { cooperation: string; conflict: string };
  /** How a count is written beside its point. */
  value?: (n: number) => string;
}

const COLORS = { cooperation: '#1b7837', conflict: '#b2182b' };
const MILESTONE_SIZE = 10;
const ROW = 13;
const MARGIN = { left: 50, right: 90 };

/**
 * Cooperation against conflict per period (events of QuadClass 1–2 against 3–4) over the span of
 * the data, with the tracker's milestones inside that span as dashed rules, each labelled (date and
 * title, shortened to fit) in rows above the plot so that no two labels overlap, and linking to its
 * page. Each line ends in its name; counts are written beside the points (every point up to 31 per
 * line, the highest of each line beyond that).
 */
export function cooperationChart(
  points: IndexPoint[],
  milestones: ChartMilestone[],
  opts: CooperationChartOptions,
): string {
  const names = opts.names ?? { cooperation: 'cooperation', conflict: 'conflict' };
  const series = points.flatMap((p) => [
    {
      date: day(p.period),
      series: 'cooperation' as const,
      events: p.verbal_cooperation + p.material_cooperation,
    },
    { date: day(p.period), series: 'conflict' as const, events: p.verbal_conflict + p.material_conflict },
  ]);
  type Point = (typeof series)[number];
  const span = dataSpan(points);
  const shown = milestonesWithin(milestones, span);
  const top = Math.max(1, ...series.map((s) => s.events));
  // Where each milestone label goes: the plot's x scale, computed here to lay the labels out.
  const plotWidth = opts.width - MARGIN.left - MARGIN.right;
  const px = (d: Date) =>
    span
      ? MARGIN.left +
        ((d.getTime() - span[0].getTime()) / (span[1].getTime() - span[0].getTime())) * plotWidth
      : 0;
  const labels = shown.map((m) => {
    const text = fitText(`${m.date} ${m.title}`, Math.min(200, plotWidth / 2), MILESTONE_SIZE);
    const width = textWidth(text, MILESTONE_SIZE);
    const x = px(day(m.date));
    // A label that would leave the picture on the right ends at its rule instead.
    const end = x + 3 + width > opts.width - 4;
    return { m, text, end, x: end ? x - 3 - width : x + 3, width };
  });
  const rows = labelRows(labels);
  const rowCount = rows.length ? Math.max(...rows) + 1 : 0;
  const marginTop = 24 + rowCount * ROW;
  const labelled = labels.map((l, i) => ({ ...l, row: rows[i]! }));
  const format = opts.value ?? String;
  const peaks = (['cooperation', 'conflict'] as const).map((s) => {
    const mine = series.filter((p) => p.series === s);
    return mine.length <= 31
      ? mine
      : mine.filter((p) => p.events === Math.max(...mine.map((q) => q.events))).slice(0, 1);
  });
  const other = new Map(series.map((p) => [`${p.series}-${p.date.getTime()}`, p.events]));
  const above = (p: Point) =>
    p.events >=
    (other.get(`${p.series === 'cooperation' ? 'conflict' : 'cooperation'}-${p.date.getTime()}`) ?? 0);
  const valued = peaks.flat();
  const valueText = {
    x: 'date',
    y: 'events',
    text: (p: Point) => format(p.events),
    fill: (p: Point) => COLORS[p.series],
    fontSize: 9,
    stroke: 'white',
    strokeWidth: 3,
    paintOrder: 'stroke',
  } as const;
  const ends = (['cooperation', 'conflict'] as const)
    .map((s) => series.filter((p) => p.series === s).at(-1))
    .filter((p): p is Point => p !== undefined);
  // Two names ending close together move apart, the higher line's up.
  const close = ends.length === 2 && Math.abs(ends[0]!.events - ends[1]!.events) < top * 0.08;
  const endDy = (p: Point) => (close ? (above(p) ? -6 : 6) : 0);
  return renderPlot({
    width: opts.width,
    height: opts.height + rowCount * ROW,
    marginTop,
    marginLeft: MARGIN.left,
    marginRight: MARGIN.right,
    ariaLabel: opts.label,
    x: { type: 'utc', label: opts.x ?? null, domain: span, labelAnchor: 'right' },
    y: { label: opts.y ?? 'events', grid: true, domain: [0, top], nice: true },
    color: {
      domain: ['cooperation', 'conflict'],
      range: [COLORS.cooperation, COLORS.conflict],
      legend: false,
    },
    marks: [
      Plot.ruleX(shown, {
        x: (m: ChartMilestone) => day(m.date),
        stroke: '#777',
        strokeDasharray: '3,3',
        title: (m: ChartMilestone) => `${m.date} ${m.title}`,
        href: (m: ChartMilestone) => at(`/milestones/${m.id}`),
      }),
      ...labelled.map((l) =>
        Plot.text([l], {
          x: () => day(l.m.date),
          frameAnchor: 'top',
          text: () => l.text,
          textAnchor: l.end ? 'end' : 'start',
          dx: l.end ? -3 : 3,
          dy: -(8 + l.row * ROW),
          fontSize: MILESTONE_SIZE,
          fill: '#444',
        }),
      ),
      Plot.lineY(series, { x: 'date', y: 'events', stroke: 'series', strokeWidth: 2 }),
      Plot.dot(series, {
        x: 'date',
        y: 'events',
        fill: 'series',
        r: 3,
        title: (d: Point) => `${d.date.toISOString().slice(0, 10)}: ${d.events} ${names[d.series]}`,
      }),
      Plot.text(valued.filter(above), { ...valueText, dy: -8 }),
      Plot.text(
        valued.filter((p) => !above(p)),
        { ...valueText, dy: 11 },
      ),
      ...ends.map((e) =>
        Plot.text([e], {
          x: 'date',
          y: 'events',
          text: (p: Point) => names[p.series],
          fill: COLORS[e.series],
          textAnchor: 'start',
          dx: 8,
          dy: endDy(e),
          fontSize: 11,
          fontWeight: 'bold',
        }),
      ),
    ],
  });
}
