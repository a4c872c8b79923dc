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
 * A party's score at each quarter end, as bars on a 0–100 % axis with the quarter under each bar
 * and the value above it, readable without hovering; quarters with too few items for a percentage
 * show their n instead of a bar. The table beside it carries the same numbers for screen readers.
 */
export function ScoreChart(props: { points: { date: string; score: Score }[]; label: string }) {
  const { t } = useI18n();
  const w = 46;
  const top = 18;
  const h = 120;
  const left = 46;
  const width = left + props.points.length * w + 4;
  const height = top + h + 34;
  const y = (v: number) => top + h - (v / 100) * h;
  return (
    <figure class="score-chart">
      <svg
        role="img"
        aria-label={props.label}
        viewBox={`0 0 ${width} ${height}`}
        width={width}
        height={height}
      >
        {[0, 50, 100].map((v) => (
          <g class="grid">
            <line x1={left} x2={width - 4} y1={y(v)} y2={y(v)} />
            <text x={left - 4} y={y(v) + 4} text-anchor="end">
              {v} %
            </text>
          </g>
        ))}
        {props.points.map((p, i) => {
          const x = left + i * w;
          const v = p.score.value;
          return (
            <g>
              {v === null ? (
                <text x={x + w / 2} y={y(0) - 4} text-anchor="middle" class="few">
                  n={p.score.counted.length}
                </text>
              ) : (
                <>
                  <rect x={x + 6} y={y(v)} width={w - 12} height={y(0) - y(v)} class="bar" />
                  <text x={x + w / 2} y={y(v) - 4} text-anchor="middle" class="value">
                    {v}
                  </text>
                </>
              )}
              <text x={x + w / 2} y={top + h + 14} text-anchor="middle" class="tick">
                {quarterLabel(p.date).split(' ')[0]}
              </text>
              <text x={x + w / 2} y={top + h + 28} text-anchor="middle" class="tick">
                {p.date.slice(0, 4)}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption>
        {props.label}. {t('tracker.overview.ended')}
      </figcaption>
    </figure>
  );
}
