import { spawn } from 'node:child_process';
import path from 'node:path';
import { root } from './servers';

export interface Load {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  requests: number;
}

export interface LoadOptions {
  method?: string;
  body?: string;
  headers?: Record<string, string>;
  seconds: number;
  connections?: number;
  /** each request the next of these paths, in turn (instead of the url's own) */
  paths?: string[];
}

/**
 * Load from autocannon, in a process of its own (loadChild.ts) so the load generator does not
 * share a CPU core's event loop with the server it measures.
 */
export function autocannon(url: string, options: LoadOptions): Promise<Load> {
  const settings = {
    url,
    paths: options.paths,
    method: options.method ?? 'GET',
    body: options.body,
    headers: { 'Content-Type': 'application/json', ...(options.headers ?? {}) },
    seconds: options.seconds,
    connections: options.connections ?? 10,
  };
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', path.join(root, 'test/bench/loadChild.ts'), JSON.stringify(settings)],
      { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let out = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.on('error', reject);
    child.on('exit', () => {
      try {
        resolve(JSON.parse(out));
      } catch (error) {
        reject(new Error(`autocannon gave no result for ${url}: ${(error as Error).message}`));
      }
    });
  });
}
