import * as Plot from '@observablehq/plot';
import type { IndexPoint } from '../../signals/index.ts';
import { renderPlot } from '../charts/plot.ts';

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

/**
 * Cooperation against conflict per period (events of QuadClass 1–2 against 3–4) with the tracker's
 * milestones as rules on the same time axis, each linking to its page.
 */
export function cooperationChart(
  points: IndexPoint[],
  milestones: ChartMilestone[],
  opts: { width: number; height: number; label: string },
): string {
  const series = points.flatMap((p) => [
    { date: day(p.period), series: 'cooperation', events: p.verbal_cooperation + p.material_cooperation },
    { date: day(p.period), series: 'conflict', events: p.verbal_conflict + p.material_conflict },
  ]);
  const dates = [...points.map((p) => day(p.period)), ...milestones.map((m) => day(m.date))];
  const top = Math.max(1, ...series.map((s) => s.events));
  return renderPlot({
    width: opts.width,
    height: opts.height,
    marginTop: 24,
    ariaLabel: opts.label,
    x: {
      type: 'utc',
      label: null,
      domain: dates.length
        ? [new Date(Math.min(...dates.map(Number))), new Date(Math.max(...dates.map(Number)))]
        : undefined,
    },
    y: { label: 'events', grid: true, domain: [0, top] },
    color: { domain: ['cooperation', 'conflict'], range: ['#1b7837', '#b2182b'], legend: false },
    marks: [
      Plot.ruleX(milestones, {
        x: (m: ChartMilestone) => day(m.date),
        stroke: '#777',
        strokeDasharray: '3,3',
        title: (m: ChartMilestone) => `${m.date} ${m.title}`,
        href: (m: ChartMilestone) => `/milestones/${m.id}`,
      }),
      Plot.lineY(series, { x: 'date', y: 'events', stroke: 'series', strokeWidth: 2 }),
      Plot.dot(series, {
        x: 'date',
        y: 'events',
        fill: 'series',
        r: 3,
        title: (d: { date: Date; series: string; events: number }) =>
          `${d.date.toISOString().slice(0, 10)}: ${d.events} ${d.series} events`,
      }),
    ],
  });
}
