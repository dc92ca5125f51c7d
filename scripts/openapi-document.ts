/**
 * The OpenAPI document the server serves at /api/openapi.json, made without a database or a port:
 * the app is built in-process (buildApp registers every route and the swagger plugin) and asked
 * for app.swagger(). The pool is given an address it never uses: building the app runs no query.
 */
import { buildApp } from '../src/server/app.ts';
import { loadConfig } from '../src/server/platform/config.ts';
import { createDb } from '../src/server/platform/db/database.ts';

/** The document as the running server would answer GET /api/openapi.json. */
export async function buildOpenApiDocument(): Promise<Record<string, unknown>> {
  const db = createDb({ connectionString: 'postgres://unused@127.0.0.1:1/unused', max: 1 });
  const app = await buildApp({ db, config: loadConfig({}) }, { logger: false });
  try {
    await app.ready();
    // Through JSON, as the server sends it: no undefined members, no shared object references.
    return JSON.parse(JSON.stringify(app.swagger())) as Record<string, unknown>;
  } finally {
    await app.close();
    await db.destroy();
  }
}
