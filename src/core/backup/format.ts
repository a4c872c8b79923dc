import { z } from 'zod';

/**
 * A backup is gzip-compressed text, one record a line: first a JSON header (this schema), then each
 * table's rows in the header's order, as `table<TAB>row`, the row being PostgreSQL's own JSON of it
 * (`to_jsonb`), so that every value — timestamps to the microsecond, big numbers, search vectors —
 * is written and read back by the database, never re-typed in between.
 */
export const BACKUP_FORMAT = 'entente-backup';
export const BACKUP_VERSION = 1;

/** Longest line a restore reads: far above any record, low enough to refuse a damaged file early. */
export const MAX_LINE_BYTES = 64 * 1024 * 1024;

const name = z.string().regex(/^[a-z_][a-z0-9_]*$/, 'a table or column name in lower case');

export const BackupHeader = z
  .object({
    format: z.literal(BACKUP_FORMAT),
    version: z.literal(BACKUP_VERSION),
    created_at: z.iso.datetime(),
    driver: z.enum(['pglite', 'pg']),
    migrations: z.array(z.object({ id: z.number().int(), checksum: z.string() }).strict()).max(10_000),
    tables: z
      .array(
        z.object({ name, columns: z.array(name).min(1).max(1000), rows: z.number().int().min(0) }).strict(),
      )
      .max(1000),
    sequences: z.array(z.object({ name, last: z.number().int().nullable() }).strict()).max(1000),
  })
  .strict();
export type BackupHeader = z.infer<typeof BackupHeader>;
