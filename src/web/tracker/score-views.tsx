import * as Plot from '@observablehq/plot';
import { FINE_ITEMS, MIN_ITEMS, type Score } from '../../tracker/index.ts';
import { type Chart, ChartFigure, renderPlot } from '../charts/index.ts';
import { useI18n } from '../i18n.ts';

/**
 * A score as a reader should read it: the percentage with its 95 % interval and its n, or — below
 * the minimum n — the n alone and why there is no percentage.
 */
export function ScoreValue(props: { score: Score | undefined }) {
  const { t } = useI18n();
  const s = props.score;
  const n = s?.counted.length ?? 0;
  if (!s || n === 0) {
    return (
      <span class="unknown">
        {s && s.unassessed.length > 0
          ? t('tracker.score.noneUnassessed', { unassessed: s.unassessed.length })
          : t('tracker.score.none')}
      </span>
    );
  }
  const count =
    s.unassessed.length > 0
      ? t('tracker.score.nUnassessed', { n, unassessed: s.unassessed.length })
      : t('tracker.score.n', { n });
  if (s.value === null || s.interval === null) {
    return (
      <span class="score too-few">
        {t('tracker.score.tooFew', { n, min: MIN_ITEMS })}
        {s.unassessed.length > 0 ? (
          <> ({t('tracker.score.unassessed', { unassessed: s.unassessed.length })})</>
        ) : null}
      </span>
    );
  }
  return (
    <span class="score">
      <strong>{t('tracker.score.shown', { value: s.value, lo: s.interval[0], hi: s.interval[1] })}</strong>{' '}
      <span class="counts">({count})</span>
    </span>
  );
}

/**
 * A heat-map class for a score: five bands of its value, so colour never carries the number alone,
 * hatched when too few items stand behind it for a percentage and pale when rounded to 5 points.
 */
export const band = (s: Score | undefined) => {
  if (!s || s.counted.length === 0) return 'heat-none';
  if (s.value === null) return 'heat-few';
  const depth = s.counted.length < FINE_ITEMS ? ' heat-coarse' : '';
  return `heat-${Math.min(4, Math.floor(s.value / 20.0001))}${depth}`;
};

/** What the heat map's shading means. */
export function HeatLegend() {
  const { t } = useI18n();
  return (
    <div class="heat-legend">
      <p>
        <strong>{t('tracker.overview.legend')}</strong>
      </p>
      <ul>
        {[0, 1, 2, 3, 4].map((b) => (
          <li>
            <span class={`swatch heat-${b}`} aria-hidden="true" />{' '}
            {t('tracker.overview.legendBand', { lo: b === 0 ? 0 : b * 20 + 1, hi: (b + 1) * 20 })}
          </li>
        ))}
        <li>
          <span class="swatch heat-1 heat-coarse" aria-hidden="true" />{' '}
          {t('tracker.overview.legendCoarse', { min: MIN_ITEMS, fine: FINE_ITEMS - 1 })}
        </li>
        <li>
          <span class="swatch heat-few" aria-hidden="true" />{' '}
          {t('tracker.overview.legendFew', { min: MIN_ITEMS })}
        </li>
      </ul>
    </div>
  );
}

/** `2024-06-30` → `Q2 2024`: the quarter a quarter-end day closes. */
const quarterLabel = (day: string) => `Q${Math.ceil(Number(day.slice(5, 7)) / 3)} ${day.slice(0, 4)}`;

/**
 * A party's compliance at each quarter end as a chart: bars on a 0–100 % axis, the quarter and its
 * year under each bar, the value above it, readable without hovering; a quarter with too few items
 * for a percentage shows its n instead of a bar. Its figures (value, 95 % interval, n) are the
 * table of the page, the chart's page and its CSV.
 */
export function scoreChart(props: {
  code: string;
  points: { date: string; score: Score }[];
  asOf?: string;
}): Chart {
  const { t } = useI18n();
  const label = t('tracker.party.chart', { code: props.code });
  const data = props.points.map((p) => ({ ...p, quarter: `${quarterLabel(p.date).replace(' ', '\n')}` }));
  const width = Math.max(360, 60 + data.length * 52);
  const height = 260;
  const valued = data.filter((d) => d.score.value !== null);
  const few = data.filter((d) => d.score.value === null);
  const svg = renderPlot({
    width,
    height,
    marginTop: 28,
    marginBottom: 48,
    marginLeft: 50,
    ariaLabel: label,
    x: {
      type: 'band',
      domain: data.map((d) => d.quarter),
      label: t('tracker.party.quarterEnd'),
      labelAnchor: 'right',
      labelOffset: 44,
      padding: 0.2,
    },
    y: { domain: [0, 100], label: t('tracker.party.chartY'), grid: true, ticks: [0, 25, 50, 75, 100] },
    marks: [
      Plot.barY(valued, { x: 'quarter', y: (d: (typeof data)[number]) => d.score.value, fill: '#2f5d8a' }),
      Plot.text(valued, {
        x: 'quarter',
        y: (d: (typeof data)[number]) => d.score.value,
        text: (d: (typeof data)[number]) => String(d.score.value),
        dy: -7,
        fontSize: 11,
        fontWeight: 'bold',
        fill: '#1a1a1a',
      }),
      Plot.text(few, {
        x: 'quarter',
        y: 0,
        text: (d: (typeof data)[number]) => `n=${d.score.counted.length}`,
        dy: -8,
        fontSize: 10,
        fill: '#555',
      }),
      Plot.ruleY([0], { stroke: '#222' }),
    ],
  });
  const path = `/tracker/parties/${props.code}/chart`;
  return {
    title: label,
    notes: [t('tracker.party.chartFew', { min: MIN_ITEMS })],
    source: t('tracker.party.chartSource'),
    svg,
    width,
    height,
    columns: [
      { key: 'quarter_end', label: t('tracker.party.quarterEnd') },
      { key: 'compliance', label: t('tracker.party.chartY') },
      { key: 'low', label: t('chart.col.low') },
      { key: 'high', label: t('chart.col.high') },
      { key: 'n', label: t('tracker.party.col.n') },
    ],
    rows: props.points.map((p) => [
      p.date,
      p.score.value,
      p.score.interval?.[0] ?? null,
      p.score.interval?.[1] ?? null,
      p.score.counted.length,
    ]),
    path,
    query: props.asOf ? `as_of=${props.asOf}` : '',
    page: `/tracker/parties/${props.code}#over-time`,
    file: `compliance-${props.code}`,
  };
}

/** The scorecard chart on a page, with its title, notes, source, downloads and figures. */
export function ScoreChart(props: { code: string; points: { date: string; score: Score }[]; asOf?: string }) {
  return <ChartFigure chart={scoreChart(props)} />;
}

/** The headline figures of a scorecard or a brief: compliance (parties only), implementation, as of. */
export function ScoreFacts(props: { compliance?: Score; implementation: Score; asOf: string }) {
  const { t, date } = useI18n();
  return (
    <dl class="facts">
      {props.compliance && (
        <>
          <dt>{t('tracker.score.compliance')}</dt>
          <dd id="compliance">
            <ScoreValue score={props.compliance} />
          </dd>
        </>
      )}
      <dt>{t('tracker.score.implementation')}</dt>
      <dd id="implementation">
        <ScoreValue score={props.implementation} />
      </dd>
      <dt>{t('tracker.party.asOf')}</dt>
      <dd>
        <time datetime={props.asOf}>{date(props.asOf)}</time>
      </dd>
    </dl>
  );
}
