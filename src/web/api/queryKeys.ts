/**
 * TanStack Query keys that more than one feature reads or invalidates (a change in one area makes
 * another's lists stale). They live here, not in a feature, so features need not import each other
 * for them; each feature's *.api.ts re-exports its own.
 */

export const assignmentKeys = {
  all: ['assignments'] as const,
  detail: (id: string) => ['assignments', 'detail', id] as const,
  options: (decisionId: string) => ['assignments', 'options', decisionId] as const,
  ofCase: (caseId: string) => ['assignments', 'case', caseId] as const,
  newList: ['assignments', 'new'] as const,
  newCount: ['assignments', 'new', 'count'] as const,
};

export const deskKeys = {
  overview: ['desk'] as const,
  recent: ['desk', 'recent'] as const,
  unit: (unitId: string, q = '', page = 1) => ['desk', 'unit', unitId, q, page] as const,
  unacknowledged: (unitId: string) => ['desk', 'unacknowledged', unitId] as const,
  myPersons: ['desk', 'my-persons'] as const,
  startsToRegister: ['desk', 'starts-to-register'] as const,
  myPersonStatus: (personId: string) => ['desk', 'my-persons', personId] as const,
  notCurrent: (lookBackDays: number, unitId: string, page: number) =>
    ['desk', 'not-current', lookBackDays, unitId, page] as const,
};
