/**
 * The security headers over HTTP: every kind of response — the start page, a static file of the
 * build, the API signed in and out, errors and 404s — carries the strict Content-Security-Policy
 * and the anti-framing headers (ASVS 3.4.3, 3.4.6). The browser test (e2e/security-headers.test.ts)
 * shows the app and the API docs work under them.
 */
import net from 'node:net';
import { existsSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WEB_DIST } from '../src/server/platform/http/web.ts';
import { startTestServer, type TestServer } from './harness.ts';
import { createTestWorld } from './factories.ts';
import type { TestClient } from './http-client.ts';

const WEB_INDEX = `${WEB_DIST}/index.html`;

let server: TestServer;
let signedIn: TestClient;

beforeAll(async () => {
  server = await startTestServer();
  signedIn = await (await createTestWorld(server.ownerDb, server.baseUrl)).signIn('caseOfficer');
});
afterAll(async () => server?.close());

/** The policy's directives by name, e.g. { 'script-src': ["'self'"] }. */
function directives(header: string | null): Record<string, string[]> {
  return Object.fromEntries(
    (header ?? '')
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter(([name]) => name)
      .map(([name, ...values]) => [name!, values]),
  );
}

/** What every response must carry, whatever answered it. */
function expectStrictHeaders(headers: Headers, what: string): void {
  const csp = directives(headers.get('content-security-policy'));
  expect(csp['default-src'], what).toEqual(["'self'"]);
  expect(csp['script-src'], what).toEqual(["'self'"]);
  expect(csp['script-src-attr'], what).toEqual(["'none'"]);
  expect(csp['style-src'], what).toEqual(["'self'"]);
  expect(csp['object-src'], what).toEqual(["'none'"]);
  expect(csp['base-uri'], what).toEqual(["'none'"]);
  expect(csp['form-action'], what).toEqual(["'self'"]);
  expectNoFraming(headers, what);
}

function expectNoFraming(headers: Headers, what: string): void {
  expect(directives(headers.get('content-security-policy'))['frame-ancestors'], what).toEqual(["'none'"]);
  expect(headers.get('x-frame-options'), what).toBe('DENY');
  expect(headers.get('x-content-type-options'), what).toBe('nosniff');
}

/** A request line sent as it is, for addresses fetch() would refuse or clean up; resolves status and headers. */
function rawRequest(requestLine: string): Promise<{ status: number; headers: Headers }> {
  const { hostname, port } = new URL(server.baseUrl);
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), hostname, () =>
      socket.write(`${requestLine} HTTP/1.1\r\nHost: ${hostname}\r\nConnection: close\r\n\r\n`),
    );
    let response = '';
    socket.on('data', (chunk) => {
      response += chunk.toString();
    });
    socket.on('end', () => {
      const [head = ''] = response.split('\r\n\r\n');
      const [statusLine = '', ...lines] = head.split('\r\n');
      const headers = new Headers(
        lines.map(
          (line) => [line.slice(0, line.indexOf(':')), line.slice(line.indexOf(':') + 1).trim()] as [string, string],
        ),
      );
      resolve({ status: Number(statusLine.split(' ')[1]), headers });
    });
    socket.on('error', reject);
  });
}

describe('security headers', () => {
  // The run's global setup builds dist/web when Chromium is there (always in CI).
  it.runIf(existsSync(WEB_INDEX))('are on the start page, an app path and a static file of the build', async () => {
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(readFileSync(WEB_INDEX, 'utf8'))?.[1];
    expect(script).toBeDefined();
    for (const path of ['/', '/personer/sok', script!]) {
      const response = await fetch(server.baseUrl + path);
      expect(response.status, path).toBe(200);
      expectStrictHeaders(response.headers, path);
    }
  });

  it('are on API answers, signed in and signed out', async () => {
    expectStrictHeaders((await signedIn.get('/api/session')).headers, 'GET /api/session signed in');
    const signedOut = await fetch(`${server.baseUrl}/api/session`);
    expect(signedOut.status).toBe(401);
    expectStrictHeaders(signedOut.headers, 'GET /api/session signed out');
    expectStrictHeaders((await fetch(`${server.baseUrl}/healthz`)).headers, '/healthz');
  });

  it('are on errors: 400, 404, 413 and an address that cannot be read', async () => {
    const badBody = await fetch(`${server.baseUrl}/api/auth/sign-in`, {
      method: 'POST',
      body: '{bad json',
      headers: { 'content-type': 'application/json' },
    });
    expect(badBody.status).toBe(400);
    expectStrictHeaders(badBody.headers, '400 bad JSON');
    const badParam = await signedIn.get('/api/persons/not-a-uuid');
    expect(badParam.status).toBe(400);
    expectStrictHeaders(badParam.headers, '400 bad parameter');
    const missing = await fetch(`${server.baseUrl}/api/no-such-thing`);
    expect(missing.status).toBe(404);
    expectStrictHeaders(missing.headers, '404');
    const huge = await fetch(`${server.baseUrl}/api/auth/sign-in`, {
      method: 'POST',
      body: JSON.stringify({ username: 'x'.repeat(2_000_000) }),
      headers: { 'content-type': 'application/json' },
    });
    expect(huge.status).toBe(413);
    expectStrictHeaders(huge.headers, '413');
    // Refused by Fastify before routing (frameworkErrors), where no route hook runs.
    const unreadable = await rawRequest('GET /api/persons/%E0%A4%A');
    expect(unreadable.status).toBe(400);
    expectStrictHeaders(unreadable.headers, 'malformed percent-encoding');
  });

  it('let the API docs have their own policy that still forbids framing and inline script', async () => {
    for (const path of ['/api/docs', '/api/docs/static/swagger-ui-bundle.js']) {
      const response = await fetch(server.baseUrl + path);
      expect(response.status, path).toBe(200);
      const csp = directives(response.headers.get('content-security-policy'));
      expect(csp['script-src'], path).toEqual(["'self'"]);
      expect(csp['object-src'], path).toEqual(["'none'"]);
      expectNoFraming(response.headers, path);
    }
    // Their looser style-src stays on their paths.
    expect(
      directives((await fetch(`${server.baseUrl}/api/openapi.json`)).headers.get('content-security-policy'))[
        'style-src'
      ],
    ).toEqual(["'self'"]);
  });
});
