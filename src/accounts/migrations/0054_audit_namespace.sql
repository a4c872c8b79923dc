-- A store may hold several datasets, each in a schema of its own (src/core/datasets.ts), while the
-- audit log stays one, shared with the accounts. Two datasets may use the same record ids, so an entry
-- names the schema of the dataset it was written from: the schema first in the writer's search_path,
-- which is the column's default. Entries written before are the default dataset's, in `public`.
ALTER TABLE audit_log ADD COLUMN namespace text NOT NULL DEFAULT current_schema();
CREATE INDEX audit_log_namespace_entity ON audit_log (namespace, entity, entity_id, id);
