import { type Queryable, readRows } from '../core/index.ts';
import type { AuthorRow, PaperRow, ProgramRow, SeriesRow } from './views.ts';

const PAPER_SELECT = `
  SELECT p.id, p.series_id, s.title AS series_title, s.program_id, g.title AS program_title, g.publisher,
         p.number, p.number_inferred, p.title, p.topic, p.date, p.url, p.language, p.summary,
         p."references", p.notes, p.sources,
         coalesce((SELECT json_agg(json_build_object('author_id', a.id, 'name', a.name, 'name_ko', a.name_ko, 'name_ja', a.name_ja,
                                                     'affiliation', pa.affiliation,
                                                     'inferred', pa.inferred, 'note', pa.note) ORDER BY pa.position)
                     FROM paper_authors pa JOIN authors a ON a.id = pa.author_id WHERE pa.paper_id = p.id), '[]') AS authors
    FROM papers p JOIN series s ON s.id = p.series_id JOIN programs g ON g.id = s.program_id`;

export async function getPaper(q: Queryable, id: string): Promise<PaperRow | undefined> {
  const [row] = await q.query<PaperRow>(`${PAPER_SELECT} WHERE p.id = $1`, [id]);
  return row;
}

/** Papers in series order, optionally of one series or one author. */
export function listPapers(
  q: Queryable,
  filter: { series?: string; author?: string } = {},
): Promise<PaperRow[]> {
  return readRows(q, `papers ${filter.series ?? ''} ${filter.author ?? ''}`, () =>
    q.query<PaperRow>(
      `${PAPER_SELECT}
      WHERE ($1::text IS NULL OR p.series_id = $1)
        AND ($2::text IS NULL OR EXISTS (SELECT 1 FROM paper_authors x WHERE x.paper_id = p.id AND x.author_id = $2))
      ORDER BY s.position, p.number NULLS LAST, p.id`,
      [filter.series ?? null, filter.author ?? null],
    ),
  );
}

export const listSeries = (q: Queryable) =>
  readRows(q, 'series', () =>
    q.query<SeriesRow>(
      `SELECT s.id, s.program_id, s.title, s.partners, s.url, s.description, s.sources,
            (SELECT count(*)::int FROM papers p WHERE p.series_id = s.id) AS papers
       FROM series s JOIN programs g ON g.id = s.program_id ORDER BY g.id, s.position`,
    ),
  );

export const listPrograms = (q: Queryable) =>
  readRows(q, 'programs', () =>
    q.query<ProgramRow>(
      'SELECT id, title, publisher, unit, url, description, sources FROM programs ORDER BY id',
    ),
  );

export async function getAuthor(q: Queryable, id: string): Promise<AuthorRow | undefined> {
  const [row] = await q.query<AuthorRow>('SELECT id, name, name_ko, name_ja FROM authors WHERE id = $1', [
    id,
  ]);
  return row;
}

export const listAuthors = (q: Queryable) =>
  q.query<AuthorRow>('SELECT id, name, name_ko, name_ja FROM authors ORDER BY position');
