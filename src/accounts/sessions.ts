import type { Queryable } from '../core/index.ts';
import type { Role } from './roles.ts';
import { hashSecret, newSecret } from './secrets.ts';

/** How long a browser session lasts without logging in again. */
export const SESSION_DAYS = 14;

export interface SessionUser {
  id: number;
  username: string;
  display_name: string;
  role: Role;
}

/**
 * Starts a session and returns its secret (the cookie value). A session that the browser already
 * had is ended first: the identifier changes at every login, so a planted cookie is worthless.
 */
export async function startSession(q: Queryable, userId: number, previous?: string): Promise<string> {
  if (previous) await endSession(q, previous);
  // Expired sessions are of no use to anyone; each login sweeps them away.
  await q.query('DELETE FROM sessions WHERE expires_at <= now()');
  const secret = newSecret();
  await q.query(
    `INSERT INTO sessions (token_hash, user_id, expires_at) VALUES ($1, $2, now() + make_interval(days => $3))`,
    [hashSecret(secret), userId, SESSION_DAYS],
  );
  return secret;
}

/** The user of a live session, or undefined when the session is unknown, expired or disabled. */
export async function sessionUser(q: Queryable, secret: string): Promise<SessionUser | undefined> {
  const [row] = await q.query<SessionUser>(
    `SELECT u.id, u.username, u.display_name, u.role FROM sessions s JOIN users u ON u.id = s.user_id
      WHERE s.token_hash = $1 AND s.expires_at > now() AND NOT u.disabled`,
    [hashSecret(secret)],
  );
  return row;
}

export async function endSession(q: Queryable, secret: string): Promise<void> {
  await q.query('DELETE FROM sessions WHERE token_hash = $1', [hashSecret(secret)]);
}

/**
 * "Log out everywhere": ends every session of a user and revokes their API tokens, so that a
 * stolen cookie or token stops working at once. Returns how many sessions and tokens ended.
 */
export async function endAllSessions(q: Queryable, userId: number): Promise<number> {
  const rows = await q.query('DELETE FROM sessions WHERE user_id = $1 RETURNING user_id', [userId]);
  const tokens = await q.query(
    'UPDATE api_tokens SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL RETURNING id',
    [userId],
  );
  return rows.length + tokens.length;
}
