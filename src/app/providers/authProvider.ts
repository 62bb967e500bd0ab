import type { AuthProvider } from 'react-admin';
import { allows, resourceByName, type Role } from '../../schema';
import { i18nProvider } from './i18nProvider';
import { forgetLiveSchema } from '../customSchema/liveSchema';

interface User {
  id: number;
  username: string;
  displayName: string;
  role: Role;
}

const KEY = 'huiwu.user';
const stored = (): User | null => JSON.parse(localStorage.getItem(KEY) ?? 'null');

const post = (url: string, body?: unknown) =>
  fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Accept-Language': i18nProvider.getLocale() },
    body: body === undefined ? undefined : JSON.stringify(body),
  });

// Asked once per page load: is the session cookie still good, and is the role still this one?
let confirmed: Promise<void> | null = null;
const confirmSession = () =>
  (confirmed ??= fetch('/api/auth/me').then(async (res) => {
    if (!res.ok) {
      localStorage.removeItem(KEY);
      confirmed = null;
      throw new Error('ra.auth.auth_check_error');
    }
    localStorage.setItem(KEY, JSON.stringify(await res.json()));
  }));

/**
 * Sessions are an HttpOnly cookie the server sets at login (see src/server/auth/routes.ts);
 * this keeps only who is logged in, for the menu and the role checks that hide what a role
 * cannot do. The server decides; the app just does not offer what would be refused.
 */
/** Set when the server ends a session this tab had (an admin changed the account): the login
 * page says why the user is there, until they sign in again. */
export const sessionEndedNotice = {
  set: () => sessionStorage.setItem(ENDED_KEY, '1'),
  clear: () => sessionStorage.removeItem(ENDED_KEY),
  shown: () => sessionStorage.getItem(ENDED_KEY) === '1',
};
const ENDED_KEY = 'huiwu.sessionEnded';

export const authProvider: AuthProvider = {
  async login({ username, password }) {
    const res = await post('/api/auth/login', { username, password });
    const body = await res.json().catch(() => ({}));
    if (!res.ok) throw new Error(body.message ?? res.statusText);
    localStorage.setItem(KEY, JSON.stringify(body));
    sessionEndedNotice.clear();
    confirmed = Promise.resolve();
  },
  async logout() {
    localStorage.removeItem(KEY);
    confirmed = null;
    forgetLiveSchema();
    await post('/api/auth/logout').catch(() => undefined);
  },
  async checkAuth() {
    if (!stored()) throw new Error('ra.auth.auth_check_error');
    await confirmSession();
  },
  async checkError(error) {
    if (error?.status === 401) {
      const hadSession = stored() !== null;
      if (hadSession) sessionEndedNotice.set();
      localStorage.removeItem(KEY);
      confirmed = null;
      forgetLiveSchema();
      // signed in a moment ago: the login page says the session ended, not just "sign in"
      throw new Error('ra.auth.auth_check_error');
    }
  },
  async getIdentity() {
    const user = stored();
    if (!user) throw new Error('ra.auth.auth_check_error');
    return { id: user.id, fullName: user.displayName, username: user.username, role: user.role };
  },
  async getPermissions() {
    return stored()?.role;
  },
  async canAccess({ resource, action }) {
    const definition = resource ? resourceByName[resource] : undefined;
    if (!definition) return true;
    return allows(stored()?.role, definition, ['list', 'show', 'export'].includes(action) ? 'read' : 'write');
  },
};

export const currentRole = () => stored()?.role;
/** who is signed in in this browser: whose settings the store keeps on the server */
export const currentUsername = () => stored()?.username;
