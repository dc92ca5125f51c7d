/** The auth module's public surface (ADR 0017): app.ts registers its routes and hands resolveActor to the access hook. */
export { registerAuthRoutes } from './auth.routes.ts';
export { resolveActor } from './auth.service.ts';
