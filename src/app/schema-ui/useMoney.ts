import { useMemo } from 'react';
import { useGetIdentity, useLocaleState, useStore } from 'react-admin';
import type { Lang } from '../../schema';
import { formatMoney, moneyLabel, type MoneyUnit } from '../../schema/money';

/** The unit this user reads money in (元 or 万元), kept in react-admin's store as their layouts are. */
export function useMoneyUnit() {
  const { identity } = useGetIdentity();
  return useStore<MoneyUnit>(`huiwu.money.${identity?.username ?? 'anonymous'}.unit`, 'yuan');
}

/** Amounts as this user reads them, in their language and unit (src/schema/money.ts). */
export function useMoney() {
  const [locale] = useLocaleState();
  const [unit] = useMoneyUnit();
  const lang = locale as Lang;
  return useMemo(
    () => ({
      unit,
      lang,
      format: (yuan: number) => formatMoney(yuan, unit, lang),
      /** a label where numbers are typed without their unit: 金额（万元） */
      label: (text: string) => moneyLabel(text, unit, lang),
    }),
    [unit, lang],
  );
}

export type Money = ReturnType<typeof useMoney>;
