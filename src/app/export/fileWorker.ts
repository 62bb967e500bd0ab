/// <reference lib="webworker" />
import { applyCustomSchema } from '../../schema/custom';
import { buildFile, type FileJob } from './buildFile';

/**
 * Writes export files off the page's thread: a workbook of 100,000 rows takes seconds to
 * build, and the page must keep answering meanwhile. Rows arrive chunk by chunk, as they are
 * fetched, so no single message is large.
 */
const rows: Record<string, unknown>[] = [];

type Message = { rows: Record<string, unknown>[] } | { finish: Omit<FileJob, 'rows'> };

self.onmessage = async (event: MessageEvent<Message>) => {
  const message = event.data;
  if ('rows' in message) {
    for (const row of message.rows) rows.push(row);
    return;
  }
  try {
    // the page's schema includes the admins' fields; this thread's must too
    if (message.finish.customSchema) applyCustomSchema(message.finish.customSchema);
    const file = await buildFile({ ...message.finish, rows });
    if (typeof file === 'string') self.postMessage({ file });
    else self.postMessage({ file }, [file]);
  } catch (error) {
    self.postMessage({ error: (error as Error).message });
  }
};
