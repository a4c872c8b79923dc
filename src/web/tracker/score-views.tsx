import { FINE_ITEMS, MIN_ITEMS, type Score } from '../../tracker/index.ts';
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
          <> ({t('tracker.score.noneUnassessed', { unassessed: s.unassessed.length })})</>
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

/** A small bar chart of a score over time, drawn in SVG with the numbers beside it in a table. */
export function ScoreChart(props: { points: { date: string; score: Score }[]; label: string }) {
  const { t, date } = useI18n();
  const w = 24;
  const h = 100;
  return (
    <figure class="score-chart">
      <svg
        role="img"
        aria-label={props.label}
        viewBox={`0 0 ${props.points.length * w} ${h + 2}`}
        width={props.points.length * w}
        height={h + 2}
      >
        {props.points.map((p, i) =>
          p.score.value === null ? null : (
            <rect x={i * w + 3} y={h - p.score.value + 1} width={w - 6} height={p.score.value} class="bar">
              <title>
                {date(p.date)}: {t('tracker.score.percent', { value: p.score.value })}
              </title>
            </rect>
          ),
        )}
      </svg>
      <figcaption>{props.label}</figcaption>
    </figure>
  );
}
