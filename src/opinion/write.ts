import type { Db } from '../core/index.ts';
import type { ResultInput } from './import-csv.ts';

// The store hands jsonb back with its keys reordered; sources are flat, so sorting the keys suffices.
const canonical = (o: unknown) => JSON.stringify(o, Object.keys(o as object).sort());

export interface ResultsWriteReport {
  inserted: number;
  updated: number;
  unchanged: number;
}

/**
 * Writes results of one series in one transaction: a figure already in the store (same question,
 * wave and answer) is updated in place, a new one is appended. Writing the same rows twice changes
 * nothing the second time.
 */
export async function writeResults(
  db: Db,
  seriesId: string,
  results: ResultInput[],
): Promise<ResultsWriteReport> {
  const report = { inserted: 0, updated: 0, unchanged: 0 };
  await db.transaction(async (tx) => {
    const existing = await tx.query<{
      position: number;
      question: string;
      wave: string;
      answer: string;
      share: number;
      source: unknown;
    }>(
      `SELECT position, question_id AS question, wave_id AS wave, answer_id AS answer, share, source
         FROM survey_results WHERE series_id = $1 FOR UPDATE`,
      [seriesId],
    );
    const byKey = new Map(existing.map((r) => [`${r.question}|${r.wave}|${r.answer}`, r]));
    let next = existing.reduce((m, r) => Math.max(m, r.position + 1), 0);
    for (const r of results) {
      const prior = byKey.get(`${r.question}|${r.wave}|${r.answer}`);
      if (!prior) {
        await tx.query(
          `INSERT INTO survey_results (series_id, position, question_id, wave_id, answer_id, share, source)
           VALUES ($1, $2, $3, $4, $5, $6, $7)`,
          [seriesId, next++, r.question, r.wave, r.answer, r.share, JSON.stringify(r.source)],
        );
        report.inserted++;
      } else if (prior.share !== r.share || canonical(prior.source) !== canonical(r.source)) {
        await tx.query(
          'UPDATE survey_results SET share = $3, source = $4 WHERE series_id = $1 AND position = $2',
          [seriesId, prior.position, r.share, JSON.stringify(r.source)],
        );
        report.updated++;
      } else report.unchanged++;
    }
  });
  return report;
}
