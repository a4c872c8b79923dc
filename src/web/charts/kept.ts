import { LRUCache } from 'lru-cache';

const drawn = new LRUCache<string, string>({
  maxSize: 16 * 2 ** 20,
  sizeCalculation: (svg, key) => svg.length + key.length,
});

/** For each function option of a chart (or object of functions), what it gives for the chart's points. */
export type ChartAnswers = Record<string, (option: never) => unknown>;

/**
 * A chart drawn once for everything its drawing reads: its kind, its points, its options, and what
 * each function option gives for these points (functions cannot be compared, their answers can).
 * Plot and linkedom take most of the rendering of an opinion page and of the home page, and what a
 * chart draws changes far less often than the records whose writes make the read cache render
 * those pages again. `draw` must read nothing but `points` and `opts`; an option that is a function
 * or an object and has no entry in `answers` is refused, so that two different charts never share
 * one drawing.
 */
export function keptChart(
  kind: string,
  points: unknown[],
  opts: object,
  answers: ChartAnswers,
  draw: () => string,
): string {
  const options = Object.entries(opts).map(([name, option]) => {
    const answer = answers[name];
    if (answer) return [name, answer(option as never)];
    if (
      typeof option === 'function' ||
      (typeof option === 'object' && option !== null && !Array.isArray(option))
    )
      throw new Error(`The ${kind} chart's option "${name}" has no place in the key of drawn charts.`);
    return [name, option];
  });
  const key = JSON.stringify([kind, points, options]);
  const kept = drawn.get(key);
  if (kept !== undefined) return kept;
  const svg = draw();
  drawn.set(key, svg);
  return svg;
}
