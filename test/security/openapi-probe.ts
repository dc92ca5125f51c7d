/**
 * What the probing security tests share: the operations of the app's own OpenAPI document (so a
 * route added later is probed without anyone listing it), valid-looking values made from their
 * JSON schemas, a client that can send any bytes with any content type, and server settings that
 * keep the read limits and the sign-in throttle out of the way of tests that measure something else.
 */
import { randomUUID } from 'node:crypto';
import { loadConfig, type Config } from '../../src/server/platform/config.ts';
import { normalizeTestNumber, testPersonnummer } from '../../seeds/lib/test-numbers.ts';

/** The subset of JSON Schema (OpenAPI 3.0) the contract's Zod schemas turn into. */
export interface Schema {
  type?: 'string' | 'integer' | 'number' | 'boolean' | 'array' | 'object';
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  enum?: unknown[];
  anyOf?: Schema[];
  nullable?: boolean;
  pattern?: string;
  format?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: boolean;
  minItems?: number;
  default?: unknown;
}

export interface Parameter {
  name: string;
  in: 'path' | 'query';
  required?: boolean;
  schema: Schema;
}

export interface Operation {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** As in the document: /api/persons/{personId}. */
  template: string;
  /** As the permission matrix writes it: GET /api/persons/:personId. */
  route: string;
  pathParams: Parameter[];
  queryParams: Parameter[];
  body: Schema | undefined;
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

/** Every API operation of the document the server serves, the docs and the document itself aside. */
export async function readOperations(baseUrl: string): Promise<Operation[]> {
  const response = await fetch(`${baseUrl}/api/openapi.json`);
  if (response.status !== 200) throw new Error(`GET /api/openapi.json answered ${response.status}`);
  const document = (await response.json()) as {
    paths: Record<
      string,
      Record<string, { parameters?: Parameter[]; requestBody?: { content: Record<string, { schema: Schema }> } }>
    >;
  };
  const operations: Operation[] = [];
  for (const [template, byMethod] of Object.entries(document.paths)) {
    if (!template.startsWith('/api/') || template.startsWith('/api/docs')) continue;
    for (const method of METHODS) {
      const operation = byMethod[method];
      if (!operation) continue;
      const parameters = operation.parameters ?? [];
      operations.push({
        method: method.toUpperCase() as Operation['method'],
        template,
        route: `${method.toUpperCase()} ${template.replace(/\{(\w+)\}/g, ':$1')}`,
        pathParams: parameters.filter((parameter) => parameter.in === 'path'),
        queryParams: parameters.filter((parameter) => parameter.in === 'query'),
        body: operation.requestBody?.content['application/json']?.schema,
      });
    }
  }
  if (operations.length === 0) throw new Error('The OpenAPI document lists no operations');
  return operations;
}

/** The path with each {param} replaced (values are put in as given: encode them first if needed). */
export function fillTemplate(operation: Operation, values: Record<string, string>): string {
  return operation.template.replace(/\{(\w+)\}/g, (_match, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`${operation.route}: no value for {${name}}`);
    return value;
  });
}

/** The path parameters' values in a concrete path of the operation, or undefined if it is not one. */
export function pathValues(operation: Operation, path: string): Record<string, string> | undefined {
  const names: string[] = [];
  const pattern = new RegExp(
    `^${operation.template.replace(/\{(\w+)\}/g, (_match, name: string) => {
      names.push(name);
      return '([^/?]+)';
    })}$`,
  );
  const match = pattern.exec(path.split('?')[0]!);
  return match
    ? Object.fromEntries(names.map((name, index) => [name, decodeURIComponent(match[index + 1]!)]))
    : undefined;
}

/** Values tried, in order, for a string with a pattern: the first that fits is used. */
const PATTERNED = ['2026-03-02', '2026-03-02T08:00:00Z', '123 45', 'probe@example.se', 'probe-user', 'K1'];

/** Strings whose rules the schema does not show, by the field's name. */
const NAMED: Record<string, () => string> = {
  // One of Skatteverket's test numbers, the only kind test data may use.
  identityNumber: () => normalizeTestNumber(testPersonnummer()[100]!),
};

/** The first branch of an anyOf, which is where the contract puts the real type. */
export function mainSchema(schema: Schema): Schema {
  return schema.anyOf?.[0] ? mainSchema(schema.anyOf[0]) : schema;
}

export function isUuid(schema: Schema): boolean {
  return mainSchema(schema).format === 'uuid';
}

export function isDate(schema: Schema): boolean {
  return mainSchema(schema).pattern?.startsWith('^\\d{4}-\\d{2}-\\d{2}') ?? false;
}

/**
 * A value that satisfies the schema, as a form would send it. `idFor` names the uuid to use for a
 * property (by its name; an array of ids passes the array's name), else a random one is used.
 */
export function exampleOf(
  schema: Schema,
  idFor: (name: string) => string | undefined = () => undefined,
  name = '',
): unknown {
  const main = mainSchema(schema);
  if (main.enum?.length) return main.enum.find((value) => value !== '') ?? main.enum[0];
  switch (main.type) {
    case 'string': {
      if (main.format === 'uuid') return idFor(name) ?? randomUUID();
      if (NAMED[name]) return NAMED[name]();
      if (main.pattern) {
        const pattern = new RegExp(main.pattern);
        const fit = PATTERNED.find((value) => pattern.test(value));
        if (!fit) throw new Error(`No example fits the pattern ${main.pattern} of "${name}": add one to PATTERNED`);
        return fit;
      }
      return 'Provtext'.padEnd(main.minLength ?? 0, 'x').slice(0, main.maxLength ?? 100);
    }
    case 'integer':
    case 'number': {
      const floor = (main.minimum ?? 1) + (main.exclusiveMinimum ? 1 : 0);
      return Math.min(Math.max(floor, 1), main.maximum ?? Number.MAX_SAFE_INTEGER);
    }
    case 'boolean':
      return typeof main.default === 'boolean' ? main.default : false;
    case 'array': {
      const item = exampleOf(main.items ?? {}, idFor, name);
      return Array.from({ length: Math.max(main.minItems ?? 1, 1) }, () => item);
    }
    case 'object':
      return Object.fromEntries(
        Object.entries(main.properties ?? {}).map(([key, value]) => [key, exampleOf(value, idFor, key)]),
      );
    default:
      return null;
  }
}

export interface ProbeResponse {
  status: number;
  text: string;
  /** The JSON body, when the response is JSON. */
  json: unknown;
  headers: Headers;
}

export type ProbeBody = { json: unknown } | { raw: string | Uint8Array; contentType?: string };

/**
 * Like the web app (session cookie, CSRF header), but sends whatever bytes and content type a
 * test asks for. Every request carries `forwardedFor` as X-Forwarded-For, so a server that trusts
 * it counts this client's failed sign-ins against an address no other test uses.
 */
export class ProbeClient {
  private cookie: string | undefined;
  private csrfToken: string | undefined;

  constructor(
    readonly baseUrl: string,
    readonly forwardedFor?: string,
  ) {}

  static async signIn(
    baseUrl: string,
    username: string,
    password: string,
    forwardedFor?: string,
  ): Promise<ProbeClient> {
    const client = new ProbeClient(baseUrl, forwardedFor);
    const response = await client.send('POST', '/api/auth/sign-in', { json: { username, password } });
    if (response.status !== 200)
      throw new Error(`Sign-in as ${username} failed: ${response.status} ${response.text.slice(0, 200)}`);
    const session = await client.send('GET', '/api/session');
    client.csrfToken = (session.json as { csrfToken?: string }).csrfToken;
    if (!client.cookie || !client.csrfToken) throw new Error(`Sign-in as ${username} gave no session`);
    return client;
  }

  async send(method: string, path: string, body?: ProbeBody): Promise<ProbeResponse> {
    const headers: Record<string, string> = {};
    if (this.forwardedFor) headers['x-forwarded-for'] = this.forwardedFor;
    if (this.cookie) headers.cookie = this.cookie;
    if (this.csrfToken && method !== 'GET') headers['x-csrf-token'] = this.csrfToken;
    let payload: string | Uint8Array | undefined;
    if (body && 'json' in body) {
      headers['content-type'] = 'application/json';
      payload = JSON.stringify(body.json);
    } else if (body) {
      if (body.contentType !== undefined) headers['content-type'] = body.contentType;
      payload = body.raw;
    }
    const response = await fetch(this.baseUrl + path, { method, headers, body: payload as BodyInit | undefined });
    // Kept only from the sign-in: a probe that ends the session must not leave the client without one for good.
    const session = response.headers.getSetCookie().find((value) => /^(__Host-)?vardag_session=./.test(value));
    if (session && path === '/api/auth/sign-in') this.cookie = session.split(';')[0]!;
    const text = await response.text();
    let json: unknown;
    if (response.headers.get('content-type')?.includes('application/json') && text) {
      try {
        json = JSON.parse(text);
      } catch {
        json = undefined;
      }
    }
    return { status: response.status, text, json, headers: response.headers };
  }
}

/** A documentation address (RFC 5737) of this run's own, for X-Forwarded-For. */
export function probeAddress(): string {
  return `198.51.100.${1 + Math.floor(Math.random() * 254)}`;
}

/**
 * Settings for a test server whose tests send many requests: read limits far above anything sent,
 * the sign-in throttle's free failures likewise (whatever those settings are named), and trust in
 * X-Forwarded-For so ProbeClient's failed sign-ins count against its own address.
 */
export function generousLimits(): Partial<Config> {
  const base = loadConfig({ NODE_ENV: 'test' });
  const many = 1_000_000_000;
  const throttle: Record<string, number> = Object.fromEntries(
    Object.keys(base)
      .filter((key) => /^login\w*FreeFailures$/.test(key))
      .map((key) => [key, many]),
  );
  return {
    ...throttle,
    trustProxy: true,
    readLimits: {
      ...base.readLimits,
      personRecord: { perSession: many, perUser: many },
      personList: { perSession: many, perUser: many },
    },
  };
}

/** Runs `work` over the items with at most `concurrency` at a time. */
export async function inPool<T>(
  items: readonly T[],
  concurrency: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, items.length) }, async () => {
      while (next < items.length) await work(items[next++]!);
    }),
  );
}
