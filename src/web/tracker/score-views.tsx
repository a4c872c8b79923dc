import type { Score } from '../../tracker/index.ts';
import { useI18n } from '../i18n.ts';

/** A score with how many items it counts and how many it leaves out. */
export function ScoreValue(props: { score: Score | undefined }) {
  const { t } = useI18n();
  const s = props.score;
  if (!s || s.value === null) {
    return (
      <span class="unknown">
        {s && s.unassessed.length > 0
          ? t('tracker.score.noneUnassessed', { unassessed: s.unassessed.length })
          : t('tracker.score.none')}
      </span>
    );
  }
  const counts = { counted: s.counted.length, unassessed: s.unassessed.length };
  return (
    <span class="score">
      <strong>{t('tracker.score.percent', { value: s.value })}</strong>{' '}
      <span class="counts">
        {s.unassessed.length > 0
          ? t('tracker.score.countedUnassessed', counts)
          : t('tracker.score.counted', counts)}
      </span>
    </span>
  );
}

/** A heat-map class for a score: five bands, so colour never carries the number alone. */
export const band = (s: Score | undefined) =>
  !s || s.value === null ? 'heat-none' : `heat-${Math.min(4, Math.floor(s.value / 20.0001))}`;

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
