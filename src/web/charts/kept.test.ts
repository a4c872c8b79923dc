import { describe, expect, it } from 'vitest';
import { keptChart } from './kept.ts';

describe('keptChart', () => {
  const points = [{ year: 2020, share: 41.5 }];
  const label = (p: { year: number }) => `in ${p.year}`;

  it('draws a chart once for the same points, options and answers of its functions', () => {
    let draws = 0;
    const draw = () => `<svg>${++draws}</svg>`;
    const answers = { describe: (f: typeof label) => points.map(f) };
    const first = keptChart('test-a', points, { width: 300, describe: label }, answers, draw);
    // Another function that gives the same answers draws the same picture.
    const again = keptChart(
      'test-a',
      points,
      { width: 300, describe: (p: { year: number }) => `in ${p.year}` },
      answers,
      draw,
    );
    expect(again).toBe(first);
    expect(draws).toBe(1);
  });

  it('draws again when a point, an option or what a function gives differs', () => {
    let draws = 0;
    const draw = () => `<svg>${++draws}</svg>`;
    const answers = { describe: (f: typeof label) => points.map(f) };
    keptChart('test-b', points, { width: 300, describe: label }, answers, draw);
    keptChart('test-b', [{ year: 2021, share: 41.5 }], { width: 300, describe: label }, answers, draw);
    keptChart('test-b', points, { width: 301, describe: label }, answers, draw);
    keptChart(
      'test-b',
      points,
      { width: 300, describe: (p: { year: number }) => `en ${p.year}` },
      answers,
      draw,
    );
    expect(draws).toBe(4);
  });

  it('refuses a function or object option that its key does not read', () => {
    const draw = () => '<svg></svg>';
    expect(() => keptChart('test-c', points, { describe: label }, {}, draw)).toThrow(/"describe"/);
    expect(() => keptChart('test-c', points, { look: { name: label } }, {}, draw)).toThrow(/"look"/);
    expect(keptChart('test-c', points, { publics: ['KOR', 'JPN'] }, {}, draw)).toBe('<svg></svg>');
  });
});
