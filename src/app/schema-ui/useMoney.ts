import { useMemo } from 'react';
import { useLocaleState } from 'react-admin';

/** Amounts in yuan as the reader's language writes them; `compact`: ¥1600万, ¥1.2亿. */
export function useMoney(compact = false) {
  const [locale] = useLocaleState();
  return useMemo(
    () =>
      new Intl.NumberFormat(locale === 'zh' ? 'zh-CN' : 'en', {
        style: 'currency',
        currency: 'CNY',
        maximumFractionDigits: compact ? 1 : 0,
        ...(compact ? { notation: 'compact' as const } : {}),
      }),
    [locale, compact],
  );
}
