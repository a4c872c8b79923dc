import type { Db } from '../core/index.ts';
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
  db: Db,
  limiter: LoginLimiter,
  input: { username: string; password: string; address: string; previous?: string },
): Promise<LoginResult> {
  const attempt = { username: input.username, address: input.address };
  const wait = await limiter.retryAfter(db, attempt);
  if (wait > 0) return { ok: false, reason: 'limited', retryAfter: wait };
  const user = await credentials(db, input.username);
  dummyHash ??= hashPassword(newSecret());
  const ok = await verifyPassword(user?.password_hash ?? (await dummyHash), input.password);
  if (!user || !ok) {
    await limiter.fail(db, attempt);
    return { ok: false, reason: 'invalid' };
  }
  await limiter.succeed(db, attempt);
  return { ok: true, secret: await startSession(db, user.id, input.previous), username: user.username };
}
