import type { ResourceDef } from '../../schema';
import { getField } from '../../schema';
import { formatDay } from './time';

/** One stored value as a reader would say it: enum labels, dates in their language, yes/no,
 * amounts in the reader's unit. References stay ids here (#12): the audit trail keeps what was stored. */
export function formatValue(
  resource: ResourceDef | undefined,
  source: string,
  value: unknown,
  locale: string,
  translate: (key: string, options?: object) => string,
  money: (yuan: number) => string,
): string {
  if (value === null || value === undefined || value === '') return '—';
  const field = resource && getField(resource, source);
  switch (field?.type) {
    case 'enum':
      return translate(`enums.${field.enum}.${value}`, { _: String(value) });
    case 'date':
    case 'datetime':
      return formatDay(value, field.type, locale);
    case 'boolean':
      return translate(value ? 'ra.boolean.true' : 'ra.boolean.false');
    case 'reference':
      return `#${value}`;
    case 'money':
      return typeof value === 'number' ? money(value) : String(value);
    default:
      return typeof value === 'object' ? JSON.stringify(value) : String(value);
  }
}
