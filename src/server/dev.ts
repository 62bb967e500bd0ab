import { collections } from './api';
import { createApp, embedded, postgres, type StoreChoice } from './app';
import { configFromEnv } from './config';
import { startOutbox } from './mail/outbox';
import { openStore } from './store/store';

/** The API as a middleware for Vite's dev server (`npm run dev`), on the same live data (the
 * data file, or the database DATABASE_URL names). */
export async function createDevApi() {
  const config = configFromEnv();
  const choice: StoreChoice = config.databaseUrl
    ? await postgres(config.databaseUrl, config)
    : embedded(openStore({ ...config, collections }));
  const { app, createdAdmin } = await createApp(choice, {
    ...config,
    signInsFile: `${config.dataFile}.signins`,
  });
  if (createdAdmin?.password)
    console.log(`Created the admin account: username admin, password ${createdAdmin.password} (shown once)`);
  // mail goes from the dev server too, as from `npm start` (HUIWU_SEND_MAIL=0: none)
  if (config.outbox !== false) startOutbox({ records: choice.records });
  return app;
}
