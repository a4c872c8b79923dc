/**
 * The daily rollup of the events (`dyad_days`): what the DuckDB indices read instead of scanning every
 * event row. One row per ingested file, event day, added day, country pair, CAMEO code and QuadClass,
 * holding the sums every index measure is computed from. Only events with both country codes: no dyad
 * query can match the others.
 *
 * Goldstein and tone are summed as DECIMAL, then stored as DOUBLE converted from that exact sum. A
 * DOUBLE sum depends on the order of its terms, which DuckDB's threads do not fix; an exact one does
 * not, so a file's rows are the same on every run (a rerun after a crash, a backfill). They are kept
 * as DOUBLE because the indices scan them: a DECIMAL(38) is 16 bytes and slow to unpack (measured
 * over 1.6 M rollup rows: the KOR–JPN month series in ~105 ms with DECIMAL columns, ~27 ms with DOUBLE).
 */
import { type Duck, inTransaction } from './duck.ts';

export const ROLLUP_TABLE = 'dyad_days';

/**
 * 18 decimals: finer than the ~15 significant digits GDELT prints of a tone; 20 integer digits: room
 * for Σ(Goldstein × NumMentions) over 10⁹ events of a billion mentions each.
 */
const EXACT = 'DECIMAL(38, 18)';
const exactSum = (x: string) => `CAST(sum(${x}) AS DOUBLE)`;

export const ROLLUP_DDL = `CREATE TABLE IF NOT EXISTS ${ROLLUP_TABLE} (
  file_id INTEGER NOT NULL,
  event_date DATE,
  added_date DATE,
  actor1_country VARCHAR NOT NULL,
  actor2_country VARCHAR NOT NULL,
  event_code VARCHAR,
  root_code VARCHAR,
  quad_class TINYINT,
  events BIGINT NOT NULL,
  mentions BIGINT,
  goldstein_sum DOUBLE,
  goldstein_mentions DOUBLE,
  tone_sum DOUBLE,
  tone_count BIGINT NOT NULL)`;

/** The grouping keys, in the order of the table's first eight columns. */
const KEYS = [
  'file_id',
  'SQLDATE',
  'CAST(DATEADDED AS DATE)',
  'Actor1CountryCode',
  'Actor2CountryCode',
  'EventCode',
  'EventRootCode',
  'QuadClass',
].join(', ');

/** Inserts the rollup rows of the events matching `where`. SUM keeps SQL's NULL for a group without values. */
function rollupInsert(where: string): string {
  return `INSERT INTO ${ROLLUP_TABLE} (file_id, event_date, added_date, actor1_country, actor2_country,
    event_code, root_code, quad_class, events, mentions, goldstein_sum, goldstein_mentions, tone_sum, tone_count)
  SELECT ${KEYS},
    count(*),
    sum(NumMentions),
    ${exactSum(`CAST(GoldsteinScale AS ${EXACT})`)},
    ${exactSum(`CAST(GoldsteinScale AS ${EXACT}) * NumMentions`)},
    ${exactSum(`CAST(AvgTone AS ${EXACT})`)},
    count(AvgTone)
  FROM events
  WHERE ${where} AND Actor1CountryCode IS NOT NULL AND Actor2CountryCode IS NOT NULL
  GROUP BY ${KEYS}`;
}

/**
 * Adds the rollup rows of the events of files `firstId` … `lastId` (one ingest batch). Runs inside
 * the batch's transaction, after duplicates left `events`, so the rollup holds exactly the committed
 * rows. Rows stay per file. Returns how many rows it added.
 */
export function rollupFiles(duck: Duck, firstId: number, lastId = firstId): Promise<number> {
  return duck.run(rollupInsert(`file_id BETWEEN ${Math.trunc(firstId)} AND ${Math.trunc(lastId)}`));
}

/**
 * Creates the rollup if the warehouse has none, filled from the events already there (a warehouse
 * made before the rollup existed). Table and rows come in one transaction, so a warehouse that has
 * the table has its rows: a crash here leaves no table and the next writable open starts over.
 */
export async function ensureRollup(duck: Duck): Promise<void> {
  if (await hasRollup(duck)) return;
  await inTransaction(
    duck,
    async () => {
      await duck.run(ROLLUP_DDL);
      await duck.run(rollupInsert('true'));
    },
    (e) =>
      new Error(
        `could not build the ${ROLLUP_TABLE} rollup from the events already in the warehouse: ${(e as Error).message}. ` +
          'Nothing was changed; the error says why (too little memory or disk, or a value out of range).',
      ),
  );
}

/** Whether the warehouse has the rollup (a read-only open of an older warehouse may not). */
export async function hasRollup(duck: Duck): Promise<boolean> {
  const rows = await duck.all(
    `SELECT 1 FROM duckdb_tables()
     WHERE database_name = current_database() AND schema_name = 'main' AND table_name = '${ROLLUP_TABLE}'`,
  );
  return rows.length > 0;
}
