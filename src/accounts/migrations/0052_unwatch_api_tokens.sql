-- Every API request with a token records when the token was last used, a write to api_tokens. No page
-- that the read cache keeps shows a token (only the signed-in account page does), so that write must
-- not raise the change number: it did, and an API client reading with a token emptied the read cache
-- of every process at each request. The table is now in UNWATCHED_TABLES (src/core/changes.ts); this
-- removes the trigger that stores made before gave it.
DROP TRIGGER IF EXISTS entente_changes ON api_tokens;
