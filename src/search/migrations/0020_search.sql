-- Search: one document per searchable record, with its terms as a tsvector. The terms are made by
-- Entente (src/search/fold.ts: NFKC, case fold, confusable skeleton, CJK bigrams) and written as
-- tsvector literals, so that no text-search parser or locale of the server decides what a word is:
-- PGlite and PostgreSQL index and match exactly the same terms.
CREATE TABLE search_documents (
  kind text NOT NULL CHECK (kind IN ('paper', 'recommendation', 'commitment', 'milestone', 'evidence', 'question')),
  id text NOT NULL,
  url text NOT NULL,
  title_en text NOT NULL,
  title_ko text,
  title_ja text,
  -- The searchable texts exactly as the record has them, for snippets: [{name, text}]
  fields jsonb NOT NULL,
  terms tsvector NOT NULL,
  PRIMARY KEY (kind, id)
);
CREATE INDEX search_documents_terms ON search_documents USING gin (terms);

-- Records written since the index was last brought up to date. Triggers fill it inside the writing
-- transaction, whoever writes (dataset import, tracker forms, SQL by hand), so the index never misses a
-- change; the search service folds the pending records before it answers.
CREATE TABLE search_pending (
  kind text NOT NULL,
  id text NOT NULL,
  PRIMARY KEY (kind, id)
);

CREATE FUNCTION search_mark_pending() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  rec jsonb;
BEGIN
  FOREACH rec IN ARRAY ARRAY[
    CASE WHEN TG_OP <> 'INSERT' THEN to_jsonb(OLD) END,
    CASE WHEN TG_OP <> 'DELETE' THEN to_jsonb(NEW) END
  ] LOOP
    IF rec IS NOT NULL THEN
      INSERT INTO search_pending (kind, id)
      VALUES (
        TG_ARGV[0],
        CASE WHEN TG_ARGV[0] = 'question' THEN (rec ->> 'series_id') || '/' || (rec ->> 'id') ELSE rec ->> 'id' END
      )
      ON CONFLICT DO NOTHING;
    END IF;
  END LOOP;
  RETURN NULL;
END;
$$;

CREATE TRIGGER search_papers AFTER INSERT OR UPDATE OR DELETE ON papers
  FOR EACH ROW EXECUTE FUNCTION search_mark_pending('paper');
CREATE TRIGGER search_recommendations AFTER INSERT OR UPDATE OR DELETE ON recommendations
  FOR EACH ROW EXECUTE FUNCTION search_mark_pending('recommendation');
CREATE TRIGGER search_commitments AFTER INSERT OR UPDATE OR DELETE ON commitments
  FOR EACH ROW EXECUTE FUNCTION search_mark_pending('commitment');
CREATE TRIGGER search_milestones AFTER INSERT OR UPDATE OR DELETE ON milestones
  FOR EACH ROW EXECUTE FUNCTION search_mark_pending('milestone');
CREATE TRIGGER search_assessments AFTER INSERT OR UPDATE OR DELETE ON assessments
  FOR EACH ROW EXECUTE FUNCTION search_mark_pending('evidence');
CREATE TRIGGER search_survey_questions AFTER INSERT OR UPDATE OR DELETE ON survey_questions
  FOR EACH ROW EXECUTE FUNCTION search_mark_pending('question');

-- A store that already holds records when this migration lands gets them all indexed.
INSERT INTO search_pending (kind, id)
  SELECT 'paper', id FROM papers
  UNION ALL SELECT 'recommendation', id FROM recommendations
  UNION ALL SELECT 'commitment', id FROM commitments
  UNION ALL SELECT 'milestone', id FROM milestones
  UNION ALL SELECT 'evidence', id FROM assessments
  UNION ALL SELECT 'question', series_id || '/' || id FROM survey_questions;
