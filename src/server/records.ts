import type { Data } from './store/store';

export type Row = Data[string][number];

/** Ids arrive as text in URLs and as numbers in bodies; stored ids are numbers. */
export const sameId = (a: unknown, b: unknown) => a !== null && a !== undefined && String(a) === String(b);

export const findById = (rows: Row[] | undefined, id: unknown): Row | undefined =>
  rows?.find((row) => sameId(row.id, id));

export { sameValue } from '../schema';
