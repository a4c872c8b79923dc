-- One number that every committed write to the records raises: the read cache of the web app keeps a
-- page only as long as the number it was rendered under is the current one, in every process on the
-- same database. It is raised once per writing transaction, at its commit (a deferred trigger, which
-- fires when the transaction has done all its other writes), so writers queue on the row only for the
-- instant before they commit, and a transaction that changes no row (an import that finds nothing new)
-- leaves it as it was. The triggers on each table are made by the migration runner (`watchTables` in
-- src/core/changes.ts), so that the tables of later migrations are watched too.
CREATE TABLE entente_changes (
  only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
  version bigint NOT NULL
);
INSERT INTO entente_changes (version) VALUES (1);

CREATE FUNCTION entente_count_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('entente.change_counted', true) IS DISTINCT FROM 'on' THEN
    UPDATE entente_changes SET version = version + 1;
    PERFORM set_config('entente.change_counted', 'on', true);
  END IF;
  RETURN NULL;
END;
$$;
