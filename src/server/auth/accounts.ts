import type { AuditTrail } from '../audit';
import { commit } from '../commit';
import type { Row } from '../records';
import type { Store } from '../store/store';
import { hashPassword, randomPassword } from './passwords';

export const findUser = (store: Store, username: string): Row | undefined =>
  (store.data.users ?? []).find((row) => String(row.username).toLowerCase() === username.toLowerCase());

/**
 * On first start there is no account: create `admin`, with HUIWU_ADMIN_PASSWORD or a random
 * password that is printed once. There is no default password anywhere.
 */
export async function ensureAdmin(store: Store, audit: AuditTrail, password: string | undefined) {
  if ((store.data.users ?? []).length > 0) return null;
  const chosen = password || randomPassword();
  const { durable } = commit(store, audit, null, [
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
