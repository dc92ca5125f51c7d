/**
 * The platform around the modules: health checks, the generated OpenAPI document and its page,
 * request ids, and bad input of every kind answered with a 4xx in the error shape, never a 500.
 */
import net from 'node:net';
import { existsSync } from 'node:fs';
import { WEB_DIST } from '../src/server/platform/http/web.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

/** A raw request, for bodies and headers TestClient would not send. */
async function send(method: string, path: string, init: { body?: string; headers?: Record<string, string> } = {}) {
  const response = await fetch(server.baseUrl + path, { method, body: init.body, headers: init.headers });
  const text = await response.text();
  const isJson = response.headers.get('content-type')?.includes('application/json');
  return { status: response.status, headers: response.headers, text, body: isJson ? JSON.parse(text) : undefined };
}

const JSON_HEADERS = { 'content-type': 'application/json' };

/** A request line sent as it is over a socket; resolves the status code. */
function rawRequest(requestLine: string): Promise<{ status: number }> {
  const { hostname, port } = new URL(server.baseUrl);
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), hostname, () =>
      socket.write(`${requestLine} HTTP/1.1\r\nHost: ${hostname}\r\nConnection: close\r\n\r\n`),
    );
    let response = '';
    socket.on('data', (chunk) => {
      response += chunk.toString();
    });
    socket.on('end', () => resolve({ status: Number(response.split(' ')[1]) }));
    socket.on('error', reject);
  });
}

describe('health checks', () => {
  it('answers /healthz and /readyz without a session', async () => {
    expect(await send('GET', '/healthz')).toMatchObject({ status: 200, body: { status: 'ok' } });
    expect(await send('GET', '/readyz')).toMatchObject({ status: 200, body: { status: 'ready' } });
  });
});

describe('the API description', () => {
  it('serves a valid OpenAPI 3 document with the persons paths', async () => {
    const response = await send('GET', '/api/openapi.json');
    expect(response.status).toBe(200);
    const doc = response.body;
    expect(doc.openapi).toMatch(/^3\.\d+\.\d+$/);
    expect(doc.info).toMatchObject({ title: expect.any(String), version: expect.any(String) });
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/persons',
        '/api/persons/{personId}',
        '/api/persons/{personId}/core',
        '/api/persons/{personId}/relatives/{itemId}',
        '/api/session',
        '/api/auth/sign-in',
      ]),
    );
    const problems: string[] = [];
    for (const [path, operations] of Object.entries(doc.paths as Record<string, Record<string, any>>)) {
      if (!path.startsWith('/') || path.includes(':')) problems.push(`${path}: not an OpenAPI path template`);
      const templated = [...path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]);
      for (const [method, operation] of Object.entries(operations)) {
        const where = `${method.toUpperCase()} ${path}`;
        if (!Object.keys(operation.responses ?? {}).some((status) => /^2\d\d$/.test(status)))
          problems.push(`${where}: no success response`);
        const declared = (operation.parameters ?? [])
          .filter((parameter: any) => parameter.in === 'path' && parameter.required)
          .map((parameter: any) => parameter.name);
        if (templated.some((name) => !declared.includes(name))) problems.push(`${where}: path parameters not declared`);
      }
    }
    // Every $ref points at something in the document.
    for (const ref of JSON.stringify(doc).matchAll(/"\$ref":"#\/([^"]+)"/g)) {
      const target = ref[1]!
        .split('/')
        .reduce<any>((node, key) => node?.[key.replaceAll('~1', '/').replaceAll('~0', '~')], doc);
      if (target === undefined) problems.push(`dangling $ref #/${ref[1]}`);
    }
    expect(problems).toEqual([]);
    expect(doc.paths['/api/persons/{personId}'].get.tags).toEqual(['Personer']);
  });

  it('serves a browsable page at /api/docs', async () => {
    const page = await send('GET', '/api/docs');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(page.text).toMatch(/swagger/i);
  });
});

describe('the web app', () => {
  // The run's global setup builds dist/web when Chromium is there (always in CI).
  it.runIf(existsSync(WEB_INDEX))(
    "serves index.html at / and at the app's own paths, and JSON 404 under /api",
    async () => {
      for (const path of ['/', '/?x=1', '/personer/sok', '/admin/organisation']) {
        const response = await fetch(server.baseUrl + path);
        expect(response.status, path).toBe(200);
        expect(response.headers.get('content-type'), path).toContain('text/html');
        expect(await response.text(), path).toContain('lang="sv"');
      }
      const api = await fetch(`${server.baseUrl}/api/no-such-thing`);
      expect(api.headers.get('content-type')).toContain('application/json');
    },
  );
});

describe('request ids', () => {
  it('gives every response one, keeps a sane incoming one and replaces anything else', async () => {
    const fresh = await send('GET', '/healthz');
    expect(fresh.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const kept = await send('GET', '/api/session', { headers: { 'x-request-id': 'proxy-req-0001.a_b' } });
    expect(kept.headers.get('x-request-id')).toBe('proxy-req-0001.a_b');
    expect(kept.body.requestId).toBe('proxy-req-0001.a_b');
    for (const insane of [
      'short',
      'x'.repeat(81),
      'has spaces in it',
      'semi;colon;injection',
      '<script>alert(1)</script>',
    ]) {
      const replaced = await send('GET', '/healthz', { headers: { 'x-request-id': insane } });
      expect(replaced.headers.get('x-request-id'), insane).toMatch(/^[0-9a-f-]{36}$/);
    }
  });

  it('marks API answers as not cacheable and not to be sniffed', async () => {
    const response = await signedIn.get('/api/session');
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });
});

describe('bad requests', () => {
  it('answers an unknown /api path with 404 JSON, signed in or not', async () => {
    for (const method of ['GET', 'POST', 'DELETE']) {
      const response = await send(method, '/api/no-such-thing/123');
      expect(response.status, method).toBe(404);
      expect(response.body, method).toMatchObject({ error: 'not_found', requestId: expect.any(String) });
    }
    expect((await signedIn.get('/api/persons/123/no-such-tab')).status).toBe(404);
  });

  it('answers malformed JSON with 400, never 500', async () => {
    for (const body of [
      '{"username": ',
      '{bad json}',
      '[1, 2',
      '{"__proto__": {"isAdmin": true}, "username": "a", "password": "b"}',
    ]) {
      const response = await send('POST', '/api/auth/sign-in', { body, headers: JSON_HEADERS });
      expect(response.status, body).toBe(400);
      expect(response.body.error, body).toBe('validation');
    }
    const person = await signedIn.post('/api/persons', { identityNumber: '{', firstName: 'A' });
    expect(person.status).toBe(400);
    const truncated = await signedIn.request('PUT', '/api/session/position', undefined, {
      'content-type': 'application/json',
    });
    expect(truncated.status).toBe(400);
  });

  it('answers a body of the wrong type with 4xx, never 500', async () => {
    for (const [contentType, body] of [
      ['text/plain', 'username=a'],
      ['application/xml', '<a/>'],
      ['application/x-www-form-urlencoded', 'username=a&password=b'],
      ['application/json', '"just a string"'],
      ['application/json', 'null'],
    ]) {
      const response = await send('POST', '/api/auth/sign-in', { body, headers: { 'content-type': contentType! } });
      expect(response.status, `${contentType} ${body}`).toBeGreaterThanOrEqual(400);
      expect(response.status, `${contentType} ${body}`).toBeLessThan(500);
      expect(response.body?.error, `${contentType} ${body}`).toEqual(expect.any(String));
    }
  });

  it('answers values the database cannot store with 400, never 500', async () => {
    const world = await createTestWorld(server.ownerDb, server.baseUrl);
    const person = await world.createPerson(['aoAuthority']);
    const officer = await world.signIn('caseOfficer');
    const path = `/api/persons/${person.id}`;
    for (const [method, suffix, body] of [
      ['PUT', '/contact', { version: 2 ** 31, phone: '08-1' }],
      ['PUT', '/contact', { version: 1, phone: 'nul \u0000 byte' }],
      ['POST', '/keys', { keyNumber: 'K\u00001' }],
      ['POST', '/reveal', { reason: 'nul \u0000 in the audit details' }],
    ] as const) {
      const response = await officer.request(method, path + suffix, body);
      expect(response.status, `${method} ${suffix} ${JSON.stringify(body)}`).toBe(400);
    }
  });

  it('answers a static path that climbs out of its folder with 4xx, never 500', async () => {
    // fetch() would resolve the dots itself; a raw request line keeps them.
    const { status } = await rawRequest('GET /api/docs/static/../../../package.json');
    expect(status).toBeGreaterThanOrEqual(400);
    expect(status).toBeLessThan(500);
  });

  it('answers a body over the limit with 413', async () => {
    const huge = JSON.stringify({ username: 'a', password: 'x'.repeat(2 * 1024 * 1024) });
    const response = await send('POST', '/api/auth/sign-in', { body: huge, headers: JSON_HEADERS });
    expect(response.status).toBe(413);
    expect(response.body.error).toBe('too_large');
  });

  it('answers a signed-out caller with 401 before reading their body', async () => {
    const response = await send('POST', '/api/persons', { body: '{not json', headers: JSON_HEADERS });
    expect(response.status).toBe(401);
  });
});
