export { RESULT_COLUMNS, resultsCsv } from './csv.ts';
export { parseResultsCsv, type ResultInput } from './import-csv.ts';
export { differenceInterval, effectiveN, type Interval, wilson, Z95 } from './intervals.ts';
export { getSurveySeries, listSurveySeries } from './queries.ts';
export { Answer, Question, Result, SeriesBreak, SurveySeries, Wave } from './schema.ts';
export { type GapPoint, gapPoints, questionGroups, type TrendPoint, trendPoints } from './trend.ts';
export * from './views.ts';
export { type ResultsWriteReport, writeResults } from './write.ts';
