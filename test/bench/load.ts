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

/**
 * Load from autocannon, in a process of its own so the load generator does not share a CPU
 * core's event loop with the server it measures.
 */
export function autocannon(
  url: string,
  options: { method?: string; body?: string; headers?: Record<string, string>; seconds: number; connections?: number },
): Promise<Load> {
  const args = [
    path.join(root, 'node_modules/autocannon/autocannon.js'),
    '-c',
    String(options.connections ?? 10),
    '-d',
    String(options.seconds),
    '-j',
    '-m',
    options.method ?? 'GET',
  ];
  for (const [key, value] of Object.entries({ 'Content-Type': 'application/json', ...(options.headers ?? {}) }))
    args.push('-H', `${key}=${value}`);
  if (options.body) args.push('-b', options.body);
  args.push(url);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'ignore'] });
    let out = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.on('error', reject);
    child.on('exit', () => {
      try {
        const result = JSON.parse(out);
        resolve({
          rps: result.requests.average,
          p50: result.latency.p50,
          p99: result.latency.p99,
          errors: result.errors + result.non2xx,
          requests: result.requests.total,
        });
      } catch (error) {
        reject(new Error(`autocannon gave no result for ${url}: ${(error as Error).message}`));
      }
    });
  });
}
