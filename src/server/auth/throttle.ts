import { SignInPlaces } from './signInPlaces';

/** How many names' worth of attempts an address has before it waits. */
const ADDRESS_SHARE = 10;

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

  private readonly free: number;
  private readonly baseMs: number;
  private readonly maxSeconds = 15 * 60;
  private readonly maxRunning = 8;
  private readonly now: () => number = Date.now;
  private readonly places: SignInPlaces;

  constructor(options: { free?: number; baseMs?: number; placesFile?: string } = {}) {
    this.free = options.free ?? 3;
    this.baseMs = options.baseMs ?? 1000;
    this.places = new SignInPlaces(options.placesFile);
  }

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
      // an address is shared (an office behind one proxy): ten accounts' worth before it waits
      const free = key.startsWith('ip:') ? this.free * ADDRESS_SHARE : this.free;
      const delay = count <= free ? 0 : Math.min(this.baseMs * 2 ** (count - free - 1), this.maxSeconds * 1000);
      this.attempts.set(key, { count, until: now + delay });
    }
    this.forgetSpent(now);
    let ended = false;
    return {
      wait: 0,
      end: (succeeded) => {
        if (ended) return;
        ended = true;
        this.running--;
        // an account's own budget comes back; an address's does not (signing in to one's own
        // account must not buy more guesses at others')
        if (succeeded) keys.filter((key) => key.startsWith('user:')).forEach((key) => this.attempts.delete(key));
      },
    };
  }

  /** Names tried by the thousand (a spray of made-up names): those no longer waiting go. */
  private forgetSpent(now: number) {
    if (this.attempts.size <= 100_000) return;
    for (const [key, { until }] of this.attempts) if (until <= now) this.attempts.delete(key);
  }

  /**
   * What a login (or a check of the current password) is counted against, by the name typed
   * (lower-cased), known or not, so that which names exist cannot be told from which attempts
   * wait. From an address where the account has signed in before: its own budget there, so
   * guesses from elsewhere never lock its owner out where they always sign in. Anywhere else:
   * the name's budget and the address's (ten names' worth: one proxy is many people), which
   * slows guessing across many names.
   */
  loginKeys(name: string, address: string): string[] {
    if (this.places.has(name, address)) return [`user:${name}@${address}`];
    return [`user:${name}`, `ip:${address}`];
  }

  /** The account signed in from this address: its own budget here from now on. */
  signedIn(account: string, address: string) {
    this.places.add(account, address);
  }
}
