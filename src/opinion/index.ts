export { RESULT_COLUMNS, resultsCsv } from './csv.ts';
export { parseResultsCsv, type ResultInput } from './import-csv.ts';
export { effectiveN, type Interval, wilson } from './intervals.ts';
export { getSurveySeries, listSurveySeries } from './queries.ts';
export { Answer, Question, SurveySeries } from './schema.ts';
export { type GapPoint, gapPoints, questionGroups, type TrendPoint, trendPoints } from './trend.ts';
export * from './views.ts';
export { type ResultsWriteReport, writeResults } from './write.ts';
