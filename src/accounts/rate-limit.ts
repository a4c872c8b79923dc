import type { Db, Queryable } from '../core/index.ts';
import { hashSecret } from './secrets.ts';

/** Where a login attempt comes from: the account it names and the client's address. */
export interface LoginAttempt {
  username: string;
  address: string;
}

/** What is counted of one key. */
export interface Strikes {
  /** Failures (epoch ms) inside the current window, oldest first. */
  failures: number[];
  /** How many times the key has been locked since its last success: each lock lasts twice the last. */
  locks: number;
  /** Until when (epoch ms) the key is locked. */
  lockedUntil: number;
}

const MAX_LOCK_DOUBLINGS = 6;

/**
 * One more failure of a key at `now`: failures older than the window are forgotten, and the
 * `max`-th inside it locks the key for the window times 2^(locks so far), up to 64 windows.
 */
export function strike(s: Strikes, now: number, max: number, windowMs: number): Strikes {
  const failures = [...s.failures.filter((t) => t > now - windowMs), now];
  if (failures.length < max) return { ...s, failures };
  return {
    failures: [],
    locks: s.locks + 1,
    lockedUntil: now + windowMs * 2 ** Math.min(s.locks, MAX_LOCK_DOUBLINGS),
  };
}

/**
 * Counts failed logins and slows password guessing to a few tries per quarter hour.
 *
 * Failures are counted per account *and* address, so that a stranger guessing at an account
 * locks out only themselves, never the account's owner on another address; each repeated lock
 * lasts twice as long as the previous one (up to 64 windows). Failures are also counted per address
 * across accounts (`perAddress`, four times `max` by default), which slows spraying one password
 * over many usernames. The counts live in the store (table `login_strikes`), so that every server
 * process on one database sees the same ones; this object holds only the rules and the clock.
 */
export class LoginLimiter {
  constructor(
    readonly max = 5,
    readonly windowMs = 15 * 60_000,
    private readonly now: () => number = Date.now,
    readonly perAddress = max * 4,
  ) {}

  /** Seconds until this attempt may be made, or 0 when it may now. */
  async retryAfter(q: Queryable, attempt: LoginAttempt): Promise<number> {
    const rows = await q.query<{ until: number }>(
      'SELECT locked_until AS until FROM login_strikes WHERE key_hash = ANY ($1)',
      [this.keysOf(attempt).map(([k]) => k)],
    );
    const until = Math.max(0, ...rows.map((r) => r.until));
    return Math.max(0, Math.ceil((until - this.now()) / 1000));
  }

  async fail(db: Db, attempt: LoginAttempt): Promise<void> {
    const now = this.now();
    await db.transaction(async (tx) => {
      // Always in one order, so that two failures at once wait for each other instead of deadlocking.
      for (const [key, max] of this.keysOf(attempt).sort(([a], [b]) => (a < b ? -1 : 1))) {
        await tx.query('INSERT INTO login_strikes (key_hash) VALUES ($1) ON CONFLICT DO NOTHING', [key]);
        const [row] = await tx.query<{ failures: number[]; locks: number; until: number }>(
          `SELECT to_json(failures) AS failures, locks, locked_until AS until
             FROM login_strikes WHERE key_hash = $1 FOR UPDATE`,
          [key],
        );
        const s = strike(
          { failures: row?.failures ?? [], locks: row?.locks ?? 0, lockedUntil: row?.until ?? 0 },
          now,
          max,
          this.windowMs,
        );
        // A key is forgiven (its locks forgotten) once quiet for as long as its next lock would last.
        const nextLock = this.windowMs * 2 ** Math.min(s.locks, MAX_LOCK_DOUBLINGS);
        const staleAt = Math.max(s.lockedUntil + nextLock, (s.failures.at(-1) ?? 0) + this.windowMs);
        await tx.query(
          `UPDATE login_strikes SET failures = $2::bigint[], locks = $3, locked_until = $4, stale_at = $5
            WHERE key_hash = $1`,
          [key, `{${s.failures.join(',')}}`, s.locks, s.lockedUntil, staleAt],
        );
      }
      // Made-up usernames must not grow the table: keys whose failures and locks are past go.
      await tx.query('DELETE FROM login_strikes WHERE stale_at <= $1', [now]);
    });
  }

  /** A successful login clears its account and address, and the address's count. */
  async succeed(q: Queryable, attempt: LoginAttempt): Promise<void> {
    await q.query('DELETE FROM login_strikes WHERE key_hash = ANY ($1)', [
      this.keysOf(attempt).map(([k]) => k),
    ]);
  }

  private keysOf(a: LoginAttempt): [string, number][] {
    return [
      [hashSecret(`account:${a.username}\n${a.address}`), this.max],
      [hashSecret(`address:${a.address}`), this.perAddress],
    ];
  }
}
