/** The organisation module's public surface (ADR 0017). */
export { registerOrganisationRoutes } from './organisation.routes.ts';
