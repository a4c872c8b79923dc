-- A paper's search document holds its authors' names (as printed, in Hangul, in Japanese script), so a
-- change of an author or of who wrote a paper makes the documents of the papers concerned stale.
CREATE FUNCTION search_mark_authored_papers() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_TABLE_NAME = 'paper_authors' THEN
    IF TG_OP <> 'INSERT' THEN
      INSERT INTO search_pending (kind, id) VALUES ('paper', OLD.paper_id) ON CONFLICT DO NOTHING;
    END IF;
    IF TG_OP <> 'DELETE' THEN
      INSERT INTO search_pending (kind, id) VALUES ('paper', NEW.paper_id) ON CONFLICT DO NOTHING;
    END IF;
  ELSIF TG_OP = 'UPDATE' THEN
    INSERT INTO search_pending (kind, id)
      SELECT 'paper', paper_id FROM paper_authors WHERE author_id = NEW.id ON CONFLICT DO NOTHING;
  END IF;
  RETURN NULL;
END;
$$;

CREATE TRIGGER search_paper_authors AFTER INSERT OR UPDATE OR DELETE ON paper_authors
  FOR EACH ROW EXECUTE FUNCTION search_mark_authored_papers();
CREATE TRIGGER search_authors AFTER UPDATE ON authors
  FOR EACH ROW EXECUTE FUNCTION search_mark_authored_papers();

-- Papers indexed before this migration get their authors' names.
INSERT INTO search_pending (kind, id) SELECT 'paper', id FROM papers ON CONFLICT DO NOTHING;
