export { type Config, readConfig } from './config.ts';
export type { Db, Queryable } from './db.ts';
export { CliError, ConflictError, formatProblem, NotFoundError, type Problem, ValidationError } from './errors.ts';
export { loadMigrations, type Migration, migrate } from './migrate.ts';
export { openStore } from './open.ts';
export { openPglite } from './pglite.ts';
export { openPostgres } from './postgres.ts';
export * from './schema.ts';
