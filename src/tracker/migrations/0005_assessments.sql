-- Assessments: dated, sourced judgements of a tracked item's implementation, with a review state.
-- A published assessment is never edited; a correction is a new assessment that names the one it
-- corrects (`corrects`) and says why. Tracked items live in two tables, so `item_id` is checked by
-- the services and the dataset validator rather than by a foreign key.
CREATE TABLE assessments (
  id text PRIMARY KEY,
  item_id text NOT NULL,
  as_of text NOT NULL,
  implementation integer NOT NULL CHECK (implementation BETWEEN 0 AND 3),
  flags text[] NOT NULL DEFAULT '{}',
  compliance jsonb,
  specificity integer CHECK (specificity BETWEEN 1 AND 3),
  rationale text NOT NULL,
  evidence jsonb NOT NULL,
  assessor text NOT NULL,
  assessor_id integer,
  state text NOT NULL CHECK (state IN ('draft', 'in_review', 'published')),
  corrects text REFERENCES assessments (id),
  correction_reason text,
  recorded_at text,
  published_at text,
  published_by text,
  version integer NOT NULL DEFAULT 1,
  CHECK ((corrects IS NULL) = (correction_reason IS NULL))
);
CREATE INDEX assessments_item ON assessments (item_id, as_of);
CREATE INDEX assessments_state ON assessments (state, published_at);
-- At most one correction of an assessment can be published or pending at a time.
CREATE UNIQUE INDEX assessments_one_correction ON assessments (corrects) WHERE corrects IS NOT NULL;

-- A recommendation matched by a governmental commitment (or by a governmental action recorded as a
-- milestone), fully or in part, as in the G7/G20 "Recommendations Realized" studies.
CREATE TABLE item_links (
  id text PRIMARY KEY,
  recommendation_id text NOT NULL REFERENCES recommendations (id),
  commitment_id text REFERENCES commitments (id),
  milestone_id text REFERENCES milestones (id),
  match text NOT NULL CHECK (match IN ('partial', 'full')),
  rationale text NOT NULL,
  version integer NOT NULL DEFAULT 1,
  CHECK ((commitment_id IS NULL) <> (milestone_id IS NULL))
);
CREATE INDEX item_links_recommendation ON item_links (recommendation_id);

-- Both kinds of tracked item, with what the scores group them by.
CREATE VIEW tracked_items AS
  SELECT 'recommendation' AS kind, r.id, r.title, r.parties, r.format, r.issue_area_id, NULL::text AS date
    FROM recommendations r
  UNION ALL
  SELECT 'commitment' AS kind, c.id, c.title, c.parties, c.format, c.issue_area_id, m.date
    FROM commitments c JOIN milestones m ON m.id = c.milestone_id;
