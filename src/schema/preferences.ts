import { nestsTooDeep } from './nesting';
import { isMoneyUnit } from './money';

/**
 * An account's own settings, kept by the server so they follow the account from browser to
 * browser: the app's store (src/app/providers/accountStore.ts) keeps its keys
 * `huiwu.<kind>.<username>[.<rest>]` there as `<kind>[.<rest>]`. Each kind says what its
 * values are; the server refuses any other key and any other value.
 */
export const PREFERENCE_KINDS = {
  /** money.unit: 元 or 万元 (useMoney.ts) */
  money: 'moneyUnit',
  /** views.<list>: the grid's named views (ViewsMenu.tsx) */
  views: 'list',
  /** grid.<list>[.<tab>]: the grid's columns (useGridLayout.ts) */
  grid: 'object',
  /** board.filter: the project board's filters (AgreementBoard.tsx) */
  board: 'object',
} as const;

export type PreferenceKind = keyof typeof PREFERENCE_KINDS;
export const preferenceKinds = Object.keys(PREFERENCE_KINDS) as PreferenceKind[];

/** the largest value of one key, as JSON (a list of some forty saved views) */
/** The store's list of them: one row per account and key, never served as records (no admin's
 * list may take its name). */
export const PREFERENCES_LIST = 'preferences';

export const PREFERENCE_VALUE_BYTES = 64 * 1024;
/** what one account may keep in all */
export const PREFERENCE_KEYS = 200;
export const PREFERENCES_BYTES = 1024 * 1024;

const KEY = /^(money|views|grid|board)((?:\.[A-Za-z0-9_-]{1,64}){0,3})$/;

/** What is wrong with this key or value (null removes a key), or null when nothing is. */
export function preferenceProblem(
  key: string,
  value: unknown,
): 'unknownKey' | 'moneyUnit' | 'list' | 'object' | 'tooDeep' | null {
  const match = KEY.exec(key);
  if (!match || (match[1] === 'money' && key !== 'money.unit')) return 'unknownKey';
  if (value === null) return null;
  if (nestsTooDeep(value)) return 'tooDeep';
  const shape = PREFERENCE_KINDS[match[1] as PreferenceKind];
  if (shape === 'moneyUnit') return isMoneyUnit(value) ? null : 'moneyUnit';
  if (shape === 'list') return Array.isArray(value) ? null : 'list';
  return typeof value === 'object' && !Array.isArray(value) ? null : 'object';
}
