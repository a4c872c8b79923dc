-- A change number per table beside the store's one: a page kept by the read cache remembers which
-- tables its reads named and is rendered again only when one of those has changed, so an assessment
-- published no longer empties the cache of pages that show none (papers, opinion, the API reference).
-- Each table's number is raised once per writing transaction, at its commit, like the store's; the
-- row is in the schema of the table written, whichever dataset's session writes it. The migration
-- runner (`watchTables` in src/core/changes.ts) gives every watched table its row.
CREATE TABLE entente_table_changes (
  name text PRIMARY KEY,
  version bigint NOT NULL
);

CREATE OR REPLACE FUNCTION entente_count_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('entente.change_counted', true) IS DISTINCT FROM 'on' THEN
    UPDATE entente_changes SET version = version + 1;
    PERFORM set_config('entente.change_counted', 'on', true);
  END IF;
  IF current_setting('entente.changed_' || TG_RELID, true) IS DISTINCT FROM 'on' THEN
    EXECUTE format(
      'INSERT INTO %I.entente_table_changes AS t (name, version) VALUES ($1, 1)
         ON CONFLICT (name) DO UPDATE SET version = t.version + 1',
      TG_TABLE_SCHEMA)
      USING TG_TABLE_NAME;
    PERFORM set_config('entente.changed_' || TG_RELID, 'on', true);
  END IF;
  RETURN NULL;
END;
$$;
