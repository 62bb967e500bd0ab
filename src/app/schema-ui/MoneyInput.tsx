import { useCallback } from 'react';
import { NumberInput, type NumberInputProps } from 'react-admin';
import { fromUnit, inUnit } from '../../schema/money';
import { useMoney } from './useMoney';

/** An amount typed in the user's unit and stored in yuan: 12 in 万元 is 120,000. */
export const MoneyInput = (props: NumberInputProps) => {
  const { unit } = useMoney();
  // stable per unit: NumberInput re-reads the value whenever format changes
  const format = useCallback(
    (yuan: unknown) => (typeof yuan === 'number' && !Number.isNaN(yuan) ? String(inUnit(yuan, unit)) : ''),
    [unit],
  );
  const parse = useCallback(
    (typed: unknown) => {
      const n = typeof typed === 'number' ? typed : typed === '' || typed == null ? NaN : Number(typed);
      return Number.isNaN(n) ? null : fromUnit(n, unit);
    },
    [unit],
  );
  return <NumberInput {...props} format={format} parse={parse} />;
};
