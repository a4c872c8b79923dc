import { z } from 'zod';
import { Localized, Source } from '../core/index.ts';
import { SeriesBreak } from './schema.ts';

const IntervalView = z
  .object({ low: z.number(), high: z.number() })
  .meta({ id: 'Interval', description: '95 % interval in percent' });

export const SurveySeriesSummary = z
  .object({
    id: z.string(),
    title: z.string(),
    pollsters: z.array(z.string()),
    publics: z.array(z.string()),
    first_year: z.number().int().nullable(),
    last_year: z.number().int().nullable(),
    waves: z.number().int(),
    results: z.number().int(),
  })
  .meta({ id: 'SurveySeriesSummary', description: 'A survey series with the years and counts it covers.' });
export type SurveySeriesSummary = z.infer<typeof SurveySeriesSummary>;

export const QuestionView = z
  .object({
    id: z.string(),
    text: Localized,
    wording: z.string().nullable().describe('The question as asked, in the language of the public asked'),
    public: z.string().describe('Party code of the public asked'),
    mirrors: z.string().nullable().describe('The same question asked of the other public'),
    answers: z.array(z.object({ id: z.string(), label: Localized })),
  })
  .meta({ id: 'SurveyQuestion' });
export type QuestionView = z.infer<typeof QuestionView>;

export const WaveView = z
  .object({
    id: z.string(),
    year: z.number().int(),
    public: z.string(),
    fieldwork_start: z.string().nullable(),
    fieldwork_end: z.string().nullable(),
    n: z.number().int().nullable(),
    mode: z.string().nullable(),
    design_effect: z.number().describe('1 assumes simple random sampling'),
    effective_n: z.number().nullable().describe('n divided by the design effect'),
    breaks: z.array(SeriesBreak),
    sources: z.array(Source),
  })
  .meta({ id: 'SurveyWave' });
export type WaveView = z.infer<typeof WaveView>;

export const ResultView = z
  .object({
    question: z.string(),
    wave: z.string(),
    answer: z.string(),
    year: z.number().int(),
    public: z.string(),
    share: z.number().describe('Percent of respondents'),
    n: z.number().int().nullable(),
    design_effect: z.number(),
    interval: IntervalView.nullable().describe(
      '95 % Wilson interval; null when the sample size is not known',
    ),
    source: Source,
  })
  .meta({ id: 'SurveyResult' });
export type ResultView = z.infer<typeof ResultView>;

export const SurveySeriesView = z
  .object({
    id: z.string(),
    title: z.string(),
    pollsters: z.array(z.string()),
    publics: z.array(z.string()),
    mode: z.string().nullable(),
    population: z.string().nullable(),
    description: z.string().nullable(),
    sources: z.array(Source),
    questions: z.array(QuestionView),
    waves: z.array(WaveView),
    results: z.array(ResultView),
  })
  .meta({ id: 'SurveySeries', description: 'A survey series with its questions, waves and results.' });
export type SurveySeriesView = z.infer<typeof SurveySeriesView>;
