import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import localizedFormat from 'dayjs/plugin/localizedFormat';
import polyglotI18nProvider from 'ra-i18n-polyglot';
import englishMessages from 'ra-language-english';
import { resolveBrowserLocale, type TranslationMessages } from 'react-admin';
import { en } from '../i18n/en';
import raChinese from '../i18n/raChinese';
import { schemaMessages } from '../i18n/schemaMessages';
import { zh } from '../i18n/zh';
import { dayjsLocale } from '../schema-ui/time';

dayjs.extend(localizedFormat);

export type Locale = 'zh' | 'en';

const catalogue: Record<Locale, TranslationMessages> = {
  zh: { ...raChinese, ...schemaMessages('zh'), ...zh } as TranslationMessages,
  en: { ...englishMessages, ...schemaMessages('en'), ...en } as TranslationMessages,
};

export const i18nProvider = polyglotI18nProvider(
  (locale) => {
    dayjs.locale(dayjsLocale(locale));
    return catalogue[locale as Locale] ?? catalogue.zh;
  },
  resolveBrowserLocale('zh') === 'en' ? 'en' : 'zh',
  [
    { locale: 'zh', name: '中文' },
    { locale: 'en', name: 'English' },
  ],
  { allowMissing: true },
);
