/**
 * Runs before body parsing and validation, so a signed-out caller gets 401 rather than a 400 for
 * a body they were never allowed to send. Checks the CSRF header on every change, and charges a
 * metered read of personal data against the caller's read limits before any of it is read.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Config } from '../config.ts';
import type { Db } from '../db/database.ts';
import type { Actor, RequestMeta } from '../access/actor.ts';
import { ForbiddenError, UnauthorizedError, AppError } from '../errors.ts';
import { sessionCookieName } from '../auth/session-token.ts';
import { enforceReadLimit } from '../rate-limit/read-limit.ts';
import { BACKGROUND_REQUEST_HEADER } from '../../../domain/user-activity.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export class PositionRequiredError extends AppError {
  constructor() {
    super(403, 'position_required', 'Välj en befattning först.');
  }
}

/** Who holds a session token, if it is live: the auth module's, handed over by app.ts (the platform knows no module). */
export type ResolveActor = (
  db: Db,
  config: Config,
  token: string,
  meta: RequestMeta,
  isUserActivity: boolean,
) => Promise<Actor | undefined>;

export function registerAccessHook(app: FastifyInstance, db: Db, config: Config, resolveActor: ResolveActor): void {
  app.decorateRequest('actor', null);
  app.addHook('onRequest', async (request: FastifyRequest) => {
    // Only the API is guarded: the web app's files, health checks and the API docs are public.
    // Unknown routes carry no route config and end in the 404 handler.
    if (!request.routeOptions.url?.startsWith('/api/') || request.routeOptions.url.startsWith('/api/docs')) return;
    const access = request.routeOptions.config.access ?? 'position';
    if (access === 'public') return;
    const token = request.cookies[sessionCookieName(config.cookieSecure)];
    const actor = token
      ? await resolveActor(
          db,
          config,
          token,
          { requestId: request.id, clientAddress: request.ip },
          request.headers[BACKGROUND_REQUEST_HEADER] !== '1',
        )
      : undefined;
    if (!actor) throw new UnauthorizedError();
    if (!SAFE_METHODS.has(request.method) && request.headers['x-csrf-token'] !== actor.csrfToken) {
      throw new ForbiddenError('Begäran saknar giltig CSRF-token. Ladda om sidan.');
    }
    if (access === 'position' && !actor.position) throw new PositionRequiredError();
    request.actor = actor;
    // After the checks above, so only a signed-in caller's allowed request is counted (ADR 0016).
    const readCost = request.routeOptions.config.readCost;
    if (readCost) await enforceReadLimit(db, config.readLimits, actor, readCost, request.routeOptions.url);
  });
}
