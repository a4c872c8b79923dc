export {
  type CameoCode,
  type CameoTables,
  type IssueAreaRule,
  issueAreaByCode,
  loadCameo,
  parseIssueAreaRules,
} from './cameo.ts';
export { type Column, EVENTS_V2, type FileKind, FORMATS } from './columns.ts';
export { DEFAULT_MEMORY_MB } from './duck.ts';
export {
  type FetchedFile,
  type FetchOptions,
  type FetchProgress,
  type FetchResult,
  fetchGdelt,
} from './fetcher.ts';
export {
  type DayEvent,
  dayEvents,
  dyadByIssueArea,
  dyadByRoot,
  dyadSeries,
  type IndexPoint,
  type IssueAreaPoint,
  type RootPoint,
  type TopEvent,
  topEventTypes,
} from './indices.ts';
export {
  BIGQUERY,
  type DateBasis,
  DIALECTS,
  type Dialect,
  type DialectName,
  DUCKDB,
  DUCKDB_EVENTS,
  type DyadQuery,
  dyadQuery,
  issueAreaSql,
  type Period,
  rootSql,
  seriesSql,
  topEventsSql,
} from './indices-sql.ts';
export {
  DEFAULT_BATCH_BYTES,
  IngestError,
  type IngestFailure,
  type IngestOptions,
  type IngestOutcome,
  type IngestResult,
  IngestStopped,
  NotGdeltError,
} from './ingest.ts';
export { REJECT_REASONS, type RejectReason } from './ingest-sql.ts';
export { type ListedFile, type ListProblem, parseMasterList, parseV1Lists } from './masterlist.ts';
export { type GdeltRow, parseLine } from './reader.ts';
export {
  lockHolder,
  type ManifestEntry,
  type QuarantinedRow,
  Warehouse,
  type WarehouseStatus,
} from './warehouse.ts';
export { ZipError } from './zip.ts';
