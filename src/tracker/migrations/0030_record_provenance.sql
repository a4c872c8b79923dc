-- Where an assessment's assessor looked (a "no step documented" finding lists its sources and
-- queries), which records an Introduction recommendation restates (counted once, through the record
-- it restates), and how a commitment's wording is known: the official text with the source it was
-- read in, or a paraphrase with the reason.
ALTER TABLE assessments ADD COLUMN searched jsonb;
ALTER TABLE recommendations ADD COLUMN restates text[] NOT NULL DEFAULT '{}';
ALTER TABLE commitments ADD COLUMN quote_source jsonb;
ALTER TABLE commitments ADD COLUMN paraphrase text;
ALTER TABLE commitments ADD COLUMN paraphrase_note text;
