import { localStorageStore, type Store } from 'ra-core';
import { sameValue } from '../../schema';
import { preferenceKinds } from '../../schema/preferences';
import { apiUrl, httpClient } from './httpClient';

/** What the notice under the app bar says about the account's settings (Layout.tsx). */
export type PreferencesStatus = { state: 'unsaved' } | { state: 'saved' } | { state: 'refused'; message: string };
/** read with useStore, like any key; kept in memory, so a reload does not say it again */
export const PREFERENCES_STATUS = 'huiwu.preferences.status';

const URL = `${apiUrl}/auth/me/preferences`;
/** changes the server has not taken yet, per account: outside react-admin's keys, so signing
 * out (which empties those) keeps them for the next sign-in */
const UNSAVED = 'huiwu.preferences.unsaved';
/** a column dragged wider is one write, not one per pixel */
const SETTLE_MS = 300;
const RETRY_MS = 30_000;

type Values = Record<string, unknown>;

const unsaved = (): Record<string, Values> => {
  try {
    return JSON.parse(localStorage.getItem(UNSAVED) ?? '{}');
  } catch {
    return {};
  }
};
const keepUnsaved = (username: string, values: Values) => {
  const all = unsaved();
  if (Object.keys(values).length > 0) all[username] = values;
  else delete all[username];
  try {
    localStorage.setItem(UNSAVED, JSON.stringify(all));
  } catch {
    // no room, or no storage (a private window): sent from memory only
  }
};

/** `huiwu.money.zhaoli.unit` → `money.unit` for zhaoli; undefined for any other key */
const serverKey = (key: string, username: string) => {
  for (const kind of preferenceKinds) {
    const prefix = `huiwu.${kind}.${username}`;
    if (key === prefix) return kind;
    if (key.startsWith(`${prefix}.`)) return kind + key.slice(prefix.length);
  }
};
const localKey = (key: string, username: string) => {
  const [kind, ...rest] = key.split('.');
  return ['huiwu', kind, username, ...rest].join('.');
};

/**
 * react-admin's store (localStorage, as before) with the signed-in account's own settings kept
 * on the server as well (src/server/auth/preferences.ts): its `huiwu.<kind>.<username>…` keys
 * (the money unit, grid columns, saved views, the board's filter), so they follow the account
 * to any browser. They are loaded when the account first reads one, and each change is sent
 * (a moment later, with the others made meanwhile); what the server has not taken stays in this
 * browser, is said so, and is sent again when the browser is back online, 30 s later, at the
 * next change or the next start. Signing out empties react-admin's store; the server still
 * holds them for the next sign-in.
 */
export function accountStore(account: () => string | undefined): Store {
  const local = localStorageStore();
  let loadedFor: string | undefined;
  /** the last load did not reach the server: the next try loads again */
  let loadFailed = false;
  /** keys changed here since the last load began: what it brings does not overwrite them */
  let changed = new Set<string>();
  let sending = false;
  let timer: ReturnType<typeof setTimeout> | undefined;

  let status: PreferencesStatus | undefined;
  const listeners = new Set<(value: unknown) => void>();
  const setStatus = (next: PreferencesStatus) => {
    status = next;
    listeners.forEach((listener) => listener(next));
  };

  const flush = (username: string | undefined) => {
    if (username && account() === username) void (loadFailed ? load(username) : send(username));
  };
  const later = (username: string, ms: number) => {
    clearTimeout(timer);
    timer = setTimeout(() => flush(username), ms);
  };
  const notSaved = () => {
    if (status?.state !== 'unsaved') setStatus({ state: 'unsaved' });
  };

  async function send(username: string) {
    if (sending || account() !== username) return;
    const values = unsaved()[username] ?? {};
    if (Object.keys(values).length === 0) return;
    sending = true;
    try {
      let refused: string | undefined;
      try {
        await httpClient(URL, { method: 'PATCH', body: JSON.stringify(values) });
      } catch (error) {
        const code = (error as { status?: number }).status ?? 0;
        // refused for good (a bad or too large value): kept here, not sent again
        if (code < 400 || code >= 500 || [401, 408, 429].includes(code)) throw error;
        refused = (error as Error).message;
      }
      const left = { ...unsaved()[username] };
      for (const [key, value] of Object.entries(values)) if (sameValue(left[key], value)) delete left[key];
      keepUnsaved(username, left);
      if (refused) setStatus({ state: 'refused', message: refused });
      else if (status?.state === 'unsaved') setStatus({ state: 'saved' });
      if (Object.keys(left).length > 0) later(username, 0);
    } catch {
      notSaved();
      later(username, RETRY_MS);
    } finally {
      sending = false;
    }
  }

  async function load(username: string) {
    changed = new Set();
    loadFailed = false;
    try {
      const { json } = await httpClient(URL);
      if (account() !== username) return;
      const stored = json as Values;
      const waiting = { ...unsaved()[username] };
      // kept in this browser before the server kept settings: the server gets them now
      for (const [key, value] of Object.entries(local.listItems?.('huiwu.') ?? {})) {
        const name = serverKey(key, username);
        if (name && !(name in stored) && !(name in waiting)) waiting[name] = value;
      }
      for (const [key, value] of Object.entries(stored)) {
        const here = localKey(key, username);
        if (key in waiting || changed.has(key) || sameValue(local.getItem(here), value)) continue;
        local.setItem(here, value);
      }
      keepUnsaved(username, { ...waiting, ...unsaved()[username] });
      await send(username);
    } catch {
      // the server is out of reach: this browser's values serve until the next try
      loadFailed = true;
      if (Object.keys(unsaved()[username] ?? {}).length > 0) notSaved();
      later(username, RETRY_MS);
    }
  }

  const ensureLoaded = () => {
    const username = account();
    if (!username || loadedFor === username) return;
    loadedFor = username;
    void load(username);
  };

  const changedHere = (key: string, value: unknown) => {
    const username = account();
    const name = username && serverKey(key, username);
    if (!username || !name) return;
    changed.add(name);
    keepUnsaved(username, { ...unsaved()[username], [name]: value ?? null });
    later(username, SETTLE_MS);
  };

  const online = () => flush(account());

  return {
    setup: () => {
      local.setup();
      window.addEventListener('online', online);
    },
    teardown: () => {
      local.teardown();
      window.removeEventListener('online', online);
      clearTimeout(timer);
    },
    getItem: (key, defaultValue) => {
      if (key === PREFERENCES_STATUS) return (status ?? defaultValue) as typeof defaultValue;
      ensureLoaded();
      return local.getItem(key, defaultValue);
    },
    setItem: (key, value) => {
      local.setItem(key, value);
      changedHere(key, value);
    },
    removeItem: (key) => {
      local.removeItem(key);
      changedHere(key, null);
    },
    removeItems: (prefix) => {
      for (const key of Object.keys(local.listItems?.(prefix) ?? {})) changedHere(key, null);
      local.removeItems(prefix);
    },
    // signing out: this browser forgets them, the server keeps them
    reset: () => {
      local.reset();
      loadedFor = undefined;
      loadFailed = false;
      changed = new Set();
    },
    subscribe: (key, callback) => {
      if (key !== PREFERENCES_STATUS) return local.subscribe(key, callback);
      listeners.add(callback);
      return () => void listeners.delete(callback);
    },
    listItems: (prefix) => local.listItems?.(prefix) ?? {},
  };
}
