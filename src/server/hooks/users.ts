import { HttpError, message } from '../messages';
import { sameId, type Row } from '../records';
import type { WriteView } from '../store/recordStore';
import type { Hooks } from './types';
import type { Lang } from '../../schema';

const activeAdmin = (row: Row) => row.role === 'admin' && row.disabled !== true;

/** Refuses the change that would leave nobody able to manage accounts. */
export async function guardLastAdmin(view: WriteView, existing: Row, next: Row | null, lang: Lang) {
  if (!activeAdmin(existing) || (next && activeAdmin(next))) return;
  const others = (await view.all('users')).some((row) => !sameId(row.id, existing.id) && activeAdmin(row));
  if (!others) throw new HttpError(409, message(lang, 'lastAdmin'));
}

/** What the API shows of an account: never the hash. */
export function withoutSecrets(row: Row): Row {
  const { passwordHash: _hash, ...rest } = row;
  return rest as Row;
}

/** Accounts: the last active admin stays; an account disabled, demoted or given a new
 * password by an admin is signed out everywhere at once. */
export const userHooks = (endSessionsOf: (userId: number) => void | Promise<void>): Hooks => ({
  async check(ctx, _resource, record, _reasons, existing) {
    if (existing) await guardLastAdmin(ctx.view, existing, record, ctx.lang);
    return [];
  },
  async remove(ctx, _resource, existing) {
    await guardLastAdmin(ctx.view, existing, null, ctx.lang);
    return [];
  },
  committed(_ctx, _resource, before, after) {
    if (!before || !after) return;
    const signedOut =
      (before.disabled !== true && after.disabled === true) ||
      before.role !== after.role ||
      before.passwordHash !== after.passwordHash;
    if (signedOut) return endSessionsOf(after.id as number);
  },
});
