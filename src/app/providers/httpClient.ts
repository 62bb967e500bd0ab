import { fetchUtils } from 'react-admin';
import { i18nProvider } from './i18nProvider';

export const apiUrl = '/api';

/** Every request carries the app's language, so the server's messages come back in it. */
export const httpClient = (url: string, options: fetchUtils.Options = {}) => {
  const headers = new Headers(options.headers ?? { Accept: 'application/json' });
  headers.set('Accept-Language', i18nProvider.getLocale());
  return fetchUtils.fetchJson(url, { ...options, headers });
};
