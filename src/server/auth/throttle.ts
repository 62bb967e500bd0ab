/**
 * Slows down password guessing. An attempt is counted when it starts, before the slow hash:
 * simultaneous guesses meet the count of those already under way, so a burst of 200 gets as
 * far as `free` + 1 of them, never further. After `free` attempts on a key, each further one
 * must wait twice as long as the last (1 s, 2 s, 4 s … up to `maxSeconds`); a success clears
 * the key. Kept in memory: a restart forgives.
 */
export class LoginThrottle {
  private attempts = new Map<string, { count: number; until: number }>();
  /** hashes under way, across every key: scrypt fills the thread pool the journal's sync needs */
  private running = 0;
  /** account and address pairs that have signed in (the newest kept, up to a bound) */
  private trusted = new Set<string>();

  constructor(
    private readonly free = 3,
    private readonly baseMs = 1000,
    private readonly maxSeconds = 15 * 60,
    private readonly now: () => number = Date.now,
    private readonly maxRunning = 8,
  ) {}

  /**
   * Milliseconds to wait before any of these keys may try (more than 0: refuse), or the attempt
   * counted against each key, to be ended by `end` once the password is checked.
   */
  begin(keys: string[]): { wait: number; end?: (succeeded: boolean) => void } {
    const now = this.now();
    const wait = Math.max(0, ...keys.map((key) => (this.attempts.get(key)?.until ?? 0) - now));
    if (wait > 0) return { wait };
    if (this.running >= this.maxRunning) return { wait: this.baseMs };
    this.running++;
    for (const key of keys) {
      const count = (this.attempts.get(key)?.count ?? 0) + 1;
      const delay =
        count <= this.free ? 0 : Math.min(this.baseMs * 2 ** (count - this.free - 1), this.maxSeconds * 1000);
      this.attempts.set(key, { count, until: now + delay });
    }
    let ended = false;
    return {
      wait: 0,
      end: (succeeded) => {
        if (ended) return;
        ended = true;
        this.running--;
        if (succeeded) keys.forEach((key) => this.attempts.delete(key));
      },
    };
  }

  /**
   * What a login is counted against. A known account: the account, so that one address (a
   * proxy, an office's NAT) is not everyone; but from an address where it has signed in
   * before, a budget of its own, so that guesses from elsewhere never lock its owner out. An
   * unknown name: the address, so that trying names is slowed too.
   */
  loginKeys(account: string | null, address: string): string[] {
    if (account === null) return [`ip:${address}`];
    return [this.trusted.has(`${account}\u0000${address}`) ? `user:${account}@${address}` : `user:${account}`];
  }

  /** The account signed in from this address: its own budget here from now on. */
  signedIn(account: string, address: string) {
    const pair = `${account}\u0000${address}`;
    this.trusted.delete(pair);
    this.trusted.add(pair);
    if (this.trusted.size > 10_000) this.trusted.delete(this.trusted.values().next().value!);
  }
}
