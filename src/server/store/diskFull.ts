/** What a full disk looks like to the store, and the refusal of writes it leads to. */

/** the errors of a disk (or a quota) with no room left */
export const isDiskFull = (error: unknown) =>
  ['ENOSPC', 'EDQUOT'].includes((error as NodeJS.ErrnoException)?.code ?? '');

/**
 * A write refused because the store opened read-only: at start the snapshot could not be
 * rewritten for lack of space, so nothing more is put on that disk until a restart finds room.
 * The API answers it 503 (api.ts).
 */
export class ReadOnlyError extends Error {
  constructor(cause: Error) {
    super(`the store is read-only: the disk was full when it opened (${cause.message})`, { cause });
  }
}
