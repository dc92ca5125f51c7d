/** The visits module's public surface (ADR 0017): what app.ts may use. */
export { registerVisitRoutes } from './visit-summary.routes.ts';
