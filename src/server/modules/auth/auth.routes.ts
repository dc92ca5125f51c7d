/** Sign-in, sign-out, the session and the choice of position. */
import type { App, AppDeps } from '../../platform/http/types.ts';
import { actorOf } from '../../platform/http/types.ts';
import { sessionCookieName } from '../../platform/auth/session-token.ts';
import { ChoosePositionRequest, SessionInfo, SignInRequest } from '../../../contract/auth.ts';
import { ErrorResponse, Ok } from '../../../contract/common.ts';
import * as service from './auth.service.ts';

const TAGS = ['Inloggning'];

export function registerAuthRoutes(app: App, { db, config }: AppDeps): void {
  // Path=/ and no Domain, which the __Host- name of a secure cookie requires (session-token.ts).
  const cookieOptions = { path: '/', httpOnly: true, sameSite: 'lax', secure: config.cookieSecure } as const;
  const cookieName = sessionCookieName(config.cookieSecure);

  app.post(
    '/api/auth/sign-in',
    {
      schema: {
        tags: TAGS,
        summary: 'Sign in with user name and password',
        body: SignInRequest,
        response: { 200: Ok, 401: ErrorResponse, 429: ErrorResponse },
      },
      config: { access: 'public' },
    },
    async (request, reply) => {
      const { token, maxAgeSeconds } = await service.signIn(db, config, request.body, {
        requestId: request.id,
        clientAddress: request.ip,
        userAgent: request.headers['user-agent'] ?? null,
        previousToken: request.cookies[cookieName],
      });
      reply.setCookie(cookieName, token, { ...cookieOptions, maxAge: maxAgeSeconds });
      return { ok: true as const };
    },
  );

  app.post(
    '/api/auth/sign-out',
    {
      schema: { tags: TAGS, summary: 'Sign out and end the session', response: { 200: Ok } },
      config: { access: 'session' },
    },
    async (request, reply) => {
      await service.signOut(db, actorOf(request));
      reply.clearCookie(cookieName, cookieOptions);
      return { ok: true as const };
    },
  );

  app.get(
    '/api/session',
    {
      schema: {
        tags: TAGS,
        summary: 'The signed-in user, their positions and the CSRF token',
        response: { 200: SessionInfo, 401: ErrorResponse },
      },
      config: { access: 'session' },
    },
    async (request) => service.getSessionInfo(db, config, actorOf(request)),
  );

  app.put(
    '/api/session/position',
    {
      schema: {
        tags: TAGS,
        summary: 'Choose the position to work in',
        body: ChoosePositionRequest,
        response: { 200: Ok, 404: ErrorResponse },
      },
      config: { access: 'session' },
    },
    async (request) => {
      await service.choosePosition(db, actorOf(request), request.body.positionId);
      return { ok: true as const };
    },
  );
}
