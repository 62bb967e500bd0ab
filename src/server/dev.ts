import { collections } from './api';
import { createApp } from './app';
import { configFromEnv } from './config';
import { openStore } from './store/store';

/** The API as a middleware for Vite's dev server (`npm run dev`), on the same live data. */
export function createDevApi() {
  const config = configFromEnv();
  const store = openStore({ ...config, collections });
  return createApp(store, config);
}
