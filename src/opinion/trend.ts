import type { Source } from '../core/index.ts';
import { differenceInterval, type Interval } from './intervals.ts';
import type { QuestionView, SurveySeriesView, WaveView } from './views.ts';

type SeriesBreak = WaveView['breaks'][number];

/** One result placed on a trend line. */
export interface TrendPoint {
  question: string;
  public: string;
  answer: string;
  year: number;
  wave: string;
  share: number;
  n: number | null;
  design_effect: number;
  interval: Interval | null;
  /** Points of one public share a line only within one segment; a new segment starts at a break. */
  segment: number;
  /** What changed at this wave, so that it does not continue the line before it. */
  breaks: SeriesBreak[];
  source: Source;
}

/** One difference between the two publics on a mirrored question. */
export interface GapPoint {
  year: number;
  /** share of the first public minus share of the second, in percentage points */
  gap: number;
  interval: Interval | null;
  segment: number;
  /** Breaks of either wave behind this point. */
  breaks: SeriesBreak[];
  first: TrendPoint;
  second: TrendPoint;
}

/**
 * The points of one answer to some questions, year by year, split into segments. A segment ends
 * where the series breaks (a wave with breaks: mode, partner, question or population changed), and
 * where a wave of the same public exists without this result: a line never joins points across
 * a break or across a wave whose figure is not known.
 */
export function trendPoints(series: SurveySeriesView, questions: string[], answer: string): TrendPoint[] {
  const out: TrendPoint[] = [];
  for (const question of questions) {
    const q = series.questions.find((x) => x.id === question);
    if (!q) continue;
    const waves = series.waves.filter((w) => w.public === q.public).sort((a, b) => a.year - b.year);
    let segment = 0;
    let started = false;
    let missedSince = false;
    for (const w of waves) {
      const r = series.results.find((x) => x.question === question && x.wave === w.id && x.answer === answer);
      if (!r) {
        missedSince = true;
        continue;
      }
      if (started && (w.breaks.length > 0 || missedSince)) segment++;
      started = true;
      missedSince = false;
      out.push({
        question,
        public: q.public,
        answer,
        year: w.year,
        wave: w.id,
        share: r.share,
        n: r.n,
        design_effect: r.design_effect,
        interval: r.interval,
        segment,
        breaks: w.breaks,
        source: r.source,
      });
    }
  }
  return out;
}

/**
 * The gap between two mirrored questions (first minus second) for one answer, in years where both
 * publics have the figure. Its own rule for breaks: a gap point continues the line before it only
 * if neither wave behind it breaks and no year in between had a wave of either public (a year
 * surveyed on one side only is a gap that is not known).
 */
export function gapPoints(
  series: SurveySeriesView,
  first: QuestionView,
  second: QuestionView,
  answer: string,
): GapPoint[] {
  const a = trendPoints(series, [first.id], answer);
  const b = new Map(trendPoints(series, [second.id], answer).map((p) => [p.year, p]));
  const surveyed = new Set(
    series.waves.filter((w) => w.public === first.public || w.public === second.public).map((w) => w.year),
  );
  const out: GapPoint[] = [];
  let segment = 0;
  for (const p of a) {
    const m = b.get(p.year);
    if (!m) continue;
    const previous = out.at(-1);
    const breaks = [...p.breaks, ...m.breaks];
    if (previous) {
      const skipped = [...surveyed].some((y) => y > previous.year && y < p.year);
      if (breaks.length > 0 || skipped) segment++;
    }
    out.push({
      year: p.year,
      gap: p.share - m.share,
      interval:
        p.interval && m.interval
          ? differenceInterval(
              { share: p.share, interval: p.interval },
              { share: m.share, interval: m.interval },
            )
          : null,
      segment,
      breaks,
      first: p,
      second: m,
    });
  }
  return out;
}

/** Questions grouped for display: a mirrored pair side by side (in the series' order), or one alone. */
export function questionGroups(series: SurveySeriesView): QuestionView[][] {
  const seen = new Set<string>();
  const groups: QuestionView[][] = [];
  const order = (q: QuestionView) => {
    const i = series.publics.indexOf(q.public);
    return i < 0 ? series.publics.length : i;
  };
  for (const q of series.questions) {
    if (seen.has(q.id)) continue;
    seen.add(q.id);
    const mirror = q.mirrors ? series.questions.find((x) => x.id === q.mirrors) : undefined;
    if (mirror && !seen.has(mirror.id)) {
      seen.add(mirror.id);
      groups.push([q, mirror].sort((x, y) => order(x) - order(y)));
    } else groups.push([q]);
  }
  return groups;
}
