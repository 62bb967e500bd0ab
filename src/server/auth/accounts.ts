import type { Row } from '../records';
import type { RecordStore } from '../store/recordStore';
import { hashPassword, randomPassword } from './passwords';

export const findUser = (records: RecordStore, username: string): Row | undefined =>
  (records.data.users ?? []).find((row) => String(row.username).toLowerCase() === username.toLowerCase());

/**
 * On first start there is no account: create `admin`, with HUIWU_ADMIN_PASSWORD or a random
 * password that is printed once. There is no default password anywhere.
 */
export async function ensureAdmin(records: RecordStore, password: string | undefined) {
  if ((records.data.users ?? []).length > 0) return null;
  const chosen = password || randomPassword();
  const { durable } = records.commit(null, [
    {
      op: 'create',
      resource: 'users',
      fields: {
        username: 'admin',
        displayName: '管理员',
        role: 'admin',
        disabled: false,
        passwordHash: await hashPassword(chosen),
      },
    },
  ]);
  await durable;
  return { username: 'admin', password: password ? null : chosen };
}
