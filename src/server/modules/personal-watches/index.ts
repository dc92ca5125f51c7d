/** The personal-watches module's public surface (ADR 0017): what app.ts may use. */
export { registerPersonalWatchRoutes } from './personal-watch.routes.ts';
