import { namedFilterTest, resourceByName } from '../../schema';

/** How each status looks: moving on in blue, landed and completed in green, stalled in amber. */
export const STATUS_COLOURS: Record<string, 'default' | 'info' | 'success' | 'warning' | 'error' | 'primary'> = {
  signed: 'primary',
  inProgress: 'info',
  landed: 'success',
  completed: 'success',
  stalled: 'warning',
  terminated: 'default',
};

/** Overdue as the server counts it (the schema's named filter), on today's Beijing day. */
export const isOverdue = (agreement: Record<string, unknown>) =>
  namedFilterTest(resourceByName.agreements, 'overdue', Date.now())(agreement);
