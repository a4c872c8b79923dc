export { type ChangeVersions, changeVersion, changeVersions, DERIVED_TABLES } from './changes.ts';
export { type Config, readConfig } from './config.ts';
export {
  datasetStore,
  isDatasetId,
  migrateDatasets,
  namespaceOf,
  type StoredDataset,
  storedDatasets,
} from './datasets.ts';
export { type Db, isUniqueViolation, type Queryable, SHARED_NAMESPACE } from './db.ts';
export {
  CliError,
  ConflictError,
  EntenteError,
  formatProblem,
  found,
  NotFoundError,
  type Problem,
  UnavailableError,
  ValidationError,
} from './errors.ts';
export { loadMigrations, type Migration, migrate } from './migrate.ts';
export { openStore } from './open.ts';
export { openPglite, type PgliteDb, type PgliteOptions } from './pglite.ts';
export { openPostgres } from './postgres.ts';
export { noteSource, noteStatement, type ReadMemo, readOnce, readRows, recordingReads } from './reads.ts';
export * from './schema.ts';
export { readTextFile, type TextFile } from './text-file.ts';
export {
  type ColumnType,
  type Row,
  type TableSpec,
  type UpsertCounts,
  type UpsertOutcome,
  upsertMany,
} from './upsert.ts';
export * from './views.ts';
export { getParty, listIssueAreas, listParties, partnershipDyad } from './vocabulary.ts';
export { problemsFromZod, type ZodProblemOptions } from './zod-problems.ts';
