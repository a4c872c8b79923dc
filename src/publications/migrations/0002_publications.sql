CREATE TABLE programs (
  id text PRIMARY KEY,
  title text NOT NULL,
  publisher text NOT NULL,
  unit text,
  url text,
  description text,
  sources jsonb NOT NULL
);

CREATE TABLE series (
  id text PRIMARY KEY,
  program_id text NOT NULL REFERENCES programs (id),
  position integer NOT NULL,
  title text NOT NULL,
  partners text[] NOT NULL DEFAULT '{}',
  url text,
  description text,
  sources jsonb NOT NULL
);

CREATE TABLE authors (
  id text PRIMARY KEY,
  position integer NOT NULL,
  name text NOT NULL,
  name_ko text,
  name_ja text
);

CREATE TABLE papers (
  id text PRIMARY KEY,
  series_id text NOT NULL REFERENCES series (id),
  number integer,
  number_inferred boolean NOT NULL DEFAULT false,
  title text,
  topic text,
  date text,
  url text,
  language text NOT NULL,
  summary text,
  "references" jsonb NOT NULL DEFAULT '[]',
  notes jsonb NOT NULL DEFAULT '[]',
  sources jsonb NOT NULL
);
CREATE INDEX papers_series ON papers (series_id, number);

CREATE TABLE paper_authors (
  paper_id text NOT NULL REFERENCES papers (id) ON DELETE CASCADE,
  position integer NOT NULL,
  author_id text NOT NULL REFERENCES authors (id),
  affiliation text,
  inferred boolean NOT NULL DEFAULT false,
  note text,
  PRIMARY KEY (paper_id, position)
);
CREATE INDEX paper_authors_author ON paper_authors (author_id);
