import type { Score } from '../../tracker/index.ts';

/** A score with how many items it counts and how many it leaves out. */
export function ScoreValue(props: { score: Score | undefined }) {
  const s = props.score;
  if (!s || s.value === null) {
    return (
      <span class="unknown">
        no score{s && s.unassessed.length > 0 ? ` (${s.unassessed.length} unassessed)` : ''}
      </span>
    );
  }
  return (
    <span class="score">
      <strong>{s.value} %</strong>{' '}
      <span class="counts">
        ({s.counted.length} counted{s.unassessed.length > 0 ? `, ${s.unassessed.length} unassessed` : ''})
      </span>
    </span>
  );
}

/** A heat-map class for a score: five bands, so colour never carries the number alone. */
export const band = (s: Score | undefined) =>
  !s || s.value === null ? 'heat-none' : `heat-${Math.min(4, Math.floor(s.value / 20.0001))}`;

/** A small bar chart of a score over time, drawn in SVG with the numbers beside it in a table. */
export function ScoreChart(props: { points: { date: string; score: Score }[]; label: string }) {
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
                {p.date}: {p.score.value} %
              </title>
            </rect>
          ),
        )}
      </svg>
      <figcaption>{props.label}</figcaption>
    </figure>
  );
}
