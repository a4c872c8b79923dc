import * as Plot from '@observablehq/plot';
import type { GapPoint, TrendPoint } from '../../opinion/index.ts';
import { keptChart, renderPlot, textWidth } from '../charts/index.ts';
import type { PartyLook } from '../party-look.ts';

export interface ChartText {
  /** Accessible name of the whole chart. */
  label: string;
  x: string;
  y: string;
  /** The word drawn at a break line. */
  breakMark: string;
  /** How a value is written beside its point. @default one decimal */
  value?: (x: number) => string;
}

const oneDecimal = (x: number) => String(Math.round(x * 10) / 10);

/**
 * Each point's value written beside it, so that nothing needs hovering: above the point when it is
 * the highest of its year, below otherwise, so that the labels of two publics keep apart.
 */
function valueMarks<T extends { year: number }>(
  points: T[],
  y: (p: T) => number,
  text: ChartText,
  fill: string | ((p: T) => string),
  above?: (p: T) => boolean,
) {
  const top = new Map<number, number>();
  for (const p of points) top.set(p.year, Math.max(top.get(p.year) ?? -Infinity, y(p)));
  const isAbove = above ?? ((p: T) => y(p) === top.get(p.year));
  const format = text.value ?? oneDecimal;
  const common = {
    x: 'year',
    y,
    text: (p: T) => format(y(p)),
    fill,
    fontSize: 9,
    stroke: 'white',
    strokeWidth: 3,
    paintOrder: 'stroke',
  } as const;
  return [
    Plot.text(points.filter(isAbove), { ...common, dy: -9 }),
    Plot.text(
      points.filter((p) => !isAbove(p)),
      { ...common, dy: 12 },
    ),
  ];
}

export interface ChartSize {
  width: number;
  height: number;
}

const lineKey = (p: { segment: number; public?: string }) => `${p.public ?? ''}-${p.segment}`;
/** Every year, or every second (third…) one where a chart is too narrow for a label a year. */
const yearTicks = (years: number[], width: number) => {
  const lo = Math.min(...years);
  const hi = Math.max(...years);
  const step = Math.max(1, Math.ceil(30 / ((width - 80) / (hi - lo + 1))));
  return Array.from({ length: hi - lo + 1 }, (_, i) => lo + i).filter((y) => (hi - y) % step === 0);
};

/** Dashed vertical rules where a segment starts after a break, with a short label. */
interface WithInterval {
  year: number;
  interval: { low: number; high: number } | null;
}

/**
 * Each point's 95 % interval: a shaded band, drawn apart for each value of `z`, and a rule at the
 * point, which shows the interval of a point that stands alone. `color` is a field or a colour.
 */
function intervalMarks<T extends WithInterval>(points: T[], z: (p: T) => string | undefined, color: string) {
  const known = points.filter((p) => p.interval !== null);
  const low = (p: T) => p.interval!.low;
  const high = (p: T) => p.interval!.high;
  return [
    Plot.areaY(known, { x: 'year', y1: low, y2: high, z, fill: color, fillOpacity: 0.15 }),
    Plot.ruleX(known, { x: 'year', y1: low, y2: high, stroke: color, strokeOpacity: 0.6 }),
  ];
}

function breakMarks(years: number[], text: ChartText, top: number) {
  const unique = [...new Set(years)].sort((a, b) => a - b);
  return [
    Plot.ruleX(unique, { x: (d) => d - 0.5, stroke: '#444', strokeDasharray: '4,3', strokeWidth: 1 }),
    Plot.text(unique, { x: (d) => d - 0.5, y: top, text: () => text.breakMark, dy: -6, fill: '#333' }),
  ];
}

/**
 * The trend of one answer in each public: shares with their 95 % interval as a band (and a rule at
 * each point, which shows the interval of a point that stands alone), one line per public and
 * segment, so that nothing is joined across a break. Each point carries a tooltip and links to its
 * source.
 */
export function trendChart(points: TrendPoint[], opts: TrendOptions): string {
  const codes = [...new Set([...opts.publics, ...points.map((p) => p.public)])];
  return keptChart(
    'trend',
    points,
    opts,
    {
      look: (look: PartyLook) => codes.map((c) => [c, look.name(c), look.style(c)]),
      describe: (f: (p: TrendPoint) => string) => points.map(f),
      href: (f: (p: TrendPoint) => string) => points.map(f),
      value: (f: (x: number) => string) => points.map((p) => f(p.share)),
    },
    () => drawTrend(points, opts),
  );
}

type TrendOptions = ChartText &
  ChartSize & {
    publics: string[];
    /** The name of a public, written at the end of its line, and its colour and symbol. */
    look: PartyLook;
    describe: (p: TrendPoint) => string;
    href: (p: TrendPoint) => string;
  };

function drawTrend(points: TrendPoint[], opts: TrendOptions): string {
  const years = points.map((p) => p.year);
  const breakYears = points.filter((p) => p.breaks.length > 0).map((p) => p.year);
  // A band, like a line, stops where its interval is not known (a wave without a sample size).
  const band = new Map<TrendPoint, string>();
  let gaps = 0;
  points.forEach((p, i) => {
    if (p.interval === null) gaps++;
    else band.set(p, `${lineKey(p)}-${i > 0 && lineKey(points[i - 1]!) === lineKey(p) ? gaps : ++gaps}`);
  });
  // Each line ends in its public's name: the legend inside the picture, in PNG and SVG files too.
  const { name, style } = opts.look;
  const last = opts.publics
    .map((code) => points.filter((p) => p.public === code).at(-1))
    .filter((p): p is TrendPoint => p !== undefined);
  const marginRight = Math.max(20, ...last.map((p) => textWidth(name(p.public), 11) + 16));
  return renderPlot({
    width: opts.width,
    height: opts.height,
    marginTop: 28,
    marginRight: Math.ceil(marginRight),
    ariaLabel: opts.label,
    x: { label: opts.x, ticks: years.length ? yearTicks(years, opts.width) : [], tickFormat: 'd', inset: 12 },
    y: { label: opts.y, domain: [0, 100], grid: true },
    color: { domain: opts.publics, range: opts.publics.map((c) => style(c).color) },
    symbol: { domain: opts.publics, range: opts.publics.map((c) => style(c).symbol) },
    marks: [
      ...intervalMarks(points, (p) => band.get(p), 'public'),
      ...breakMarks(breakYears, opts, 100),
      Plot.lineY(points, { x: 'year', y: 'share', z: lineKey, stroke: 'public', strokeWidth: 2 }),
      Plot.dot(points, {
        x: 'year',
        y: 'share',
        fill: 'public',
        symbol: 'public',
        r: 4,
        stroke: 'white',
        title: opts.describe,
        href: opts.href,
      }),
      ...valueMarks(
        points,
        (p) => p.share,
        opts,
        (p) => style(p.public).color,
      ),
      Plot.text(last, {
        x: 'year',
        y: 'share',
        text: (p: TrendPoint) => name(p.public),
        fill: (p: TrendPoint) => style(p.public).color,
        textAnchor: 'start',
        dx: 10,
        fontSize: 11,
        fontWeight: 'bold',
      }),
    ],
  });
}

/**
 * The perception gap: the first public's share minus the second's, in percentage points, with the
 * 95 % interval of the difference; a line only within a segment (see `gapPoints` for its rule).
 */
export function gapChart(points: GapPoint[], opts: GapOptions): string {
  return keptChart(
    'gap',
    points,
    opts,
    {
      describe: (f: (p: GapPoint) => string) => points.map(f),
      value: (f: (x: number) => string) => points.map((p) => f(p.gap)),
    },
    () => drawGap(points, opts),
  );
}

type GapOptions = ChartText & ChartSize & { describe: (p: GapPoint) => string };

function drawGap(points: GapPoint[], opts: GapOptions): string {
  const years = points.map((p) => p.year);
  const breakYears = points
    .filter((p, i) => i > 0 && p.segment !== points[i - 1]!.segment)
    .map((p) => p.year);
  const extent = Math.max(
    10,
    ...points.flatMap((p) => [Math.abs(p.interval?.low ?? p.gap), Math.abs(p.interval?.high ?? p.gap)]),
  );
  const top = Math.ceil(extent / 10) * 10;
  return renderPlot({
    width: opts.width,
    height: opts.height,
    marginTop: 28,
    ariaLabel: opts.label,
    x: { label: opts.x, ticks: years.length ? yearTicks(years, opts.width) : [], tickFormat: 'd', inset: 12 },
    y: { label: opts.y, domain: [-top, top], grid: true },
    marks: [
      Plot.ruleY([0], { stroke: '#222' }),
      ...intervalMarks(points, lineKey, '#5b3f8c'),
      ...breakMarks(breakYears, opts, top),
      Plot.lineY(points, { x: 'year', y: 'gap', z: lineKey, stroke: '#5b3f8c', strokeWidth: 2 }),
      Plot.dot(points, { x: 'year', y: 'gap', fill: '#5b3f8c', r: 4, stroke: 'white', title: opts.describe }),
      ...valueMarks(
        points,
        (p) => p.gap,
        { ...opts, value: (x) => (x > 0 ? '+' : '') + (opts.value ?? oneDecimal)(x).replace(/^-/, '\u2212') },
        '#3d2a61',
        (p) => p.gap >= 0,
      ),
    ],
  });
}
