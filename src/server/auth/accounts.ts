import type { Row } from '../records';
import type { RecordStore } from '../store/recordStore';
import { hashPassword, randomPassword } from './passwords';

/** The account a name signs in to, letter case aside (accounts are few: all are read). */
export const findUser = async (records: RecordStore, username: string): Promise<Row | undefined> =>
  (await records.page('users', {})).page.find((row) => String(row.username).toLowerCase() === username.toLowerCase());

/**
 * On first start there is no account: create `admin`, with HUIWU_ADMIN_PASSWORD or a random
 * password that is printed once. There is no default password anywhere.
 */
export async function ensureAdmin(records: RecordStore, password: string | undefined) {
  if ((await records.page('users', { _start: '0', _end: '1' })).total > 0) return null;
  const chosen = password || randomPassword();
  const passwordHash = await hashPassword(chosen);
  // another server sharing the database may have made it meanwhile
  const created = await records.write(null, async (view) =>
    (await view.all('users')).length > 0
      ? []
      : [
          {
            op: 'create',
            resource: 'users',
            fields: { username: 'admin', displayName: '管理员', role: 'admin', disabled: false, passwordHash },
          },
        ],
  );
  if (created.length === 0) return null;
  return { username: 'admin', password: password ? null : chosen };
}
