-- The sources that print an author's name in Hangul or Japanese script.
ALTER TABLE authors ADD COLUMN sources jsonb;
