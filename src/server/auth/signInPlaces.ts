import fs from 'node:fs';

/** The newest pairs kept: a bound on memory and on the file, far above any office's needs. */
const KEPT = 10_000;

/** Where each account has signed in before: in a file beside the data (`SignInPlaces`) or in
 * the database (`PgSignInPlaces`, store/postgres/loginAttempts.ts). */
export interface PlaceStore {
  has(account: string, address: string): Promise<boolean>;
  add(account: string, address: string): Promise<void>;
}

/**
 * Where each account has signed in before (account and address pairs), kept in a small file
 * beside the data (`<data>.signins`, a pair per line), so that after a restart guesses from
 * elsewhere still cannot lock an account's owner out where they always sign in. Without a
 * file (tests), in memory only.
 */
export class SignInPlaces implements PlaceStore {
  private pairs = new Set<string>();

  constructor(private readonly file?: string) {
    if (!file || !fs.existsSync(file)) return;
    const lines = fs.readFileSync(file, 'utf8').split('\n').filter(Boolean);
    for (const line of lines.slice(-KEPT)) this.pairs.add(line);
    // grown past twice the bound: written afresh with the newest
    if (lines.length > 2 * KEPT) fs.writeFileSync(file, [...this.pairs].map((pair) => `${pair}\n`).join(''));
  }

  async has(account: string, address: string) {
    return this.pairs.has(pairOf(account, address));
  }

  async add(account: string, address: string) {
    const pair = pairOf(account, address);
    if (this.pairs.has(pair)) return;
    this.pairs.add(pair);
    if (this.pairs.size > KEPT) this.pairs.delete(this.pairs.values().next().value!);
    // a line of a few bytes, once per new place, written at once (not queued behind the hashes
    // in the thread pool): a restart right after a sign-in still knows the place
    try {
      if (this.file) fs.appendFileSync(this.file, `${pair}\n`);
    } catch (error) {
      // a full disk must not refuse a sign-in: the place is remembered until the restart only
      console.error('could not remember where an account signed in', error);
    }
  }
}

/** JSON keeps any character in a name or an address apart from the line's end. */
const pairOf = (account: string, address: string) => JSON.stringify([account, address]);
