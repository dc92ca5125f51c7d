/** The assignments module's public surface (ADR 0017): what other modules and app.ts may use. */
export { registerAssignmentRoutes } from './assignment.routes.ts';
export { canListNewAssignments, newAssignmentView } from './assignment.policy.ts';
export { countNewAssignmentsIn } from './new-assignments.service.ts';
export { toPersonRef } from './assignment.presenter.ts';
export { writeBlockedReason } from './assignment-draft.ts';
export { findAssignment, listAssignmentInterventions, listProviderReceivers } from './assignment-records.service.ts';
export { sendChangeAssignment, type ChangeAssignmentInput } from './change-of-provider-assignment.ts';
export type { AssignmentRecord, AssignmentInterventionRecord, PersonRecordRef } from './assignment.repository.ts';
export type { Receiver } from './assignment-receivers.repository.ts';
