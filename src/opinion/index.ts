export { Answer, Question, Result, SeriesBreak, SurveySeries, Wave } from './schema.ts';
