export {
  type Dataset,
  flattenIssueAreas,
  type PaperRecord,
  type ProgramRecord,
  type SurveyRecord,
} from './dataset.ts';
export { datasetFiles, readDataset, writeDataset } from './export.ts';
export { type ImportReport, importDataset } from './import.ts';
export { FILE_KINDS, type FileKind, jsonSchemaFiles, jsonSchemaOf } from './json-schema.ts';
export * from './layout.ts';
export { type LoadResult, loadDataset } from './load.ts';
export { datasetIdFor, SCHEMAS_FOLDER, schemaModeline, skeletonFiles } from './skeleton.ts';
export { parseYamlFile, toYaml } from './yaml-file.ts';
