-- Titles and summaries of records in Korean and Japanese: Entente's translations, or the publisher's
-- own where `official` cites it. Keyed by language, kind of record and its id; the records live in
-- their own tables, so the dataset check, not a foreign key, makes sure the record exists.
CREATE TABLE translations (
  lang text NOT NULL CHECK (lang IN ('ko', 'ja')),
  kind text NOT NULL CHECK (kind IN ('paper', 'recommendation', 'commitment', 'milestone')),
  record_id text NOT NULL,
  title text,
  summary text,
  official jsonb,
  PRIMARY KEY (lang, kind, record_id)
);
