/// <reference lib="webworker" />
import { readSpreadsheet, UnreadableFile } from './readSpreadsheet';

/**
 * Reads a chosen file off the page's thread: a large workbook takes seconds to unpack and a
 * hostile one (a zip bomb, a million rows) must not freeze or crash the page. The page ends
 * this worker when it takes too long; a crash here is an error there, not a dead tab.
 */
self.onmessage = async (event: MessageEvent<{ name: string; bytes: ArrayBuffer }>) => {
  try {
    self.postMessage({ book: await readSpreadsheet(event.data) });
  } catch (error) {
    const unreadable = error instanceof UnreadableFile;
    self.postMessage({
      error: { reason: unreadable ? error.message : 'xlsx', line: unreadable ? error.line : undefined },
    });
  }
};
