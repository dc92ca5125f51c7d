/** The cases module's public surface (ADR 0017). */
export { registerCaseRoutes } from './case.routes.ts';
export { findCaseForReader } from './case.service.ts';
