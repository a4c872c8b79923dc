import type { Duck } from './duck.ts';

/**
 * GDELT repeats some events across (and rarely within) files. The first occurrence wins (earlier
 * file, then earlier line); every later one moves from the batch's rows to the quarantine as
 * `duplicate_event`, so it is still counted and visible. Runs inside the batch's transaction.
 */
export async function quarantineDuplicates(
  duck: Duck,
  firstId: number,
  lastId: number,
  source: string,
): Promise<void> {
  await duck.run(`CREATE OR REPLACE TEMP TABLE dupes AS
    WITH fresh AS (SELECT GLOBALEVENTID AS id, file_id, line FROM events WHERE file_id BETWEEN ${firstId} AND ${lastId}),
    r AS (SELECT min(id) AS lo, max(id) AS hi FROM fresh),
    earlier AS (
      SELECT DISTINCT e.GLOBALEVENTID AS id FROM events e, r
      WHERE e.file_id < ${firstId} AND e.GLOBALEVENTID BETWEEN r.lo AND r.hi
        AND e.GLOBALEVENTID IN (SELECT id FROM fresh))
    SELECT f.file_id, f.line, f.id FROM fresh f WHERE f.id IN (SELECT id FROM earlier)
    UNION ALL
    SELECT file_id, line, id FROM (
      SELECT file_id, line, id, row_number() OVER (PARTITION BY id ORDER BY file_id, line) AS k FROM fresh
      WHERE id IN (SELECT id FROM fresh GROUP BY id HAVING count(*) > 1)
        AND id NOT IN (SELECT id FROM earlier))
    WHERE k > 1`);
  const [{ n }] = (await duck.all('SELECT count(*) AS n FROM dupes')) as [{ n: number }];
  if (n > 0) {
    // The loaded rows are typed; read the duplicates' lines again so the quarantine holds them verbatim.
    await duck.run(`INSERT INTO quarantine
      SELECT d.file_id, d.line, 'duplicate_event', 'GLOBALEVENTID', CAST(d.id AS VARCHAR), s.l
      FROM dupes d JOIN ${source} s ON s.file_id = d.file_id AND s.line = d.line`);
    await duck.run(`DELETE FROM events USING dupes d
      WHERE events.file_id BETWEEN ${firstId} AND ${lastId} AND events.file_id = d.file_id AND events.line = d.line`);
  }
  await duck.run('DROP TABLE dupes');
}
