/**
 * Slows down password guessing: after `free` failures for one account or one address, each
 * further attempt must wait twice as long as the last (1 s, 2 s, 4 s … up to `maxSeconds`).
 * A success for the account clears its counter. Kept in memory: a restart forgives.
 */
export class LoginThrottle {
  private failures = new Map<string, { count: number; until: number }>();

  constructor(
    private readonly free = 3,
    private readonly baseMs = 1000,
    private readonly maxSeconds = 15 * 60,
    private readonly now: () => number = Date.now,
  ) {}

  /** Milliseconds to wait before any of these keys may try again (0: now). */
  waitFor(keys: string[]): number {
    const now = this.now();
    return Math.max(0, ...keys.map((key) => (this.failures.get(key)?.until ?? 0) - now));
  }

  fail(keys: string[]) {
    const now = this.now();
    for (const key of keys) {
      const count = (this.failures.get(key)?.count ?? 0) + 1;
      const delay =
        count <= this.free ? 0 : Math.min(this.baseMs * 2 ** (count - this.free - 1), this.maxSeconds * 1000);
      this.failures.set(key, { count, until: now + delay });
    }
  }

  succeed(keys: string[]) {
    keys.forEach((key) => this.failures.delete(key));
  }
}
