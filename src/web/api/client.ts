/**
 * The one way the web app talks to the API: a client typed by the OpenAPI document (schema.gen.ts,
 * `npm run generate:api`), so a path, a parameter, a body or a reply that no longer matches the
 * server breaks the type check. JSON in and out, the session cookie (same origin), the CSRF token
 * on every change, and every failure turned into an ApiError the screens can show.
 */
import createClient, { type ClientPathsWithMethod } from 'openapi-fetch';
import type { ErrorResponse } from '../../contract/common.ts';
import { waitInSwedish } from '../../domain/wait-time.ts';
import { BACKGROUND_REQUEST_HEADER, isUserActivity } from '../../domain/user-activity.ts';
import type { paths } from './schema.gen.ts';

/** A failed API call, with what the server said (Swedish message, per-field messages, request id). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fieldErrors: Record<string, string> = {},
    readonly requestId?: string,
    /** From Retry-After on a 429: how long the server asks us to wait before trying again. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export function isApiError(error: unknown, status?: number): error is ApiError {
  return error instanceof ApiError && (status === undefined || error.status === status);
}

let csrfToken: string | null = null;

/** Set from GET /api/session; sent as X-CSRF-Token on every request that changes something. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export type AuthProblem = 'signed_out' | 'position_required';
let authProblemHandler: ((problem: AuthProblem) => void) | null = null;

/** The session context listens here so any screen's 401 or missing position leads to the right page. */
export function onAuthProblem(handler: ((problem: AuthProblem) => void) | null): void {
  authProblemHandler = handler;
}

// Opening the page counts as the user's doing; so does every click, key and touch after it. Requests
// sent long after the last of them are polls, which must not keep an unattended session alive.
let lastInteractionAt = Date.now();
if (typeof window !== 'undefined') {
  for (const type of ['pointerdown', 'keydown', 'touchstart'] as const) {
    window.addEventListener(
      type,
      () => {
        lastInteractionAt = Date.now();
      },
      { capture: true, passive: true },
    );
  }
}

const NETWORK_MESSAGE = 'Kunde inte nå servern. Kontrollera nätverket och försök igen.';

/**
 * What the typed client sends with: the headers every request needs, a network failure as an
 * ApiError in Swedish, and a successful reply whose body is not JSON (a proxy's page, say) read
 * as no body rather than failing to parse.
 */
async function send(request: Request): Promise<Response> {
  request.headers.set('accept', 'application/json');
  if (request.method !== 'GET' && csrfToken) request.headers.set('x-csrf-token', csrfToken);
  if (!isUserActivity(lastInteractionAt, Date.now())) request.headers.set(BACKGROUND_REQUEST_HEADER, '1');
  let response: Response;
  try {
    response = await fetch(request);
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, 'network', NETWORK_MESSAGE);
  }
  if (!response.ok) return response;
  const text = await response.text().catch(() => '');
  const { status, statusText, headers } = response;
  return new Response(isJson(text) ? text : null, { status, statusText, headers: withoutLength(headers) });
}

function isJson(text: string): boolean {
  if (!text) return false;
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** The body was read and is handed on as text (or dropped), so the original length no longer holds. */
function withoutLength(headers: Headers): Headers {
  const copy = new Headers(headers);
  copy.delete('content-length');
  copy.delete('content-encoding');
  return copy;
}

/**
 * The typed client: `http.GET('/api/persons/{personId}', { params: { path: { personId } } })`.
 * Hand its promise to `call` for the reply's data or an ApiError.
 */
export const http = createClient<paths>({ baseUrl: '', credentials: 'same-origin', fetch: send });

export interface CallOptions {
  /** Sign-in and the first session check expect 401 and handle it themselves. */
  handlesAuthErrors?: boolean;
}

/** What openapi-fetch answers: the data of a 2xx reply, or the error body of any other. */
type Result = { data?: unknown; error?: unknown; response: Response };
type DataOf<R> = R extends { data: infer D } ? D : never;

/** The reply's data, or an ApiError (and a 401 or a missing position reported to the session). */
export async function call<R extends Result>(pending: Promise<R>, options: CallOptions = {}): Promise<DataOf<R>> {
  const result = await pending;
  if (result.response.ok) return result.data as DataOf<R>;
  const failure = toApiError(result.response, result.error);
  if (!options.handlesAuthErrors) {
    if (failure.status === 401) authProblemHandler?.('signed_out');
    if (failure.status === 403 && failure.code === 'position_required') authProblemHandler?.('position_required');
  }
  throw failure;
}

/** The JSON body a route takes, e.g. `RequestBody<'/api/persons/{personId}/core', 'put'>`. */
export type RequestBody<P extends keyof paths, M extends 'post' | 'put'> = paths[P][M] extends {
  requestBody?: { content: { 'application/json': infer B } };
}
  ? B
  : never;

type GetPath = ClientPathsWithMethod<typeof http, 'get'>;
type PathParams<P extends GetPath> = paths[P]['get']['parameters'] extends {
  path: infer Params extends Record<string, string>;
}
  ? Params
  : never;

/**
 * The address of a GET route whose reply the browser opens itself (a PDF in a tab of its own):
 * the path is one the OpenAPI document has, with its parameters filled in.
 */
export function apiUrl<P extends GetPath>(path: P, params: PathParams<P>): string {
  const values: Record<string, string> = params;
  return path.replace(/\{([^}]+)\}/g, (_, name: string) => encodeURIComponent(values[name] ?? ''));
}

function toApiError(response: Response, payload: unknown): ApiError {
  const body = (payload && typeof payload === 'object' ? payload : {}) as Partial<ErrorResponse>;
  const requestId = body.requestId ?? response.headers.get('x-request-id') ?? undefined;
  const retryAfterSeconds = retryAfterOf(response);
  const message = typeof body.message === 'string' ? body.message : fallbackMessage(response.status, retryAfterSeconds);
  return new ApiError(
    response.status,
    body.error ?? `http_${response.status}`,
    message,
    body.fieldErrors ?? {},
    requestId,
    retryAfterSeconds,
  );
}

/** Seconds from Retry-After (the server sends seconds; a date from a proxy is turned into seconds). */
function retryAfterOf(response: Response): number | undefined {
  if (response.status !== 429 && response.status !== 503) return undefined;
  const header = response.headers.get('retry-after');
  if (!header) return undefined;
  const seconds = /^\d+$/.test(header.trim()) ? Number(header) : Math.ceil((Date.parse(header) - Date.now()) / 1000);
  return Number.isFinite(seconds) && seconds > 0 ? seconds : undefined;
}

function fallbackMessage(status: number, retryAfterSeconds?: number): string {
  if (status === 401) return 'Du är inte inloggad.';
  if (status === 403) return 'Du har inte behörighet till detta.';
  if (status === 404) return 'Hittades inte.';
  if (status === 409) return 'Någon annan har ändrat uppgifterna.';
  // The server's own 429s carry a message saying what and how long; this is for one without (a proxy's).
  if (status === 429)
    return `För många förfrågningar på kort tid. Vänta ${retryAfterSeconds ? waitInSwedish(retryAfterSeconds) : 'en stund'} och försök igen.`;
  return 'Ett oväntat fel inträffade. Försök igen.';
}
