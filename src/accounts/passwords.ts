import type { Algorithm } from '@node-rs/argon2';

// OWASP's argon2id baseline (19 MiB, 2 passes, 1 lane): slow enough for guessing, fast enough to
// keep a login under 100 ms.
// `Algorithm` is a const enum that type stripping cannot inline; 2 is its `Argon2id` member.
const OPTIONS = { algorithm: 2 as Algorithm, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

/** The argon2id hash of a password, in PHC string form (algorithm, parameters and salt included). */
export async function hashPassword(password: string): Promise<string> {
  return (await argon2()).hash(password, OPTIONS);
}

// The native binding loads with the first password checked, not with every command that names accounts.
const argon2 = () => import('@node-rs/argon2');

/** Whether `password` matches a stored hash; a malformed hash counts as a mismatch. */
export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await (await argon2()).verify(stored, password);
  } catch {
    return false;
  }
}

/** A password rule short enough to remember: at least 12 characters. */
export const PASSWORD_MIN = 12;
