-- Failed logins, counted by the login limit (src/accounts/rate-limit.ts). They are kept in the store,
-- not in a process's memory, so that every server process on one database counts the same guesses:
-- five wrong passwords sent through one process lock the account and address in all of them.
-- A key is the SHA-256 of what is counted (an account and an address, or an address), so that a
-- username typed by mistake (often a password) is not stored. Times are epoch milliseconds of the
-- server's clock. Not watched by the read cache: a failed login changes no page.
CREATE TABLE login_strikes (
  key_hash text PRIMARY KEY,
  -- Failures inside the current window, oldest first.
  failures bigint[] NOT NULL DEFAULT '{}',
  -- How many times the key has been locked since its last success: each lock lasts twice the last.
  locks integer NOT NULL DEFAULT 0,
  locked_until bigint NOT NULL DEFAULT 0,
  -- From when the row counts for nothing (its lock and its failures are past): then it is removed.
  stale_at bigint NOT NULL DEFAULT 0
);
CREATE INDEX login_strikes_stale ON login_strikes (stale_at);
