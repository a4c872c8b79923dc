import type { Db } from '../core/index.ts';
import { KINDS, type Kind, type SearchDocument, SOURCES } from './documents.ts';
import { tsvectorLiteral } from './terms.ts';

// Pending records are folded in batches, each in its own transaction, so that a long rebuild holds
// no lock for long and a crash loses at most one batch of work (whose pending rows come back).
const BATCH = 1000;

/**
 * Brings the search index up to date with every record written since the last call: reads the
 * pending records (filled by triggers in the writers' transactions), folds their texts into terms,
 * and replaces their documents. Returns how many records it handled. Safe to call concurrently:
 * each pending row is taken by one caller (`FOR UPDATE SKIP LOCKED`).
 */
export async function refreshSearchIndex(db: Db): Promise<number> {
  let total = 0;
  for (;;) {
    const handled = await db.transaction(async (tx) => {
      const pending = await tx.query<{ kind: Kind; id: string }>(
        `DELETE FROM search_pending WHERE (kind, id) IN (
           SELECT kind, id FROM search_pending LIMIT ${BATCH} FOR UPDATE SKIP LOCKED)
         RETURNING kind, id`,
      );
      for (const kind of KINDS) {
        const ids = pending.filter((p) => p.kind === kind).map((p) => p.id);
        if (ids.length === 0) continue;
        const docs = await SOURCES[kind](tx, ids);
        await tx.query('DELETE FROM search_documents WHERE kind = $1 AND id = ANY ($2)', [kind, ids]);
        if (docs.length > 0) await insertDocuments(tx, docs);
      }
      return pending.length;
    });
    total += handled;
    if (handled < BATCH) return total;
  }
}

async function insertDocuments(tx: Pick<Db, 'query'>, docs: SearchDocument[]) {
  const rows = docs.map((d) => ({
    kind: d.kind,
    id: d.id,
    url: d.url,
    title_en: d.title.en,
    title_ko: d.title.ko ?? null,
    title_ja: d.title.ja ?? null,
    fields: d.fields,
    terms: tsvectorLiteral(d.fields),
  }));
  await tx.query(
    `INSERT INTO search_documents (kind, id, url, title_en, title_ko, title_ja, fields, terms)
     SELECT kind, id, url, title_en, title_ko, title_ja, fields, terms::tsvector
       FROM jsonb_to_recordset($1::jsonb)
         AS x(kind text, id text, url text, title_en text, title_ko text, title_ja text, fields jsonb, terms text)`,
    [JSON.stringify(rows)],
  );
}

/** Marks every searchable record pending and rebuilds the index from scratch. */
export async function rebuildSearchIndex(db: Db): Promise<number> {
  await db.exec(`
    INSERT INTO search_pending (kind, id)
      SELECT 'paper', id FROM papers
      UNION ALL SELECT 'recommendation', id FROM recommendations
      UNION ALL SELECT 'commitment', id FROM commitments
      UNION ALL SELECT 'milestone', id FROM milestones
      UNION ALL SELECT 'evidence', id FROM assessments
      UNION ALL SELECT 'question', series_id || '/' || id FROM survey_questions
      UNION ALL SELECT kind, id FROM search_documents
    ON CONFLICT DO NOTHING`);
  return refreshSearchIndex(db);
}
