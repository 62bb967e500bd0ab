import { collections } from './api';
import { createApp, embedded } from './app';
import { configFromEnv } from './config';
import { openStore } from './store/store';

/** The API as a middleware for Vite's dev server (`npm run dev`), on the same live data. */
export async function createDevApi() {
  const config = configFromEnv();
  const store = openStore({ ...config, collections });
  const { app, createdAdmin } = await createApp(embedded(store), { ...config, signInsFile: `${config.dataFile}.signins` });
  if (createdAdmin?.password)
    console.log(`Created the admin account: username admin, password ${createdAdmin.password} (shown once)`);
  return app;
}
