import simpleRestProvider from 'ra-data-simple-rest';
import { HttpError, type DataProvider } from 'react-admin';
import { DEFINITION_RESOURCES, sameValue } from '../../schema';
import type { ImportReport } from '../import/importRequest';
import { apiUrl, httpClient } from './httpClient';
import { i18nProvider } from './i18nProvider';

const rest = simpleRestProvider(apiUrl, httpClient);

export interface HuiwuDataProvider extends DataProvider {
  /** POST /api/:resource/import: the preview with `dryRun`, else the all-or-nothing commit */
  importRows(resource: string, params: { body: object; dryRun: boolean }): Promise<ImportReport>;
  /** GET /api/:resource/aggregate: counts and sums computed by the server */
  aggregate(resource: string, params: AggregateParams): Promise<Aggregate>;
}

export interface AggregateParams {
  filter?: Record<string, unknown>;
  /** a field, or field:month / field:year for dates */
  groupBy?: string;
  sum?: string;
  max?: string;
  top?: number;
}

export interface Aggregate {
  count: number;
  sum?: number;
  groups?: { key: string | number | boolean | null; count: number; sum?: number; max?: string | number | null }[];
}

const base: HuiwuDataProvider = {
  ...rest,
  // Only what the user changed, with the version they started from: the server keeps a
  // colleague's edits to other fields and answers 409 if they changed the same one.
  update: (resource, params) => {
    const previous = params.previousData ?? {};
    const changed = Object.fromEntries(
      Object.entries(params.data).filter(([key, value]) => !sameValue(value, previous[key])),
    );
    return rest.update(resource, { ...params, data: { ...changed, version: previous.version } });
  },
  // One field set on several records (the grid's bulk set), whatever each holds now: a PATCH
  // each, naming only that field; simple-rest's PUT would have to say which version it replaces.
  updateMany: async (resource, { ids, data }) => {
    const answers = await Promise.all(
      ids.map((id) =>
        httpClient(`${apiUrl}/${resource}/${encodeURIComponent(id)}`, { method: 'PATCH', body: JSON.stringify(data) }),
      ),
    );
    return { data: answers.map(({ json }) => json.id) };
  },
  // meta.cascade deletes the dependants that require the record and unlinks the others.
  delete: async (resource, params) => {
    if (!params.meta?.cascade) return rest.delete(resource, params);
    const { json } = await httpClient(`${apiUrl}/${resource}/${encodeURIComponent(params.id)}?cascade=true`, {
      method: 'DELETE',
    });
    return { data: json };
  },
  importRows: async (resource, { body, dryRun }) => {
    const { json } = await httpClient(`${apiUrl}/${resource}/import${dryRun ? '?dryRun=true' : ''}`, {
      method: 'POST',
      body: JSON.stringify(body),
    });
    return json as ImportReport;
  },
  aggregate: async (resource, { filter = {}, groupBy, sum, max, top }) => {
    const params = new URLSearchParams({ filter: JSON.stringify(filter) });
    if (groupBy) params.set('groupBy', groupBy);
    if (sum) params.set('sum', sum);
    if (max) params.set('max', max);
    if (top) params.set('top', String(top));
    const { json } = await httpClient(`${apiUrl}/${resource}/aggregate?${params}`);
    return json as Aggregate;
  },
};

// A change to a custom field or list changes the schema: the app reloads it (the server
// already has). Imported lazily: the schema loader itself uses this module's client.
const afterDefinitionChange =
  <A extends unknown[], R>(call: (resource: string, ...args: A) => Promise<R>) =>
  async (resource: string, ...args: A): Promise<R> => {
    const result = await call(resource, ...args);
    if (DEFINITION_RESOURCES.has(resource)) await import('../customSchema/liveSchema').then((m) => m.loadLiveSchema());
    return result;
  };

/**
 * A write refused because the session ended (an admin disabled the account or set its
 * password): react-admin would sign out and call the write a success (its data provider answers
 * an empty record once it has signed out), so the form would say "saved" and lose what was typed.
 * Refused here under another status, it stays an error: the form keeps its text and says it was
 * not saved; the next read signs out.
 */
const unsavedOnSignOut =
  <A extends unknown[], R>(call: (resource: string, ...args: A) => Promise<R>) =>
  async (resource: string, ...args: A): Promise<R> => {
    try {
      return await call(resource, ...args);
    } catch (error) {
      if ((error as HttpError)?.status !== 401) throw error;
      throw new HttpError(i18nProvider.translate('huiwu.session.notSaved'), SESSION_ENDED, { sessionEnded: true });
    }
  };
/** not 401, which react-admin answers by signing out and reporting success */
const SESSION_ENDED = 419;

const write = <A extends unknown[], R>(call: (resource: string, ...args: A) => Promise<R>) =>
  unsavedOnSignOut(afterDefinitionChange(call));

export const dataProvider: HuiwuDataProvider = {
  ...base,
  create: write(base.create),
  update: write(base.update),
  updateMany: write(base.updateMany),
  delete: write(base.delete),
  deleteMany: write(base.deleteMany),
  importRows: unsavedOnSignOut(base.importRows),
} as HuiwuDataProvider;
