/** The provider-cases module's public surface (ADR 0017). */
export { registerProviderCaseRoutes } from './provider-case.routes.ts';
export { PROVIDER_CASE_CLOSER_ROLES } from './provider-case.policy.ts';
export { findStaffProviderCase } from './provider-case.service.ts';
