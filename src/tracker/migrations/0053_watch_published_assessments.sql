-- Readers see only published assessments, so a draft or a review step changes no page the read cache
-- keeps; the audit log is read only on pages that are never kept. Their writes raised the change
-- number all the same, and every editor's draft emptied the cache of every process. This drops the
-- triggers stores made before; the migration runner (`watchTables` in src/core/changes.ts) gives
-- assessments triggers that fire only for rows that were or become published, and leaves the audit
-- log unwatched.
DROP TRIGGER IF EXISTS entente_changes ON assessments;
DROP TRIGGER IF EXISTS entente_changes ON audit_log;
