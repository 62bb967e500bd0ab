import simpleRestProvider from 'ra-data-simple-rest';
import type { DataProvider } from 'react-admin';
import { DEFINITION_RESOURCES, sameValue } from '../../schema';
import type { ImportReport } from '../import/importRequest';
import { apiUrl, httpClient } from './httpClient';

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

export const dataProvider: HuiwuDataProvider = {
  ...base,
  create: afterDefinitionChange(base.create),
  update: afterDefinitionChange(base.update),
  updateMany: afterDefinitionChange(base.updateMany),
  delete: afterDefinitionChange(base.delete),
  deleteMany: afterDefinitionChange(base.deleteMany),
} as HuiwuDataProvider;
