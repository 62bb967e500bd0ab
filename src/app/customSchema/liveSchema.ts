import { useSyncExternalStore } from 'react';
import type { CustomRows } from '../../schema/custom';
import { apiUrl, httpClient } from '../providers/httpClient';
import { refreshMessages } from '../providers/i18nProvider';

/**
 * The admins' custom fields and lists, fetched once signed in and applied to the same schema
 * registry the server uses; again after an admin changes one, when the tab comes back into
 * view a while later (a colleague may have added a field), and for the next user to sign in.
 * Components re-render through `useLiveSchema`. If they cannot be loaded the built-in schema
 * still works, with a warning.
 */
let state: { version: number; loaded: boolean; failed: boolean } = { version: 0, loaded: false, failed: false };
const listeners = new Set<() => void>();
let loading: Promise<void> | null = null;
let rows: Partial<CustomRows> = {};
let loadedAt = 0;
const STALE_MS = 60_000;

/** The definitions in use, for threads that keep a schema of their own (the export worker). */
export const customSchemaRows = () => rows;

const publish = (next: Partial<typeof state>) => {
  state = { ...state, ...next };
  listeners.forEach((listener) => listener());
};

export function loadLiveSchema(): Promise<void> {
  loading ??= (async () => {
    // the code that applies them is fetched alongside the definitions, not with the first page
    const applying = import('../../schema/custom');
    try {
      const [{ applyCustomSchema }, { json }] = await Promise.all([applying, httpClient(`${apiUrl}/schema`)]);
      loadedAt = Date.now();
      // unchanged: nothing to redraw
      if (state.loaded && !state.failed && JSON.stringify(json) === JSON.stringify(rows)) return;
      applyCustomSchema(json as CustomRows);
      rows = json as CustomRows;
      await refreshMessages();
      publish({ version: state.version + 1, loaded: true, failed: false });
    } catch (error) {
      console.error('custom fields could not be loaded; the built-in schema is in use', error);
      rows = {};
      // whatever was applied before is undone: a half-applied schema is worse than none
      await applying.then((m) => m.applyCustomSchema({})).catch(() => undefined);
      await refreshMessages();
      publish({ version: state.version + 1, loaded: true, failed: true });
    }
  })().finally(() => {
    loading = null;
  });
  return loading;
}

/** Signed out: the next user to sign in loads the lists their role may read. */
export const forgetLiveSchema = () => publish({ loaded: false, failed: false });

if (typeof document !== 'undefined')
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible' && state.loaded && Date.now() - loadedAt > STALE_MS)
      void loadLiveSchema();
  });

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => void listeners.delete(listener);
};

export const useLiveSchema = () => useSyncExternalStore(subscribe, () => state);
