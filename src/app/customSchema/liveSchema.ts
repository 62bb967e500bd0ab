import { useSyncExternalStore } from 'react';
import type { CustomRows } from '../../schema/custom';
import { apiUrl, httpClient } from '../providers/dataProvider';
import { refreshMessages } from '../providers/i18nProvider';

/**
 * The admins' custom fields and lists, fetched once signed in and applied to the same schema
 * registry the server uses; again after an admin changes one. Components re-render through
 * `useLiveSchema`. If they cannot be loaded the built-in schema still works, with a warning.
 */
let state: { version: number; loaded: boolean; failed: boolean } = { version: 0, loaded: false, failed: false };
const listeners = new Set<() => void>();
let loading: Promise<void> | null = null;
let rows: Partial<CustomRows> = {};

/** The definitions in use, for threads that keep a schema of their own (the export worker). */
export const customSchemaRows = () => rows;

export function loadLiveSchema(): Promise<void> {
  loading ??= (async () => {
    let failed = false;
    // the code that applies them is fetched alongside the definitions, not with the first page
    const applying = import('../../schema/custom');
    try {
      const [{ applyCustomSchema }, { json }] = await Promise.all([applying, httpClient(`${apiUrl}/schema`)]);
      applyCustomSchema(json as CustomRows);
      rows = json as CustomRows;
    } catch (error) {
      console.error('custom fields could not be loaded; the built-in schema is in use', error);
      failed = true;
      rows = {};
      // whatever was applied before is undone: a half-applied schema is worse than none
      await applying.then((m) => m.applyCustomSchema({})).catch(() => undefined);
    }
    await refreshMessages();
    state = { version: state.version + 1, loaded: true, failed };
    listeners.forEach((listener) => listener());
  })().finally(() => {
    loading = null;
  });
  return loading;
}

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => void listeners.delete(listener);
};

export const useLiveSchema = () => useSyncExternalStore(subscribe, () => state);
