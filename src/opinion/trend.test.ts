import { describe, expect, it } from 'vitest';
import { wilson } from './intervals.ts';
import { gapPoints, questionGroups, trendPoints } from './trend.ts';
import type { SurveySeriesView } from './views.ts';

const source = { publisher: 'Test', url: 'https://example.org/', quality: 'primary' as const };
const answers = [{ id: 'good', label: { en: 'Good' } }];
const wave = (
  id: string,
  year: number,
  pub: string,
  n: number | null,
  breaks: { kind: 'mode'; note: string }[] = [],
) => ({
  id,
  year,
  public: pub,
  fieldwork_start: null,
  fieldwork_end: null,
  n,
  mode: null,
  design_effect: 1,
  effective_n: n,
  breaks,
  sources: [],
});
const result = (question: string, w: ReturnType<typeof wave>, share: number) => ({
  question,
  wave: w.id,
  answer: 'good',
  year: w.year,
  public: w.public,
  share,
  n: w.n,
  design_effect: 1,
  interval: w.n ? wilson(share, w.n) : null,
  source,
});

// KOR: 2019, 2020, 2021 (no figure), 2022, 2023 (mode break); JPN: 2019, 2020, 2022, 2023 (break), no 2021 wave.
const k = [
  wave('2019-kor', 2019, 'KOR', 1000),
  wave('2020-kor', 2020, 'KOR', 1000),
  wave('2021-kor', 2021, 'KOR', 1000),
  wave('2022-kor', 2022, 'KOR', null),
  wave('2023-kor', 2023, 'KOR', 1000, [{ kind: 'mode', note: 'web' }]),
];
const j = [
  wave('2019-jpn', 2019, 'JPN', 1000),
  wave('2020-jpn', 2020, 'JPN', 1000),
  wave('2022-jpn', 2022, 'JPN', 1000),
  wave('2023-jpn', 2023, 'JPN', 1000, [{ kind: 'mode', note: 'web' }]),
];
const series: SurveySeriesView = {
  id: 's',
  title: 'S',
  pollsters: ['P'],
  publics: ['KOR', 'JPN'],
  mode: null,
  population: null,
  description: null,
  sources: [source],
  questions: [
    { id: 'jp-q', text: { en: 'Q of JPN' }, wording: null, public: 'JPN', mirrors: 'kr-q', answers },
    { id: 'kr-q', text: { en: 'Q of KOR' }, wording: null, public: 'KOR', mirrors: 'jp-q', answers },
    { id: 'alone', text: { en: 'Alone' }, wording: null, public: 'KOR', mirrors: null, answers },
  ],
  waves: [...k, ...j],
  results: [
    result('kr-q', k[0]!, 10),
    result('kr-q', k[1]!, 20),
    result('kr-q', k[3]!, 30),
    result('kr-q', k[4]!, 40),
    result('jp-q', j[0]!, 50),
    result('jp-q', j[1]!, 45),
    result('jp-q', j[2]!, 40),
    result('jp-q', j[3]!, 35),
  ],
};

describe('trendPoints', () => {
  it('starts a new segment at a break and after a wave without the figure', () => {
    const kor = trendPoints(series, ['kr-q'], 'good');
    expect(kor.map((p) => [p.year, p.segment])).toEqual([
      [2019, 0],
      [2020, 0],
      [2022, 1], // 2021 was surveyed but its figure is not known
      [2023, 2], // mode break
    ]);
    const jpn = trendPoints(series, ['jp-q'], 'good');
    // No 2021 wave in Japan: 2020 and 2022 are consecutive waves and stay joined.
    expect(jpn.map((p) => p.segment)).toEqual([0, 0, 0, 1]);
  });

  it('carries the interval, or none where n is not known', () => {
    const kor = trendPoints(series, ['kr-q'], 'good');
    expect(kor[0]!.interval).toEqual(wilson(10, 1000));
    expect(kor[2]!.interval).toBeNull();
  });
});

describe('gapPoints', () => {
  it('subtracts the second public from the first in years both have', () => {
    const gaps = gapPoints(series, series.questions[1]!, series.questions[0]!, 'good');
    expect(gaps.map((g) => [g.year, g.gap])).toEqual([
      [2019, -40],
      [2020, -25],
      [2022, -10],
      [2023, 5],
    ]);
    expect(gaps[2]!.interval).toBeNull(); // KOR 2022 has no n
  });

  it('breaks where either side breaks or a year was surveyed on one side only', () => {
    const gaps = gapPoints(series, series.questions[1]!, series.questions[0]!, 'good');
    // 2021: Korea was surveyed, Japan was not → the gap that year is unknown → new segment at 2022.
    expect(gaps.map((g) => g.segment)).toEqual([0, 0, 1, 2]);
  });
});

describe('questionGroups', () => {
  it('puts mirrored questions side by side in the order of the series publics', () => {
    expect(questionGroups(series).map((g) => g.map((q) => q.id))).toEqual([['kr-q', 'jp-q'], ['alone']]);
  });
});
