/** Inför besöket (src/contract/visits.ts): the summary's query, and its refresh after a change to the person. */
import { useQuery, type QueryClient } from '@tanstack/react-query';
import type { VisitSummary } from '../../../contract/visits.ts';
import { MANAGER_ROLES, PROVIDER_STAFF_ROLES, type Role } from '../../../domain/roles.ts';
import { call, http } from '../../api/client.ts';

/** Who reads the summary: everyone at a provider unit (the server's VISIT_SUMMARY_ROLES). */
export const VISIT_SUMMARY_ROLES: readonly Role[] = [...MANAGER_ROLES, ...PROVIDER_STAFF_ROLES];

export type { VisitSummary };
export type VisitAssignment = VisitSummary['assignments'][number];
export type VisitIntervention = VisitAssignment['interventions'][number];

export const visitKeys = {
  summary: (personId: string) => ['person', personId, 'visit-summary'] as const,
};

export function useVisitSummary(personId: string) {
  return useQuery({
    queryKey: visitKeys.summary(personId),
    queryFn: (): Promise<VisitSummary> =>
      call(http.GET('/api/persons/{personId}/visit-summary', { params: { path: { personId } } })),
  });
}

/** After the person's details changed on their page (a tab, a list, an address): the summary above shows them. */
export function refreshVisitSummary(queryClient: QueryClient, personId: string): void {
  void queryClient.invalidateQueries({ queryKey: visitKeys.summary(personId), exact: true });
}
