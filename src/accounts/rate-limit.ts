/** Where a login attempt comes from: the account it names and the client's address. */
export interface LoginAttempt {
  username: string;
  address: string;
}

interface Strikes {
  /** Failures inside the current window. */
  times: number[];
  /** How many times the key has been locked since its last success: each lock lasts twice the last. */
  locks: number;
  /** Until when (epoch ms) the key is locked. */
  until: number;
}

const MAX_LOCK_DOUBLINGS = 6;
const PRUNE_ABOVE = 10_000;

/**
 * Counts failed logins and slows password guessing to a few tries per quarter hour.
 *
 * Failures are counted per account *and* address, so that a stranger guessing at an account
 * locks out only themselves, never the account's owner on another address; each repeated lock
 * lasts twice as long as the previous one (up to 64 windows). Failures are also counted per address
 * across accounts (`perAddress`, four times `max` by default), which slows spraying one password
 * over many usernames. Kept in memory: one server process answers the site; a restart forgets the
 * counts, which only gives a guesser a few more tries.
 */
export class LoginLimiter {
  private readonly keys = new Map<string, Strikes>();

  constructor(
    readonly max = 5,
    readonly windowMs = 15 * 60_000,
    private readonly now: () => number = Date.now,
    readonly perAddress = max * 4,
  ) {}

  /** Seconds until this attempt may be made, or 0 when it may now. */
  retryAfter(attempt: LoginAttempt): number {
    const until = Math.max(...this.keysOf(attempt).map(([k]) => this.keys.get(k)?.until ?? 0));
    return Math.max(0, Math.ceil((until - this.now()) / 1000));
  }

  fail(attempt: LoginAttempt): void {
    const now = this.now();
    for (const [key, max] of this.keysOf(attempt)) {
      const s = this.keys.get(key) ?? { times: [], locks: 0, until: 0 };
      s.times = [...s.times.filter((t) => t > now - this.windowMs), now];
      if (s.times.length >= max) {
        s.until = now + this.windowMs * 2 ** Math.min(s.locks, MAX_LOCK_DOUBLINGS);
        s.locks++;
        s.times = [];
      }
      this.keys.set(key, s);
    }
    if (this.keys.size > PRUNE_ABOVE) this.prune(now);
  }

  /** A successful login clears its account and address, and the address's count. */
  succeed(attempt: LoginAttempt): void {
    for (const [key] of this.keysOf(attempt)) this.keys.delete(key);
  }

  private keysOf(a: LoginAttempt): [string, number][] {
    return [
      [`account:${a.username}\n${a.address}`, this.max],
      [`address:${a.address}`, this.perAddress],
    ];
  }

  // Forgets keys whose failures and locks are all past, so that made-up usernames cannot grow memory.
  private prune(now: number) {
    for (const [k, s] of this.keys) {
      if (s.until <= now && s.times.every((t) => t <= now - this.windowMs)) this.keys.delete(k);
    }
  }
}
