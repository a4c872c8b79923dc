export type { Dataset, PaperRecord, ProgramRecord, SurveyRecord } from './dataset.ts';
export { datasetFiles, readDataset, writeDataset } from './export.ts';
export { type ImportReport, importDataset } from './import.ts';
export { type FileKind, jsonSchemaFiles } from './json-schema.ts';
export * from './layout.ts';
export { type LoadOptions, type LoadResult, loadDataset } from './load.ts';
export { datasetIdFor, SCHEMAS_FOLDER, skeletonFiles } from './skeleton.ts';
