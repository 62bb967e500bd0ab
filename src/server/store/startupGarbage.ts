import v8 from 'node:v8';
import vm from 'node:vm';

/**
 * One full collection, right after the store opens. Reading the data leaves garbage as large
 * as the data (the file's text, a seed's parse); V8 sizes the heap it lets grow before its next
 * full collection from the heap it finds, so without this a server under load climbed to 14
 * times its data file before collecting what it no longer held. Done once, at start.
 */
export function collectStartupGarbage() {
  collect ??= exposedGc();
  collect?.();
}

let collect: (() => void) | undefined;
const exposedGc = () => {
  v8.setFlagsFromString('--expose-gc');
  return vm.runInNewContext('gc') as (() => void) | undefined;
};
