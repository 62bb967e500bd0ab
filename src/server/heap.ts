import v8 from 'node:v8';

/**
 * How far the JavaScript heap may grow past what the last full collection kept, in percent.
 * V8's own choice (up to about twice, by its measure of collection speed) let a server holding
 * 350 MB of data and indexes climb to 700 MB under load before collecting; 20% keeps the peak
 * near what is held, at a few more collections (the README's benchmark section has the figures).
 * Not a ceiling: a larger data file still gets the heap it needs. Set as the server starts,
 * before the data is read (`npm start`; `npm run dev` leaves Vite's process as it is).
 */
export function limitHeapGrowth(percent: number) {
  if (percent === 0) return;
  if (!Number.isInteger(percent) || percent < 0) {
    console.warn(`HUIWU_HEAP_GROWTH must be a whole percentage (0 leaves it to Node); ignored`);
    return;
  }
  v8.setFlagsFromString(`--heap-growing-percent=${percent}`);
}
