import type { Queryable } from '../core/index.ts';

export const KINDS = ['paper', 'recommendation', 'commitment', 'milestone', 'evidence', 'question'] as const;
export type Kind = (typeof KINDS)[number];

/** How much a field counts in ranking: titles most (A), then summaries and quotes, then notes. */
export type Weight = 'A' | 'B' | 'C';

export interface Field {
  name: string;
  text: string;
  weight: Weight;
}

/** A searchable record: where it lives, what it is called, and its texts exactly as stored. */
export interface SearchDocument {
  kind: Kind;
  id: string;
  url: string;
  title: { en: string; ko?: string; ja?: string };
  fields: Field[];
}

const field = (name: string, text: unknown, weight: Weight): Field[] =>
  typeof text === 'string' && text.trim() !== '' ? [{ name, text, weight }] : [];

interface Quoted {
  title?: string;
  quote?: string;
  gloss?: string;
  publisher?: string;
}

/**
 * How each kind of record becomes a document: one query reading the records by id. A record that is
 * gone (or not public, like an unpublished assessment) simply does not come back, and its document is
 * removed.
 */
const RECORD_SOURCES: Record<Kind, (q: Queryable, ids: string[]) => Promise<SearchDocument[]>> = {
  async paper(q, ids) {
    const rows = await q.query<{
      id: string;
      title: string | null;
      topic: string | null;
      summary: string | null;
      notes: string[];
      authors: { name: string; name_ko: string | null; name_ja: string | null }[];
    }>(
      `SELECT p.id, p.title, p.topic, p.summary, p.notes,
              coalesce((SELECT json_agg(json_build_object('name', a.name, 'name_ko', a.name_ko, 'name_ja', a.name_ja)
                                        ORDER BY pa.position)
                          FROM paper_authors pa JOIN authors a ON a.id = pa.author_id
                         WHERE pa.paper_id = p.id), '[]') AS authors
         FROM papers p WHERE p.id = ANY ($1)`,
      [ids],
    );
    return rows.map((r) => ({
      kind: 'paper',
      id: r.id,
      url: `/papers/${r.id}`,
      title: { en: r.title ?? r.topic ?? r.id },
      fields: [
        ...field('title', r.title, 'A'),
        ...field('topic', r.topic, 'A'),
        ...field('summary', r.summary, 'B'),
        // An author is found by the name as printed and as written in Hangul or Japanese script.
        ...r.authors.flatMap((a) => [
          ...field('author', a.name, 'B'),
          ...field('author', a.name_ko, 'B'),
          ...field('author', a.name_ja, 'B'),
        ]),
        ...r.notes.flatMap((n) => field('notes', n, 'C')),
      ],
    }));
  },
  async recommendation(q, ids) {
    const rows = await q.query<{ id: string; title: string; summary: string; quote: string }>(
      'SELECT id, title, summary, quote FROM recommendations WHERE id = ANY ($1)',
      [ids],
    );
    return rows.map((r) => ({
      kind: 'recommendation',
      id: r.id,
      url: `/recommendations/${r.id}`,
      title: { en: r.title },
      fields: [
        ...field('title', r.title, 'A'),
        ...field('summary', r.summary, 'B'),
        ...field('quote', r.quote, 'B'),
      ],
    }));
  },
  async commitment(q, ids) {
    const rows = await q.query<{ id: string; title: string; summary: string; quote: string | null }>(
      'SELECT id, title, summary, quote FROM commitments WHERE id = ANY ($1)',
      [ids],
    );
    return rows.map((r) => ({
      kind: 'commitment',
      id: r.id,
      url: `/items/${r.id}`,
      title: { en: r.title },
      fields: [
        ...field('title', r.title, 'A'),
        ...field('summary', r.summary, 'B'),
        ...field('quote', r.quote, 'B'),
      ],
    }));
  },
  async milestone(q, ids) {
    const rows = await q.query<{ id: string; title: string; summary: string; sources: Quoted[] }>(
      'SELECT id, title, summary, sources FROM milestones WHERE id = ANY ($1)',
      [ids],
    );
    return rows.map((r) => ({
      kind: 'milestone',
      id: r.id,
      url: `/milestones/${r.id}`,
      title: { en: r.title },
      fields: [
        ...field('title', r.title, 'A'),
        ...field('summary', r.summary, 'B'),
        ...r.sources.flatMap((s) => [...field('quote', s.quote, 'B'), ...field('gloss', s.gloss, 'C')]),
      ],
    }));
  },
  async evidence(q, ids) {
    // Only published assessments are public; drafts and those in review stay out of search.
    const rows = await q.query<{
      id: string;
      item_title: string | null;
      rationale: string;
      evidence: Quoted[];
    }>(
      `SELECT a.id, coalesce(r.title, c.title) AS item_title, a.rationale, a.evidence
         FROM assessments a
         LEFT JOIN recommendations r ON r.id = a.item_id
         LEFT JOIN commitments c ON c.id = a.item_id
        WHERE a.id = ANY ($1) AND a.state = 'published'`,
      [ids],
    );
    return rows.map((r) => ({
      kind: 'evidence',
      id: r.id,
      url: `/assessments/${r.id}`,
      title: { en: r.item_title ?? r.id },
      fields: [
        ...r.evidence.flatMap((e) => [
          ...field('evidence', e.title, 'A'),
          ...field('quote', e.quote, 'B'),
          ...field('publisher', e.publisher, 'C'),
        ]),
        ...field('rationale', r.rationale, 'C'),
      ],
    }));
  },
  async question(q, ids) {
    const rows = await q.query<{
      key: string;
      series_id: string;
      series_title: string;
      text_en: string;
      text_ko: string | null;
      text_ja: string | null;
      wording: string | null;
      answers: { label: { en: string; ko?: string; ja?: string } }[];
    }>(
      `SELECT q.series_id || '/' || q.id AS key, q.series_id, s.title AS series_title, q.text_en, q.text_ko, q.text_ja,
              q.wording, q.answers
         FROM survey_questions q JOIN survey_series s ON s.id = q.series_id
        WHERE q.series_id || '/' || q.id = ANY ($1)`,
      [ids],
    );
    return rows.map((r) => ({
      kind: 'question',
      id: r.key,
      url: `/opinion/${r.series_id}`,
      title: { en: r.text_en, ...(r.text_ko && { ko: r.text_ko }), ...(r.text_ja && { ja: r.text_ja }) },
      fields: [
        ...field('question', r.text_en, 'A'),
        ...field('question', r.text_ko, 'A'),
        ...field('question', r.text_ja, 'A'),
        ...field('wording', r.wording, 'B'),
        ...field('series', r.series_title, 'C'),
        ...r.answers.flatMap((a) => [
          ...field('answer', a.label.en, 'C'),
          ...field('answer', a.label.ko, 'C'),
          ...field('answer', a.label.ja, 'C'),
        ]),
      ],
    }));
  },
};

/**
 * Adds a record's Korean and Japanese title and summary to its document, so that a query in either
 * language finds it, and the result list can show the title in the reader's language.
 */
async function withTranslations(q: Queryable, kind: Kind, docs: SearchDocument[]): Promise<SearchDocument[]> {
  if (docs.length === 0 || kind === 'evidence' || kind === 'question') return docs;
  const rows = await q.query<{ lang: 'ko' | 'ja'; record_id: string; title: string; summary: string | null }>(
    'SELECT lang, record_id, title, summary FROM translations WHERE kind = $1 AND record_id = ANY ($2)',
    [kind, docs.map((d) => d.id)],
  );
  const by = new Map<string, typeof rows>();
  for (const r of rows) by.set(r.record_id, [...(by.get(r.record_id) ?? []), r]);
  return docs.map((d) => {
    const tr = by.get(d.id) ?? [];
    return {
      ...d,
      title: { ...d.title, ...Object.fromEntries(tr.map((t) => [t.lang, t.title])) },
      fields: [
        ...d.fields,
        ...tr.flatMap((t) => [
          ...field(`title_${t.lang}`, t.title, 'A'),
          ...field(`summary_${t.lang}`, t.summary, 'B'),
        ]),
      ],
    };
  });
}

export const SOURCES = Object.fromEntries(
  KINDS.map((k) => [
    k,
    async (q: Queryable, ids: string[]) => withTranslations(q, k, await RECORD_SOURCES[k](q, ids)),
  ]),
) as Record<Kind, (q: Queryable, ids: string[]) => Promise<SearchDocument[]>>;
