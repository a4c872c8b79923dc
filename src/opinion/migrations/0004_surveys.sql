CREATE TABLE survey_series (
  id text PRIMARY KEY,
  title text NOT NULL,
  pollsters text[] NOT NULL,
  publics text[] NOT NULL,
  mode text,
  population text,
  description text,
  sources jsonb NOT NULL
);

CREATE TABLE survey_questions (
  series_id text NOT NULL REFERENCES survey_series (id) ON DELETE CASCADE,
  id text NOT NULL,
  position integer NOT NULL,
  text_en text NOT NULL,
  text_ko text,
  text_ja text,
  wording text,
  public text NOT NULL,
  mirrors text,
  answers jsonb NOT NULL,
  PRIMARY KEY (series_id, id)
);

CREATE TABLE survey_waves (
  series_id text NOT NULL REFERENCES survey_series (id) ON DELETE CASCADE,
  id text NOT NULL,
  position integer NOT NULL,
  year integer NOT NULL,
  public text NOT NULL,
  fieldwork_start text,
  fieldwork_end text,
  n integer,
  mode text,
  design_effect numeric NOT NULL DEFAULT 1,
  breaks jsonb NOT NULL DEFAULT '[]',
  sources jsonb NOT NULL DEFAULT '[]',
  PRIMARY KEY (series_id, id)
);

-- (question, wave, answer) is unique within a series; the dataset validator checks it, so that
-- reordering results in a file never trips a constraint half-way through an import. For the same
-- reason the references to questions and waves are checked at commit: an import removes a wave
-- before it rewrites the results that pointed at it.
CREATE TABLE survey_results (
  series_id text NOT NULL REFERENCES survey_series (id) ON DELETE CASCADE,
  position integer NOT NULL,
  question_id text NOT NULL,
  wave_id text NOT NULL,
  answer_id text NOT NULL,
  share numeric NOT NULL CHECK (share >= 0 AND share <= 100),
  source jsonb NOT NULL,
  PRIMARY KEY (series_id, position),
  FOREIGN KEY (series_id, question_id) REFERENCES survey_questions (series_id, id) DEFERRABLE INITIALLY DEFERRED,
  FOREIGN KEY (series_id, wave_id) REFERENCES survey_waves (series_id, id) DEFERRABLE INITIALLY DEFERRED
);
