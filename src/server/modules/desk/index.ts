/** The desk module's public surface (ADR 0017). */
export { registerDeskRoutes } from './desk.routes.ts';
