import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { ADMIN_PASSWORD } from './server';

export interface ServerProcess {
  child: ChildProcess;
  url: string;
  output: () => string;
}

/** `src/server/main.ts` in its own process, as `npm start` runs it (PORT=0: a free port);
 * `wrap` runs it under another command (`unshare …`, `sh -c …`) that ends by running its
 * arguments. */
export function spawnServer(env: Record<string, string>, wrap: string[] = []): Promise<ServerProcess> {
  const [command, ...args] = [...wrap, process.execPath, '--import', 'tsx', path.resolve('src/server/main.ts')];
  const child = spawn(command, args, {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', HUIWU_ADMIN_PASSWORD: ADMIN_PASSWORD, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /running at (http:\/\/[\d.:]+)/.exec(output);
      if (match) resolve({ child, url: match[1], output: () => output });
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => reject(new Error(`server exited with ${code}: ${output}`)));
  });
}

/** Resolves with the exit code and everything printed, for servers expected to refuse to start. */
export function runServerToExit(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.resolve('src/server/main.ts')], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr.on('data', (c: Buffer) => (output += c.toString()));
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}
