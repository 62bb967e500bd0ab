import type { AuditTrail } from '../audit';
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
  const now = new Date().toISOString();
  const admin: Row = {
    id: store.takeId('users'),
    username: 'admin',
    displayName: '管理员',
    role: 'admin',
    disabled: false,
    passwordHash: await hashPassword(chosen),
    createdAt: now,
    updatedAt: now,
    version: 1,
  };
  (store.data.users ??= []).push(admin);
  const trail = audit.record(null, 'create', 'users', null, admin);
  await store.journal.append([{ r: 'users', put: admin }, ...(trail ? [trail] : [])]);
  return { username: 'admin', password: password ? null : chosen };
}
