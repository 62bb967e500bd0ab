/// <reference types="vitest/config" />
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

/** `npm run dev`: the API runs inside Vite's dev server, on the same live data as `npm start`. */
const huiwuApi = (): Plugin => ({
  name: 'huiwu-api',
  // Not under vitest, which also runs a dev server: tests start their own API on temp data.
  apply: (_config, env) => env.command === 'serve' && !process.env.VITEST,
  async configureServer(server) {
    const { createDevApi } = await server.ssrLoadModule('/src/server/dev.ts');
    const app = await createDevApi();
    // the API, and the guests' reply pages (/r, /r/<token>)
    const served = (url = '') => url.startsWith('/api') || /^\/r(\/|\?|$)/.test(url);
    server.middlewares.use((req, res, next) => (served(req.url) ? app(req, res, next) : next()));
  },
});

export default defineConfig({
  plugins: [react(), huiwuApi()],
  build: { chunkSizeWarningLimit: 2000 },
  test: {
    // `npm test` runs everything on the embedded store, and the API tests again on PostgreSQL
    // (test/helpers/server.ts reads HUIWU_TEST_STORE); `--project embedded` runs one side
    // one after the other (groupOrder), so that neither's timings suffer the other's load
    projects: [
      {
        extends: true,
        test: { name: 'embedded', include: ['test/**/*.test.ts', 'src/**/*.spec.ts'], sequence: { groupOrder: 0 } },
      },
      {
        extends: true,
        test: {
          name: 'postgres',
          include: ['test/api/**/*.test.ts'],
          env: { HUIWU_TEST_STORE: 'postgres' },
          sequence: { groupOrder: 1 },
        },
      },
    ],
    environment: 'node',
    testTimeout: 30_000,
    // browser tests wait for what a user waits for (a save, a reload): up to 10 s, not 1 s
    expect: { poll: { timeout: 10_000 } },
    hookTimeout: 60_000,
  },
});
