-- What a store holds: the datasets imported into it, and the shared vocabulary of parties and
-- issue areas that every module refers to.
CREATE TABLE datasets (
  id text PRIMARY KEY,
  title text NOT NULL,
  description text NOT NULL,
  partnership text[] NOT NULL
);

CREATE TABLE parties (
  code text PRIMARY KEY,
  position integer NOT NULL,
  kind text NOT NULL CHECK (kind IN ('state', 'organisation')),
  name_en text NOT NULL,
  name_ko text,
  name_ja text,
  iso3 text,
  cameo text,
  sources jsonb NOT NULL DEFAULT '[]'
);

CREATE TABLE issue_areas (
  id text PRIMARY KEY,
  parent_id text REFERENCES issue_areas (id),
  position integer NOT NULL,
  name_en text NOT NULL,
  name_ko text,
  name_ja text,
  description text
);
