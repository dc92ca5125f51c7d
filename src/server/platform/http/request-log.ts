/**
 * What the log may say about a request. Logs travel to places without the application's access
 * control and retention, and an address carries personal data: the search box puts identity
 * numbers and names in the query (`/api/persons?q=…`), and a mistyped path can hold one too. So
 * Fastify's own request log lines, which write the whole URL, are replaced: one line per answer
 * names the route's pattern (`/api/persons/:personId`), the ids in its path (UUIDs only), the
 * method, status, time and request id — never a query value, a body or the address itself.
 */
import { LogController, type FastifyReply, type FastifyRequest, type FastifyServerOptions } from 'fastify';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A path parameter that is not a UUID may be anything the caller typed, a personnummer included. */
export const NOT_AN_ID = '(not an id)';
/** Written for answers no route gave (404 and the web app's fallback): their path is not ours to log. */
export const NO_ROUTE = '(no route)';

/** The path's parameters, each either a UUID or NOT_AN_ID. */
function loggableParams(params: unknown): Record<string, string> | undefined {
  if (!params || typeof params !== 'object') return undefined;
  const entries = Object.entries(params as Record<string, unknown>);
  if (entries.length === 0) return undefined;
  return Object.fromEntries(
    entries.map(([name, value]) => [name, typeof value === 'string' && UUID.test(value) ? value : NOT_AN_ID]),
  );
}

interface LoggedError {
  [key: string]: unknown;
  type: string;
  message: string;
  stack: string;
  code?: string;
  statusCode?: number;
  constraint?: string;
  routine?: string;
}

/**
 * An error as the log may hold it: PostgreSQL's `detail` ("Failing row contains (…)"), `where`
 * and query text can carry the values of a row, so only an allow-list of fields is kept.
 */
export function loggableError(
  error: Error & { code?: unknown; statusCode?: unknown; constraint?: unknown; routine?: unknown },
): LoggedError {
  const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
  return {
    type: error.constructor?.name ?? 'Error',
    message: error.message,
    stack: error.stack ?? '',
    code: text(error.code),
    statusCode: typeof error.statusCode === 'number' ? error.statusCode : undefined,
    constraint: text(error.constraint),
    routine: text(error.routine),
  };
}

/**
 * The logger's options: whatever the caller gives (level, a stream in tests), with serializers
 * that cannot print an address or a row, whichever log line hands them a request or an error.
 */
export function loggerOptions(level: string, given: FastifyServerOptions['logger']): FastifyServerOptions['logger'] {
  if (given === false) return false;
  const base = typeof given === 'object' ? given : { level };
  return {
    ...base,
    serializers: {
      ...base.serializers,
      req: (request: FastifyRequest) => ({ method: request.method, route: request.routeOptions?.url ?? NO_ROUTE }),
      err: loggableError,
    },
  };
}

/**
 * Fastify's own request log lines, rewritten: none when a request comes in, one when it is
 * answered (at info, or error with the error), and "route not found" without the path, which
 * Fastify's default puts in the message text where no serializer reaches it.
 */
export class RequestLogController extends LogController {
  override incomingRequest(): void {}

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    const line = {
      method: request.method,
      route: request.routeOptions.url ?? NO_ROUTE,
      params: loggableParams(request.params),
      statusCode: reply.statusCode,
      responseTime: Math.round(reply.elapsedTime),
    };
    if (error) request.log.error({ ...line, err: error }, 'request errored');
    else request.log.info(line, 'request completed');
  }

  override routeNotFound(request: FastifyRequest): void {
    request.log.info({ method: request.method, route: NO_ROUTE }, 'route not found');
  }
}
