import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, tempDir, type TestServer } from '../helpers/server';

// What the server shows anyone who reaches it, signed in or not: its answers to addresses it
// cannot read.

/** A GET sent as written: fetch would correct a malformed address before sending it. */
function rawGet(url: string, target: string, headers: Record<string, string> = {}) {
  const { hostname, port } = new URL(url);
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }>((resolve, reject) => {
    const req = http.request({ host: hostname, port, path: target, headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** A server serving a stand-in for the built app, as `npm start` serves dist/. */
function startWithApp() {
  const dir = tempDir();
  const staticDir = path.join(dir, 'dist');
  fs.mkdirSync(staticDir);
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>会务</title><div id="root"></div>');
  return startTestServer({ dir, staticDir });
}

/** Starts a server with NODE_ENV as given (undefined: unset), which express reads once, when
 * the app is made. */
async function startWithNodeEnv(nodeEnv: string | undefined) {
  const kept = process.env.NODE_ENV;
  if (nodeEnv === undefined) delete process.env.NODE_ENV;
  else process.env.NODE_ENV = nodeEnv;
  try {
    return await startWithApp();
  } finally {
    process.env.NODE_ENV = kept;
  }
}

describe.each([
  ['unset', undefined],
  ['production', 'production'],
  ['test', 'test'],
])('an address outside /api that cannot be decoded, with NODE_ENV %s', (_name, nodeEnv) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startWithNodeEnv(nodeEnv);
  });
  afterAll(() => server.close());

  it.each(['/%E0%A4%A', '/%', '/guests/%zz/list', '/%C0%AF'])('%s is a plain 400, without a stack', async (target) => {
    const res = await rawGet(server.url, target);
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/^text\/plain/);
    expect(res.body).toBe('The request is malformed');
    expect(res.body).not.toMatch(/URIError|node_modules|\bat \w|\//);
  });

  it('answers in the language the browser asks for', async () => {
    const res = await rawGet(server.url, '/%', { 'Accept-Language': 'zh-CN,zh;q=0.9' });
    expect(res).toMatchObject({ status: 400, body: '请求格式有误' });
  });

  it('still serves the app at any other address', async () => {
    for (const target of ['/', '/attendees/%E4%BC%9A']) {
      const res = await rawGet(server.url, target);
      expect(res.status).toBe(200);
      expect(res.body).toContain('<div id="root"></div>');
    }
  });
});

describe('security headers', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startWithApp();
  });
  afterAll(() => server.close());

  /** the policy's directives by name */
  const policyOf = (header: string | string[] | undefined) =>
    new Map(
      String(header)
        .split(';')
        .map((d) => d.trim().split(/\s+/))
        .map(([name, ...values]) => [name, values]),
    );

  it('the app’s page: a policy that allows only its own scripts and no framing, no sniffing, no referrer', async () => {
    const res = await rawGet(server.url, '/');
    expect(res.status).toBe(200);
    const policy = policyOf(res.headers['content-security-policy']);
    expect(policy.get('default-src')).toEqual(["'self'"]);
    expect(policy.get('script-src')).toEqual(["'self'"]);
    expect(policy.get('script-src-attr')).toEqual(["'none'"]);
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
    expect(policy.get('base-uri')).toEqual(["'self'"]);
    // MUI and emotion write their styles inline; the import's worker is a file of the app's own
    expect(policy.get('style-src')).toEqual(["'self'", "'unsafe-inline'"]);
    expect(policy.get('worker-src')).toEqual(["'self'"]);
    // plain HTTP on an intranet address must keep working
    expect(policy.has('upgrade-insecure-requests')).toBe(false);
    expect(res.headers).toMatchObject({
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'x-frame-options': 'DENY',
    });
    expect(res.headers['strict-transport-security']).toBeUndefined();
    expect(res.headers['x-powered-by']).toBeUndefined();
  });

  it('on the API’s answers and its errors too', async () => {
    for (const target of ['/api/auth/me', '/api/nothing-here', '/%']) {
      const res = await rawGet(server.url, target, { Cookie: server.cookie });
      expect(res.headers['x-content-type-options'], target).toBe('nosniff');
      expect(res.headers['content-security-policy'], target).toContain("frame-ancestors 'none'");
      expect(res.headers['referrer-policy'], target).toBe('no-referrer');
    }
  });

  it('HSTS only where the server is reached over HTTPS (a secure cookie), for its own host', async () => {
    const secure = await startTestServer({ secureCookie: true });
    try {
      const res = await rawGet(secure.url, '/api/auth/me', { Cookie: secure.cookie });
      expect(res.headers['strict-transport-security']).toBe('max-age=15552000');
    } finally {
      await secure.close();
    }
  });
});
