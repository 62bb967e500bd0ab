import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import localizedFormat from 'dayjs/plugin/localizedFormat';
import polyglotI18nProvider from 'ra-i18n-polyglot';
import { resolveBrowserLocale, type TranslationMessages } from 'react-admin';
import raChinese from '../i18n/raChinese';
import { schemaMessages } from '../i18n/schemaMessages';
import { zh } from '../i18n/zh';
import { dayjsLocale } from '../schema-ui/time';

dayjs.extend(localizedFormat);

export type Locale = 'zh' | 'en';

// Chinese is the default and ships with the first screen; English is fetched on first use.
const appMessages: Partial<Record<Locale, object>> = { zh: { ...raChinese, ...zh } };
const loadEnglish = () =>
  import('../i18n/english').then((module) => {
    appMessages.en = module.english;
  });

// Built at each call, not once: admins add fields and resources while the app runs, and their
// labels come from the schema. (The app's words are `ra` and `huiwu`; the schema's do not clash.)
const catalogue = (locale: Locale) =>
  ({ ...appMessages[locale], ...schemaMessages(locale) }) as unknown as TranslationMessages;

export const i18nProvider = polyglotI18nProvider(
  (requested) => {
    const locale: Locale = requested === 'en' ? 'en' : 'zh';
    dayjs.locale(dayjsLocale(locale));
    if (appMessages[locale]) return catalogue(locale);
    return loadEnglish().then(() => catalogue(locale));
  },
  'zh',
  [
    { locale: 'zh', name: '中文' },
    { locale: 'en', name: 'English' },
  ],
  { allowMissing: true },
);

/** The language to open in: one chosen in the app before, else the browser's. */
export function startingLocale(): Locale {
  try {
    const stored = JSON.parse(localStorage.getItem('RaStore.locale') ?? 'null');
    if (stored === 'en' || stored === 'zh') return stored;
  } catch {
    // an unreadable stored choice falls back to the browser's language
  }
  return resolveBrowserLocale('zh') === 'en' ? 'en' : 'zh';
}

/** Rebuilds the messages after the schema changed (new field and resource labels). */
export const refreshMessages = () => i18nProvider.changeLocale(i18nProvider.getLocale());
