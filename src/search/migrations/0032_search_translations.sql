-- A translation written or removed makes its record's search document stale, like a change of the
-- record itself, so that a Korean or Japanese word finds the record as soon as it is stored.
CREATE FUNCTION search_mark_translation() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN
    INSERT INTO search_pending (kind, id) VALUES (OLD.kind, OLD.record_id) ON CONFLICT DO NOTHING;
  END IF;
  IF TG_OP <> 'DELETE' THEN
    INSERT INTO search_pending (kind, id) VALUES (NEW.kind, NEW.record_id) ON CONFLICT DO NOTHING;
  END IF;
  RETURN NULL;
END;
$$;

CREATE TRIGGER search_translations AFTER INSERT OR UPDATE OR DELETE ON translations
  FOR EACH ROW EXECUTE FUNCTION search_mark_translation();
