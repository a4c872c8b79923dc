-- Tracked items: recommendations made in papers, and commitments made in the official documents
-- of milestones. `version` counts changes, so that concurrent edits can be detected.
CREATE TABLE recommendations (
  id text PRIMARY KEY,
  paper_id text NOT NULL REFERENCES papers (id),
  position integer NOT NULL,
  title text NOT NULL,
  summary text NOT NULL,
  paragraph text NOT NULL,
  quote text NOT NULL,
  contributor_id text NOT NULL REFERENCES authors (id),
  made_in text REFERENCES papers (id),
  issue_area_id text NOT NULL REFERENCES issue_areas (id),
  parties text[] NOT NULL,
  format text NOT NULL CHECK (format IN ('unilateral', 'bilateral', 'trilateral', 'minilateral', 'multilateral')),
  version integer NOT NULL DEFAULT 1
);
CREATE INDEX recommendations_paper ON recommendations (paper_id, position);
CREATE INDEX recommendations_issue_area ON recommendations (issue_area_id);

CREATE TABLE milestones (
  id text PRIMARY KEY,
  date text NOT NULL,
  date_end text,
  date_note text,
  title text NOT NULL,
  kind text NOT NULL,
  parties text[] NOT NULL,
  format text NOT NULL CHECK (format IN ('unilateral', 'bilateral', 'trilateral', 'minilateral', 'multilateral')),
  issue_area_id text REFERENCES issue_areas (id),
  document text,
  summary text NOT NULL,
  sources jsonb NOT NULL,
  version integer NOT NULL DEFAULT 1
);
CREATE INDEX milestones_date ON milestones (date);

CREATE TABLE commitments (
  id text PRIMARY KEY,
  milestone_id text NOT NULL REFERENCES milestones (id),
  position integer NOT NULL,
  title text NOT NULL,
  summary text NOT NULL,
  parties text[] NOT NULL,
  format text NOT NULL CHECK (format IN ('unilateral', 'bilateral', 'trilateral', 'minilateral', 'multilateral')),
  issue_area_id text NOT NULL REFERENCES issue_areas (id),
  quote text,
  due text,
  version integer NOT NULL DEFAULT 1
);
CREATE INDEX commitments_milestone ON commitments (milestone_id, position);
