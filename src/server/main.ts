import { startServer } from './app';
import { configFromEnv } from './config';
import { limitHeapGrowth } from './heap';
import { shownUrl } from './store/postgres/pool';

const config = configFromEnv();
limitHeapGrowth(config.heapGrowthPercent);
try {
  const server = await startServer(config);
  const shown = config.host === '0.0.0.0' ? `http://localhost:${server.port}` : server.url;
  // `running at <url>` is what test/helpers/process.ts waits for.
  if (server.createdAdmin?.password) {
    console.log(`Created the admin account: username admin, password ${server.createdAdmin.password}`);
    console.log(
      'This password is shown once: log in and change it (or set HUIWU_ADMIN_PASSWORD before the first start).',
    );
  }
  console.log(
    `Huiwu is running at ${shown}  (API: ${shown}/api, data: ${config.databaseUrl ? shownUrl(config.databaseUrl) : config.dataFile})`,
  );
  const stop = () => void server.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
} catch (error) {
  console.error(`Huiwu could not start: ${(error as Error).message}`);
  process.exit(1);
}
