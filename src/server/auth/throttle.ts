import { SignInPlaces, type PlaceStore } from './signInPlaces';

/** How many names' worth of attempts an address has before it waits. */
const ADDRESS_SHARE = 10;

/** One key an attempt is counted against, and how many attempts it has before it waits. */
export interface AttemptKey {
  key: string;
  free: number;
}

/**
 * Where attempts are counted: in this process (`MemoryAttempts`) or in the database
 * (`PgAttempts`, store/postgres/loginAttempts.ts: several servers share one budget).
 */
export interface AttemptStore {
  /**
   * Counts an attempt against every key at once, or against none: when a key must still wait,
   * nothing is counted and the answer is the wait (ms, more than 0). When none waits, `admit`
   * is asked (this server's room for another hash) before the count is kept: false, nothing is
   * counted and the answer is 'busy'. Otherwise 'counted'. After `free` attempts on a key, each
   * further one makes the next wait twice as long as the last (`baseMs`, 2 × `baseMs`, … up to
   * `maxMs`).
   */
  count(
    keys: AttemptKey[],
    admit: () => boolean,
    delays: { baseMs: number; maxMs: number },
  ): Promise<number | 'counted' | 'busy'>;
  /** A success: these keys' counts start again. */
  clear(keys: string[]): Promise<void>;
}

/** The wait after the `count`th attempt on a key with `free` attempts. */
export const delayAfter = (count: number, free: number, { baseMs, maxMs }: { baseMs: number; maxMs: number }) =>
  count <= free ? 0 : Math.min(baseMs * 2 ** (count - free - 1), maxMs);

/** Attempts counted in this process. Kept in memory: a restart forgives. */
export class MemoryAttempts implements AttemptStore {
  private attempts = new Map<string, { count: number; until: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  async count(keys: AttemptKey[], admit: () => boolean, delays: { baseMs: number; maxMs: number }) {
    const now = this.now();
    const wait = Math.max(0, ...keys.map(({ key }) => (this.attempts.get(key)?.until ?? 0) - now));
    if (wait > 0) return wait;
    if (!admit()) return 'busy' as const;
    for (const { key, free } of keys) {
      const count = (this.attempts.get(key)?.count ?? 0) + 1;
      this.attempts.set(key, { count, until: now + delayAfter(count, free, delays) });
    }
    this.forgetSpent(now);
    return 'counted' as const;
  }

  async clear(keys: string[]) {
    for (const key of keys) this.attempts.delete(key);
  }

  /** Names tried by the thousand (a spray of made-up names): those no longer waiting go. */
  private forgetSpent(now: number) {
    if (this.attempts.size <= 100_000) return;
    for (const [key, { until }] of this.attempts) if (until <= now) this.attempts.delete(key);
  }
}

/**
 * Slows down password guessing. An attempt is counted when it starts, before the slow hash:
 * simultaneous guesses meet the count of those already under way, so a burst of 200 gets as
 * far as `free` + 1 of them, never further (across servers too, when the counts are in the
 * database). After `free` attempts on a key, each further one must wait twice as long as the
 * last (1 s, 2 s, 4 s … up to `maxSeconds`); a success clears the key.
 */
export class LoginThrottle {
  /** hashes under way in this process, across every key: scrypt fills the thread pool the
   * journal's sync needs (a limit of each server, not of the database) */
  private running = 0;

  private readonly free: number;
  private readonly baseMs: number;
  private readonly maxSeconds = 15 * 60;
  private readonly maxRunning = 8;
  private readonly attempts: AttemptStore;
  private readonly places: PlaceStore;

  constructor(
    options: { free?: number; baseMs?: number; placesFile?: string; attempts?: AttemptStore; places?: PlaceStore } = {},
  ) {
    this.free = options.free ?? 3;
    this.baseMs = options.baseMs ?? 1000;
    this.attempts = options.attempts ?? new MemoryAttempts();
    this.places = options.places ?? new SignInPlaces(options.placesFile);
  }

  /**
   * Milliseconds to wait before any of these keys may try (more than 0: refuse), or the attempt
   * counted against each key, to be ended by `end` once the password is checked.
   */
  async begin(keys: string[]): Promise<{ wait: number; end?: (succeeded: boolean) => Promise<void> }> {
    let admitted = false;
    const admit = () => {
      if (this.running >= this.maxRunning) return false;
      this.running++;
      return (admitted = true);
    };
    // an address is shared (an office behind one proxy): ten accounts' worth before it waits
    const counted = keys.map((key) => ({ key, free: key.startsWith('ip:') ? this.free * ADDRESS_SHARE : this.free }));
    let outcome: Awaited<ReturnType<AttemptStore['count']>>;
    try {
      outcome = await this.attempts.count(counted, admit, { baseMs: this.baseMs, maxMs: this.maxSeconds * 1000 });
    } catch (error) {
      // admitted, then the count was not kept (the database failed at its commit): no hash runs
      if (admitted) this.running--;
      throw error;
    }
    if (outcome === 'busy') return { wait: this.baseMs };
    if (outcome !== 'counted') return { wait: outcome };
    let ended = false;
    return {
      wait: 0,
      end: async (succeeded) => {
        if (ended) return;
        ended = true;
        this.running--;
        // an account's own budget comes back; an address's does not (signing in to one's own
        // account must not buy more guesses at others')
        if (succeeded) await this.attempts.clear(keys.filter((key) => key.startsWith('user:')));
      },
    };
  }

  /**
   * What a login (or a check of the current password) is counted against, by the name typed
   * (lower-cased), known or not, so that which names exist cannot be told from which attempts
   * wait. From an address where the account has signed in before: its own budget there, so
   * guesses from elsewhere never lock its owner out where they always sign in. Anywhere else:
   * the name's budget and the address's (ten names' worth: one proxy is many people), which
   * slows guessing across many names.
   */
  async loginKeys(name: string, address: string): Promise<string[]> {
    if (await this.places.has(name, address)) return [`user:${name}@${address}`];
    return [`user:${name}`, `ip:${address}`];
  }

  /**
   * A reply page's key (src/server/reply) tried from this address, counted before it is
   * looked up (a burst meets its own count): 0 when it may be looked up, or the milliseconds
   * to wait. After `free` × 10 tries, each further one waits twice as long as the last.
   */
  async keyTry(address: string): Promise<number> {
    const outcome = await this.attempts.count(this.keyOf(address), () => true, this.delays());
    return typeof outcome === 'number' ? outcome : 0;
  }

  private keyOf = (address: string) => [{ key: `key:${address}`, free: this.free * ADDRESS_SHARE }];
  private delays = () => ({ baseMs: this.baseMs, maxMs: this.maxSeconds * 1000 });

  /** The account signed in from this address: its own budget here from now on. */
  signedIn(account: string, address: string): Promise<void> {
    return this.places.add(account, address);
  }
}
