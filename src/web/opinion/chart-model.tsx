import {
  type GapPoint,
  gapPoints,
  type QuestionView,
  type SurveySeriesView,
  type TrendPoint,
  trendPoints,
} from '../../opinion/index.ts';
import { at } from '../base-path.ts';
import type { Chart } from '../charts/index.ts';
import { linkable } from '../components.tsx';
import { useI18n } from '../i18n.ts';
import type { PartyLook } from '../party-look.ts';
import { type ChartSize, gapChart, trendChart } from './charts.ts';
import { resultAnchor } from './tables.tsx';

/**
 * The charts of one question group in the reader's language: the trend of the chosen answer and,
 * for a mirrored pair, the perception gap. Pages and the SVG download both draw through here.
 * `anchorBase` prefixes the table anchors that points without a source URL link to; `size` is each
 * chart's drawing size (the home page draws them smaller).
 */
export function groupCharts(
  series: SurveySeriesView,
  group: QuestionView[],
  asked: string | undefined,
  look: PartyLook,
  anchorBase = '',
  size: { trend: ChartSize; gap: ChartSize } = {
    trend: { width: 720, height: 340 },
    gap: { width: 720, height: 260 },
  },
) {
  const { t, pick, number } = useI18n();
  const { name } = look;
  const lead = group[0]!;
  const answer = lead.answers.find((a) => a.id === asked) ?? lead.answers[0]!;
  const answerText = pick(answer.label).text;
  const questionText = group.map((q) => pick(q.text).text).join(' / ');
  const points = trendPoints(
    series,
    group.map((q) => q.id),
    answer.id,
  );
  const fmt = (x: number) => number(Math.round(x * 10) / 10);
  const describe = (p: TrendPoint) =>
    [
      t('opinion.point', { public: name(p.public), year: String(p.year), share: fmt(p.share) }),
      p.interval
        ? `${t('opinion.point.interval', { low: fmt(p.interval.low), high: fmt(p.interval.high) })}; ${t('opinion.point.n', { n: p.n!, deff: p.design_effect })}`
        : t('opinion.point.noN'),
      t('opinion.point.source', { source: p.source.publisher }) +
        (p.source.quality === 'mirror' ? ` (${t('common.mirror')})` : ''),
      ...p.breaks.map((b) => `${t('opinion.chart.break')}: ${t(`opinion.break.${b.kind}`)}`),
    ].join('\n');
  const publics = group.map((q) => q.public);
  const trendLabel = t('opinion.trend.label', { answer: answerText, question: questionText });
  const value = (x: number) => fmt(x);
  const trendSvg = trendChart(points, {
    width: size.trend.width,
    height: size.trend.height,
    label: trendLabel,
    x: t('opinion.chart.year'),
    y: t('opinion.chart.share'),
    breakMark: t('opinion.chart.break'),
    value,
    publics,
    look,
    describe,
    href: (p) => linkable(p.source.url) ?? at(`${anchorBase}#${resultAnchor(p)}`),
  });
  const path = `/opinion/${series.id}/chart`;
  const query = (chart: 'trend' | 'gap') => `question=${lead.id}&answer=${answer.id}&chart=${chart}`;
  const source = t('opinion.chart.source', { pollsters: series.pollsters.join(', ') });
  const page = `/opinion/${series.id}?answer=${answer.id}#q-${lead.id}`;
  const round = (x: number | undefined) => (x === undefined ? null : Math.round(x * 10) / 10);
  const trend: Chart = {
    title: trendLabel,
    notes: [t('opinion.chart.note')],
    source,
    svg: trendSvg,
    width: size.trend.width,
    height: size.trend.height,
    columns: [
      { key: 'year', label: t('opinion.col.year') },
      { key: 'public', label: t('opinion.col.public') },
      { key: 'share', label: t('opinion.col.share') },
      { key: 'low', label: t('chart.col.low') },
      { key: 'high', label: t('chart.col.high') },
      { key: 'n', label: t('opinion.col.n') },
    ],
    rows: points.map((p) => [
      p.year,
      name(p.public),
      p.share,
      round(p.interval?.low),
      round(p.interval?.high),
      p.n,
    ]),
    path,
    query: query('trend'),
    page,
    file: `${series.id}-${lead.id}-${answer.id}-trend`,
  };
  const pair = group.length === 2 ? (group as [QuestionView, QuestionView]) : undefined;
  const gaps = pair ? gapPoints(series, pair[0], pair[1], answer.id) : [];
  const gapLabel = pair
    ? t('opinion.gap.label', {
        answer: answerText,
        first: name(pair[0].public),
        second: name(pair[1].public),
      })
    : '';
  const describeGap = (g: GapPoint) =>
    [
      t('opinion.gap.point', { year: String(g.year), gap: fmt(g.gap) }),
      g.interval
        ? t('opinion.point.interval', { low: fmt(g.interval.low), high: fmt(g.interval.high) })
        : t('opinion.point.noN'),
      describe(g.first),
      describe(g.second),
    ].join('\n');
  const gap: Chart | undefined =
    gaps.length > 0
      ? {
          title: gapLabel,
          notes: [t('opinion.chart.gapNote'), t('opinion.chart.note')],
          source,
          svg: gapChart(gaps, {
            width: size.gap.width,
            height: size.gap.height,
            label: gapLabel,
            x: t('opinion.chart.year'),
            y: t('opinion.chart.gap'),
            breakMark: t('opinion.chart.break'),
            value,
            describe: describeGap,
          }),
          width: size.gap.width,
          height: size.gap.height,
          columns: [
            { key: 'year', label: t('opinion.col.year') },
            { key: 'gap', label: t('opinion.chart.col.gap') },
            { key: 'low', label: t('chart.col.low') },
            { key: 'high', label: t('chart.col.high') },
          ],
          rows: gaps.map((g) => [g.year, round(g.gap), round(g.interval?.low), round(g.interval?.high)]),
          path,
          query: query('gap'),
          page,
          file: `${series.id}-${lead.id}-${answer.id}-gap`,
        }
      : undefined;
  return { answer, answerText, questionText, publics, trend, trendLabel, pair, gap, gapLabel };
}

export function Legend(props: { publics: string[]; look: PartyLook }) {
  const { t } = useI18n();
  return (
    <ul class="legend" aria-label={t('opinion.legend')}>
      {props.publics.map((code) => {
        const s = props.look.style(code);
        return (
          <li>
            <svg width="14" height="14" viewBox="-7 -7 14 14" aria-hidden="true">
              {s.symbol === 'square' ? (
                <rect x="-5" y="-5" width="10" height="10" fill={s.color} />
              ) : (
                <circle r="5" fill={s.color} />
              )}
            </svg>{' '}
            {props.look.name(code)}
          </li>
        );
      })}
    </ul>
  );
}
