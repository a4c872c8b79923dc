import type { Queryable } from '../core/index.ts';
import { hashPassword, verifyPassword } from './passwords.ts';
import type { LoginLimiter } from './rate-limit.ts';
import { newSecret } from './secrets.ts';
import { startSession } from './sessions.ts';
import { credentials } from './users.ts';

export type LoginResult =
  | { ok: true; secret: string; username: string }
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'limited'; retryAfter: number };

// Verified when the username is unknown, so that a wrong name takes as long as a wrong password.
let dummyHash: Promise<string> | undefined;

/**
 * Checks a username and password and starts a session. Failures are counted per account and
 * address, and per address; past the limit the answer is "try later" without checking the password.
 */
export async function logIn(
  q: Queryable,
  limiter: LoginLimiter,
  input: { username: string; password: string; address: string; previous?: string },
): Promise<LoginResult> {
  const attempt = { username: input.username, address: input.address };
  const wait = limiter.retryAfter(attempt);
  if (wait > 0) return { ok: false, reason: 'limited', retryAfter: wait };
  const user = await credentials(q, input.username);
  dummyHash ??= hashPassword(newSecret());
  const ok = await verifyPassword(user?.password_hash ?? (await dummyHash), input.password);
  if (!user || !ok) {
    limiter.fail(attempt);
    return { ok: false, reason: 'invalid' };
  }
  limiter.succeed(attempt);
  return { ok: true, secret: await startSession(q, user.id, input.previous), username: user.username };
}
