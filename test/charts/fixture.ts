import { type SurveySeriesView, wilson } from '../../src/opinion/index.ts';

// "Good impression" figures of the EAI–Genron NPO series as the bundled record holds them
// (data/korea-japan/surveys/eai-genron-joint-poll.yaml), frozen here so that a data correction does
// not move the chart snapshots. The 2015 samples are not known; Japan has no 2024 wave.
const KOR: [number, number | null, number][] = [
  [2013, 1004, 12.2],
  [2014, 1004, 17.5],
  [2015, null, 15.7],
  [2016, 1010, 21.3],
  [2017, 1003, 26.8],
  [2018, 1014, 28.3],
  [2019, 1008, 31.7],
  [2020, 1008, 12.3],
  [2021, 1006, 20.5],
  [2022, 1028, 30.6],
  [2023, 1008, 28.9],
  [2024, 1006, 41.7],
  [2025, 1585, 52.4],
];
const JPN: [number, number | null, number][] = [
  [2013, 1000, 31.1],
  [2014, 1000, 20.5],
  [2015, null, 23.8],
  [2016, 1000, 29.1],
  [2017, 1000, 26.9],
  [2018, 1000, 22.9],
  [2019, 1000, 20],
  [2020, 1000, 25.9],
  [2021, 1000, 25.4],
  [2022, 1000, 30.4],
  [2023, 1000, 37.4],
  [2025, 1037, 24.8],
];
const source = (year: number) => ({
  publisher: `Publisher ${year}`,
  url: `https://example.org/${year}`,
  quality: 'primary' as const,
});

function side(code: 'KOR' | 'JPN', question: string, rows: [number, number | null, number][]) {
  const waves = rows.map(([year, n]) => ({
    id: `${year}-${code.toLowerCase()}`,
    year,
    public: code,
    fieldwork_start: null,
    fieldwork_end: null,
    n,
    mode: null,
    design_effect: year === 2025 ? 1.5 : 1,
    effective_n: n === null ? null : year === 2025 ? n / 1.5 : n,
    breaks: year >= 2024 ? [{ kind: 'mode' as const, note: 'online' }] : [],
    sources: [],
  }));
  const results = rows.map(([year, n, share], i) => ({
    question,
    wave: waves[i]!.id,
    answer: 'good',
    year,
    public: code,
    share,
    n,
    design_effect: waves[i]!.design_effect,
    interval: n === null ? null : wilson(share, n, waves[i]!.design_effect),
    source: source(year),
  }));
  return { waves, results };
}

const kor = side('KOR', 'kr-impression-of-japan', KOR);
const jpn = side('JPN', 'jp-impression-of-korea', JPN);
const answers = [{ id: 'good', label: { en: 'Good' } }];

export const EAI_IMPRESSIONS: SurveySeriesView = {
  id: 'eai-genron-joint-poll',
  title: 'EAI–Genron NPO Japan–Korea Joint Public Opinion Poll',
  pollsters: ['East Asia Institute (EAI)', 'Genron NPO'],
  publics: ['KOR', 'JPN'],
  mode: null,
  population: null,
  description: null,
  sources: [source(0)],
  questions: [
    {
      id: 'kr-impression-of-japan',
      text: { en: 'Impression of Japan' },
      wording: null,
      public: 'KOR',
      mirrors: 'jp-impression-of-korea',
      answers,
    },
    {
      id: 'jp-impression-of-korea',
      text: { en: 'Impression of South Korea' },
      wording: null,
      public: 'JPN',
      mirrors: 'kr-impression-of-japan',
      answers,
    },
  ],
  waves: [...kor.waves, ...jpn.waves],
  results: [...kor.results, ...jpn.results],
};
