/** The persons module's public surface (ADR 0017): what other modules and app.ts may use. */
export { registerPersonRoutes } from './person.routes.ts';
export { getPersonInScope, maskSummary } from './person.service.ts';
export { findPersonContact, getPersonVisitDetails, type PersonVisitDetails } from './person-contact.service.ts';
export { canRevealProtectedIdentity } from './person.policy.ts';
export type { PersonSummary } from './person.repository.ts';
