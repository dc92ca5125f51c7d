/**
 * Serves the built web app (dist/web) and answers every non-API path with index.html so the
 * single-page app's own routes work on reload.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';

export const WEB_DIST = path.resolve(import.meta.dirname, '../../../../dist/web');

export async function registerWeb(app: FastifyInstance): Promise<void> {
  const hasBuild = existsSync(path.join(WEB_DIST, 'index.html'));
  if (hasBuild) {
    // wildcard: files are looked up per request, so a rebuilt dist/web is served without a restart;
    // a missing file falls through to the not-found handler below (index.html for the app's routes).
    await app.register(fastifyStatic, { root: WEB_DIST, wildcard: true, index: false, maxAge: '1h' });
    // The static plugin answers a directory (/) with 403; the app's start page is index.html.
    app.get('/', { schema: { hide: true } }, async (_request, reply) =>
      reply.header('cache-control', 'no-cache').sendFile('index.html'),
    );
  }
  app.setNotFoundHandler(async (request, reply) => {
    const isApi = request.url.startsWith('/api/');
    if (isApi || request.method !== 'GET' || !hasBuild) {
      return reply.status(404).send({ error: 'not_found', message: 'Hittades inte.', requestId: request.id });
    }
    return reply.header('cache-control', 'no-cache').sendFile('index.html');
  });
}
