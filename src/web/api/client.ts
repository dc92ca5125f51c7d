/**
 * The one way the web app talks to the API: JSON in and out, the session cookie (same origin),
 * the CSRF token on every change, and every failure turned into an ApiError the screens can show.
 */
import type { ErrorResponse } from '../../contract/common.ts';
import { waitInSwedish } from '../../domain/wait-time.ts';
import { BACKGROUND_REQUEST_HEADER, isUserActivity } from '../../domain/user-activity.ts';

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

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  body?: unknown;
  query?: Record<string, string | number | undefined>;
  /** Sign-in and the first session check expect 401 and handle it themselves. */
  handlesAuthErrors?: boolean;
  signal?: AbortSignal;
}

// Opening the page counts as the user's doing; so does every click, key and touch after it. Requests
// sent long after the last of them are polls, which must not keep an unattended session alive.
let lastInteractionAt = Date.now();
if (typeof window !== 'undefined') {
  for (const type of ['pointerdown', 'keydown', 'touchstart'] as const) {
    window.addEventListener(type, () => { lastInteractionAt = Date.now(); }, { capture: true, passive: true });
  }
}

const NETWORK_MESSAGE = 'Kunde inte nå servern. Kontrollera nätverket och försök igen.';

export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  if (!isUserActivity(lastInteractionAt, Date.now())) headers[BACKGROUND_REQUEST_HEADER] = '1';

  let response: Response;
  try {
    response = await fetch(withQuery(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, 'network', NETWORK_MESSAGE);
  }

  const payload = await readJson(response);
  if (response.ok) return payload as T;

  const failure = toApiError(response, payload);
  if (!options.handlesAuthErrors) {
    if (failure.status === 401) authProblemHandler?.('signed_out');
    if (failure.status === 403 && failure.code === 'position_required') authProblemHandler?.('position_required');
  }
  throw failure;
}

function withQuery(path: string, query: RequestOptions['query']): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined) params.set(key, String(value));
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text().catch(() => '');
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    // A proxy's HTML error page, say: not JSON, so nothing to read.
    return undefined;
  }
}

function toApiError(response: Response, payload: unknown): ApiError {
  const body = (payload && typeof payload === 'object' ? payload : {}) as Partial<ErrorResponse>;
  const requestId = body.requestId ?? response.headers.get('x-request-id') ?? undefined;
  const retryAfterSeconds = retryAfterOf(response);
  const message = typeof body.message === 'string' ? body.message : fallbackMessage(response.status, retryAfterSeconds);
  return new ApiError(response.status, body.error ?? 'http_' + response.status, message, body.fieldErrors ?? {}, requestId, retryAfterSeconds);
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
  if (status === 429) return `För många förfrågningar på kort tid. Vänta ${retryAfterSeconds ? waitInSwedish(retryAfterSeconds) : 'en stund'} och försök igen.`;
  return 'Ett oväntat fel inträffade. Försök igen.';
}
