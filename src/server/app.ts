/**
 * Builds the Fastify app: plugins, the access hook, the error handler, every module's routes,
 * OpenAPI and the web app. Holds no state of its own, so any number can run behind a balancer.
 */
import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyServerOptions } from 'fastify';
import fastifyCookie from '@fastify/cookie';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import type { App, AppDeps } from './platform/http/types.ts';
import { registerAccessHook } from './platform/http/access-hook.ts';
import { registerErrorHandler } from './platform/http/error-handler.ts';
import { registerOpenApi } from './platform/http/openapi.ts';
import { registerWeb } from './platform/http/web.ts';
import { loggerOptions, RequestLogController } from './platform/http/request-log.ts';
import { applySecurityHeaders, registerSecurityHeaders } from './platform/http/security-headers.ts';
import { answerClientError } from './platform/http/client-errors.ts';
import { registerAuthRoutes, resolveActor } from './modules/auth/index.ts';
import { registerPersonRoutes } from './modules/persons/index.ts';
import { registerOrganisationRoutes } from './modules/organisation/index.ts';
import { registerDeskRoutes } from './modules/desk/index.ts';
import { registerCatalogueRoutes } from './modules/catalogues/index.ts';
import { registerMessageRoutes } from './modules/messages/index.ts';
import { registerCaseRoutes } from './modules/cases/index.ts';
import { registerAssignmentRoutes } from './modules/assignments/index.ts';
import { registerDeliveryRoutes } from './modules/deliveries/index.ts';
import { registerDeliveryChangeRoutes, settleProviderChange } from './modules/delivery-changes/index.ts';
import { registerProviderCaseRoutes } from './modules/provider-cases/index.ts';
import { registerWatchRoutes } from './modules/watches/index.ts';
import { registerVisitRoutes } from './modules/visits/index.ts';
import { registerPersonalWatchRoutes } from './modules/personal-watches/index.ts';
import { registerIvoReportRoutes } from './modules/ivo-reports/index.ts';

const REQUEST_ID = /^[A-Za-z0-9._-]{8,80}$/;

export async function buildApp(deps: AppDeps, options: { logger?: FastifyServerOptions['logger'] } = {}): Promise<App> {
  const app = Fastify({
    // Serializers that never print an address or a row, and one log line per answer of our own
    // instead of Fastify's, which writes the URL with its query (request-log.ts).
    logger: loggerOptions(deps.config.logLevel, options.logger),
    logController: new RequestLogController(),
    trustProxy: trustProxyOption(deps.config.trustProxy),
    bodyLimit: 1_048_576,
    // Errors Fastify raises before routing (e.g. a malformed percent-encoded URL) get our error shape too.
    frameworkErrors: (_error, request, reply) => {
      applySecurityHeaders(request, reply);
      void reply
        .code(400 as never)
        .header('content-type', 'application/json')
        .send(
          JSON.stringify({
            error: 'validation',
            message: 'Adressen kunde inte läsas.',
            requestId: request.id,
          }) as never,
        );
    },
    // And what Node's parser refuses before there is a request (431 for a huge URL or cookie).
    clientErrorHandler: answerClientError,
    // Keep a caller's request id (from a proxy) when it looks sane, so logs line up end to end.
    genReqId: (request) => {
      const given = request.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
    if (request.url.startsWith('/api/')) reply.header('cache-control', 'no-store');
  });
  // CSP, X-Frame-Options, nosniff, referrer policy … on every response, errors and 404s included.
  await registerSecurityHeaders(app);
  await app.register(fastifyCookie);
  registerErrorHandler(app);
  registerAccessHook(app, deps.db, deps.config, resolveActor);
  await registerOpenApi(app);

  app.get('/healthz', { schema: { hide: true } }, async () => ({ status: 'ok' }));
  app.get('/readyz', { schema: { hide: true } }, async (_request, reply) => {
    try {
      await sql`select 1`.execute(deps.db);
      return { status: 'ready' };
    } catch {
      return reply.status(503).send({ status: 'database unavailable' });
    }
  });

  registerAuthRoutes(app, deps);
  registerPersonRoutes(app, deps);
  registerOrganisationRoutes(app, deps);
  registerDeskRoutes(app, deps);
  registerCatalogueRoutes(app, deps);
  registerMessageRoutes(app, deps);
  registerCaseRoutes(app, deps);
  registerAssignmentRoutes(app, deps);
  registerDeliveryRoutes(app, deps, settleProviderChange);
  registerDeliveryChangeRoutes(app, deps);
  registerProviderCaseRoutes(app, deps);
  registerVisitRoutes(app, deps);
  registerWatchRoutes(app, deps);
  registerPersonalWatchRoutes(app, deps);
  registerIvoReportRoutes(app, deps);

  await registerWeb(app);
  return app;
}

/** A number means how many proxies to trust, counted from this server. */
function trustProxyOption(setting: boolean | number): boolean | ((address: string, hop: number) => boolean) {
  return typeof setting === 'number' ? (_address, hop) => hop < setting : setting;
}
