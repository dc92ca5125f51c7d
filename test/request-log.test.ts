/**
 * No personal data in the log (issue 13, defect 12). At LOG_LEVEL=info, the production default,
 * the log may name a request's route pattern and the ids in its path, never the address with its
 * query (the search box puts identity numbers and names there) nor a body.
 */
import { Writable } from 'node:stream';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { buildApp } from '../src/server/app.ts';
import { createDb, type Db } from '../src/server/platform/db/database.ts';
import { loadConfig } from '../src/server/platform/config.ts';
import type { App } from '../src/server/platform/http/types.ts';
import { normalizeTestNumber } from '../seeds/lib/test-numbers.ts';
import { createTestWorld, type TestWorld } from './factories.ts';
import type { TestClient } from './http-client.ts';

/** Every line the app logged, as written (JSON). */
const logged: string[] = [];
const logStream = new Writable({
  write(chunk: Buffer, _encoding, done) {
    logged.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    done();
  },
});

let app: App;
let appDb: Db;
let ownerDb: Db;
let world: TestWorld;
let officer: TestClient;
let baseUrl: string;

beforeAll(async () => {
  appDb = createDb({ connectionString: inject('appUrl'), max: 3 });
  ownerDb = createDb({ connectionString: inject('ownerUrl'), max: 2 });
  const config = loadConfig({ NODE_ENV: 'production', COOKIE_SECURE: 'false' });
  expect(config.logLevel).toBe('info');
  app = await buildApp({ db: appDb, config }, { logger: { level: config.logLevel, stream: logStream } });
  await app.listen({ port: 0, host: '127.0.0.1' });
  baseUrl = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  world = await createTestWorld(ownerDb, baseUrl);
  officer = await world.signIn('caseOfficer');
});
afterAll(async () => {
  await app?.close();
  await appDb?.destroy();
  await ownerDb?.destroy();
});

const parsed = () => logged.map((line) => JSON.parse(line) as Record<string, unknown>);

describe('the request log at level info', () => {
  it('names route patterns and ids but never a searched number or name, in answers of any status', async () => {
    const person = await world.createPerson(['aoAuthority'], { firstName: 'Signhild', lastName: 'Vikbladh' });
    const dashed = normalizeTestNumber(person.identityNumber);
    const wrongCheckDigit = dashed.slice(0, -1) + ((Number(dashed.at(-1)) + 1) % 10);
    const secrets = [
      person.identityNumber,
      dashed,
      person.identityNumber.slice(2),
      wrongCheckDigit,
      'Vikbladh',
      'vikbladh',
      'Signhild',
      'signhild',
    ];
    logged.length = 0;

    // Searches by number (both forms) and by name: 200.
    for (const q of [dashed, person.identityNumber, 'vikbladh sign']) {
      const search = await officer.get(`/api/persons?q=${encodeURIComponent(q)}`);
      expect(search.status, q).toBe(200);
      expect(JSON.stringify(search.body), q).toContain(person.id);
    }
    expect((await officer.get(`/api/persons/${person.id}`)).status).toBe(200);
    // 400: a search too long, a number whose check digit is wrong; the path's id is a number, not a UUID.
    expect((await officer.get(`/api/persons?q=${'vikbladh '.repeat(12)}`)).status).toBe(400);
    expect((await officer.get(`/api/persons?q=${wrongCheckDigit}`)).status).toBe(400);
    expect((await officer.get(`/api/persons/${dashed}`)).status).toBe(400);
    // 400 from the database (a NUL byte), which the error handler logs: the name is in the body.
    expect(
      (await officer.put(`/api/persons/${person.id}/contact`, { version: 1, phone: 'Vikbladh \u0000' })).status,
    ).toBe(400);
    // 404: no such route, with personal data in the path and in the query.
    expect((await officer.get(`/api/no-such-thing/${dashed}?name=Vikbladh`)).status).toBe(404);
    // 401: signed out, the same search.
    expect((await fetch(`${baseUrl}/api/persons?q=${dashed}`)).status).toBe(401);

    await expect
      .poll(() => parsed().filter((line) => line.msg === 'request completed').length)
      .toBeGreaterThanOrEqual(10);
    const log = logged.join('\n');
    for (const secret of secrets) expect(log, `"${secret}" in the log`).not.toContain(secret);
    expect(parsed().filter((line) => 'url' in line || 'req' in line)).toEqual([]);

    const requests = parsed().filter((line) => line.msg === 'request completed');
    expect(requests.map((line) => `${line.statusCode} ${line.method} ${line.route}`)).toEqual(
      expect.arrayContaining([
        '200 GET /api/persons',
        '200 GET /api/persons/:personId',
        '400 GET /api/persons',
        '400 PUT /api/persons/:personId/contact',
        '401 GET /api/persons',
        '404 GET (no route)',
      ]),
    );
    const read = requests.find((line) => line.route === '/api/persons/:personId' && line.statusCode === 200)!;
    expect(read).toMatchObject({
      params: { personId: person.id },
      reqId: expect.any(String),
      responseTime: expect.any(Number),
    });
    // The id that is not an id (here a personnummer) is not written.
    expect(requests.find((line) => line.route === '/api/persons/:personId' && line.statusCode === 400)).toMatchObject({
      params: { personId: '(not an id)' },
    });
    expect(parsed().some((line) => line.msg === 'input rejected by the database' && line.level === 40)).toBe(true);
  });
});
