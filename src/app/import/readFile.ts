import { LIMITS, readSpreadsheet, UnreadableFile, type BookText } from './readSpreadsheet';

/** How long a file may take to read before it is given up as too complex. */
const TIME_LIMIT_MS = 60_000;

/**
 * A chosen file's sheets as text, read in a Web Worker with a size limit and a time limit, so
 * that no file can freeze the page: too large, refused before reading; too slow or crashing
 * the worker, refused with a message. Where workers do not exist (tests in Node), read here.
 */
export async function readChosenFile(file: {
  name: string;
  arrayBuffer(): Promise<ArrayBuffer>;
  size: number;
}): Promise<BookText> {
  if (file.size > LIMITS.bytes) throw new UnreadableFile('tooLarge');
  const bytes = await file.arrayBuffer();
  if (typeof Worker === 'undefined') return readSpreadsheet({ name: file.name, bytes });
  const worker = new Worker(new URL('./readWorker.ts', import.meta.url), { type: 'module' });
  try {
    return await new Promise<BookText>((resolve, reject) => {
      const timer = setTimeout(() => reject(new UnreadableFile('tooComplex')), TIME_LIMIT_MS);
      worker.onmessage = ({ data }: MessageEvent<{ book?: BookText; error?: { reason: string; line?: number } }>) => {
        clearTimeout(timer);
        if (data.book) resolve(data.book);
        else reject(new UnreadableFile(data.error?.reason ?? 'xlsx', data.error?.line));
      };
      // out of memory, or a file the reader chokes on
      worker.onerror = () => {
        clearTimeout(timer);
        reject(new UnreadableFile('tooComplex'));
      };
      worker.postMessage({ name: file.name, bytes }, [bytes]);
    });
  } finally {
    worker.terminate();
  }
}
