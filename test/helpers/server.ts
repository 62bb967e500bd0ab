import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import simpleRestProvider from 'ra-data-simple-rest';
import { fetchUtils } from 'ra-core';
import { startServer, type RunningServer } from '../../src/server/app';
import { smallSeed } from '../fixtures/smallSeed';

export interface TestServer extends RunningServer {
  dir: string;
  dataFile: string;
  /** ra-data-simple-rest's own client, pointed at this server */
  client: ReturnType<typeof simpleRestProvider>;
  /** a plain fetch against /api, for what the client does not show (headers, raw bodies) */
  api(pathAndQuery: string, init?: RequestInit): Promise<Response>;
}

export const tempDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'huiwu-test-'));

/** The real server on a free port, over a fresh copy of a seed in a temporary folder. */
export async function startTestServer(
  options: { seed?: object; dir?: string; staticDir?: string; bodyLimit?: string; lang?: string } = {},
): Promise<TestServer> {
  const dir = options.dir ?? tempDir();
  const seedFile = path.join(dir, 'seed.json');
  if (!fs.existsSync(seedFile)) fs.writeFileSync(seedFile, JSON.stringify(options.seed ?? smallSeed()));
  const dataFile = path.join(dir, 'data.json');
  const server = await startServer({ port: 0, dataFile, seedFile, staticDir: options.staticDir, bodyLimit: options.bodyLimit });
  const lang = options.lang ?? 'en';
  const httpClient = (url: string, init: fetchUtils.Options = {}) => {
    const headers = new Headers(init.headers ?? { Accept: 'application/json' });
    headers.set('Accept-Language', lang);
    return fetchUtils.fetchJson(url, { ...init, headers });
  };
  return {
    ...server,
    dir,
    dataFile,
    client: simpleRestProvider(`${server.url}/api`, httpClient),
    api: (pathAndQuery, init = {}) =>
      fetch(`${server.url}/api${pathAndQuery}`, {
        ...init,
        headers: { 'Content-Type': 'application/json', 'Accept-Language': lang, ...(init.headers ?? {}) },
      }),
  };
}
