import type { Lang } from '../schema';
import { HttpError, message } from './messages';
import { sameId, type Row } from './records';
import type { Data } from './store/store';

const activeAdmin = (row: Row) => row.role === 'admin' && row.disabled !== true;

/** Refuses the change that would leave nobody able to manage accounts. */
export function guardLastAdmin(data: Data, existing: Row, next: Row | null, lang: Lang) {
  if (!activeAdmin(existing) || (next && activeAdmin(next))) return;
  const others = (data.users ?? []).some((row) => !sameId(row.id, existing.id) && activeAdmin(row));
  if (!others) throw new HttpError(409, message(lang, 'lastAdmin'));
}

/** What the API shows of an account: never the hash. */
export function withoutSecrets(row: Row): Row {
  const { passwordHash: _hash, ...rest } = row;
  return rest as Row;
}
