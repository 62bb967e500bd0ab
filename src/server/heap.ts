import v8 from 'node:v8';

/**
 * How far the JavaScript heap may grow past what the last full collection kept, in percent.
 * V8's own choice (up to about twice, by its measure of collection speed) let a server holding
 * 350 MB of data and indexes climb to 700 MB under load before collecting; 20% keeps the peak
 * near what is held, at a few more collections (npm run bench prints both). Not a ceiling: a
 * larger data file still gets the heap it needs.
 */
export function limitHeapGrowth(percent: number) {
  if (Number.isInteger(percent) && percent > 0) v8.setFlagsFromString(`--heap-growing-percent=${percent}`);
}
