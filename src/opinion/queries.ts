import { type Localized, type Queryable, readOnce, readRows, type Source } from '../core/index.ts';
import { effectiveN, wilson } from './intervals.ts';
import type { QuestionView, ResultView, SurveySeriesSummary, SurveySeriesView, WaveView } from './views.ts';

/** Every survey series with the years it covers, in title order. */
export function listSurveySeries(q: Queryable): Promise<SurveySeriesSummary[]> {
  return readRows(q, 'survey series', () =>
    q.query<SurveySeriesSummary>(
      `SELECT s.id, s.title, s.pollsters, s.publics,
            (SELECT min(year) FROM survey_waves w WHERE w.series_id = s.id) AS first_year,
            (SELECT max(year) FROM survey_waves w WHERE w.series_id = s.id) AS last_year,
            (SELECT count(*)::int FROM survey_waves w WHERE w.series_id = s.id) AS waves,
            (SELECT count(*)::int FROM survey_results r WHERE r.series_id = s.id) AS results
       FROM survey_series s ORDER BY s.title, s.id`,
    ),
  );
}

interface QuestionRow {
  id: string;
  text_en: string;
  text_ko: string | null;
  text_ja: string | null;
  wording: string | null;
  public: string;
  mirrors: string | null;
  answers: { id: string; label: Localized }[];
}

/** One series with its questions, waves and results; each result carries its 95 % interval. */
export function getSurveySeries(q: Queryable, id: string): Promise<SurveySeriesView | undefined> {
  return readOnce(q, `survey series ${id}`, () => readSurveySeries(q, id));
}

async function readSurveySeries(q: Queryable, id: string): Promise<SurveySeriesView | undefined> {
  const [series] = await q.query<Omit<SurveySeriesView, 'questions' | 'waves' | 'results'>>(
    'SELECT id, title, pollsters, publics, mode, population, description, sources FROM survey_series WHERE id = $1',
    [id],
  );
  if (!series) return undefined;
  const [questions, waveRows, results] = await Promise.all([
    q.query<QuestionRow>(
      `SELECT id, text_en, text_ko, text_ja, wording, public, mirrors, answers
         FROM survey_questions WHERE series_id = $1 ORDER BY position`,
      [id],
    ),
    q.query<Omit<WaveView, 'effective_n'>>(
      `SELECT id, year, public, fieldwork_start, fieldwork_end, n, mode, design_effect, breaks, sources
         FROM survey_waves WHERE series_id = $1 ORDER BY year, position`,
      [id],
    ),
    q.query<{ question: string; wave: string; answer: string; share: number; source: Source }>(
      `SELECT question_id AS question, wave_id AS wave, answer_id AS answer, share, source
         FROM survey_results WHERE series_id = $1 ORDER BY position`,
      [id],
    ),
  ]);
  const waves: WaveView[] = waveRows.map((w) => ({
    ...w,
    effective_n: w.n === null ? null : effectiveN(w.n, w.design_effect),
  }));
  const byId = new Map(waves.map((w) => [w.id, w]));
  return {
    ...series,
    questions: questions.map(
      ({ text_en, text_ko, text_ja, ...rest }): QuestionView => ({
        ...rest,
        text: { en: text_en, ...(text_ko ? { ko: text_ko } : {}), ...(text_ja ? { ja: text_ja } : {}) },
      }),
    ),
    waves,
    results: results.map((r): ResultView => {
      const w = byId.get(r.wave)!;
      return {
        ...r,
        year: w.year,
        public: w.public,
        n: w.n,
        design_effect: w.design_effect,
        interval: w.n === null ? null : wilson(r.share, w.n, w.design_effect),
      };
    }),
  };
}
