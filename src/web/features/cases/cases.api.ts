/** Cases and decisions (src/contract/cases.ts): queries and changes, one function per route. */
import { useQuery, type QueryClient } from '@tanstack/react-query';
import type * as c from '../../../contract/cases.ts';
import { call, http } from '../../api/client.ts';
import { isIsoDate } from '../../../domain/periods.ts';
import { assignmentKeys } from '../../api/queryKeys.ts';

export type CaseView = c.CaseView;
export type CaseSummary = c.CaseSummary;
export type Decision = c.Decision;
export type MyCase = c.MyCases['cases'][number];
export type DecisionEndEffects = c.DecisionEndEffects;

export const caseKeys = {
  all: ['cases'] as const,
  ofPerson: (personId: string) => ['cases', 'person', personId] as const,
  detail: (caseId: string) => ['cases', 'case', caseId] as const,
  mine: ['cases', 'mine'] as const,
  staffing: ['cases', 'staffing'] as const,
  endPreview: (decisionId: string, endedOn: string) => ['cases', 'end-preview', decisionId, endedOn] as const,
};

const byCase = (caseId: string) => ({ params: { path: { caseId } } });
const byDecision = (decisionId: string) => ({ params: { path: { decisionId } } });

export function usePersonCases(personId: string) {
  return useQuery({
    queryKey: caseKeys.ofPerson(personId),
    queryFn: (): Promise<c.PersonCases> =>
      call(http.GET('/api/persons/{personId}/cases', { params: { path: { personId } } })),
  });
}

export function useCase(caseId: string) {
  return useQuery({
    queryKey: caseKeys.detail(caseId),
    queryFn: (): Promise<c.CaseView> => call(http.GET('/api/cases/{caseId}', byCase(caseId))),
  });
}

export function useMyCases() {
  return useQuery({ queryKey: caseKeys.mine, queryFn: (): Promise<c.MyCases> => call(http.GET('/api/cases/mine')) });
}

/** Authority units and case officers of the user's service area; they change seldom. */
export function useCaseStaffing() {
  return useQuery({
    queryKey: caseKeys.staffing,
    staleTime: 5 * 60_000,
    queryFn: (): Promise<c.CaseStaffing> => call(http.GET('/api/cases/staffing')),
  });
}

export function openCase(personId: string, body: c.OpenCaseRequest) {
  return call(http.POST('/api/persons/{personId}/cases', { params: { path: { personId } }, body }));
}

export function recordDecision(caseId: string, body: c.RecordDecisionRequest) {
  return call(http.POST('/api/cases/{caseId}/decisions', { ...byCase(caseId), body }));
}

/**
 * What ending the decision on the day would do at the provider; asked once the day is a whole
 * date, and always afresh (the provider may have changed rows meanwhile).
 */
export function useDecisionEndPreview(decisionId: string, endedOn: string) {
  return useQuery({
    queryKey: caseKeys.endPreview(decisionId, endedOn),
    staleTime: 0,
    retry: false,
    queryFn: (): Promise<c.DecisionEndEffects> =>
      call(
        http.GET('/api/decisions/{decisionId}/end-preview', {
          params: { path: { decisionId }, query: { endedOn } },
        }),
      ),
    enabled: isIsoDate(endedOn),
  });
}

export function endDecision(decisionId: string, body: c.EndDecisionRequest): Promise<c.CaseView> {
  return call(http.POST('/api/decisions/{decisionId}/end', { ...byDecision(decisionId), body }));
}

export function closeCase(caseId: string, body: c.CloseCaseRequest): Promise<c.CaseView> {
  return call(http.POST('/api/cases/{caseId}/close', { ...byCase(caseId), body }));
}

export function changeCaseOfficer(caseId: string, body: c.ChangeCaseOfficerRequest): Promise<c.CaseView> {
  return call(http.PUT('/api/cases/{caseId}/case-officer', { ...byCase(caseId), body }));
}

/**
 * After a change: the case view from the response, and every list that shows the case read again —
 * the case's assignments too, as ending a decision or closing the case withdraws waiting ones.
 */
export function applyCaseView(queryClient: QueryClient, view: c.CaseView): void {
  queryClient.setQueryData(caseKeys.detail(view.id), view);
  void queryClient.invalidateQueries({ queryKey: caseKeys.ofPerson(view.person.id) });
  void queryClient.invalidateQueries({ queryKey: caseKeys.mine });
  void queryClient.invalidateQueries({ queryKey: assignmentKeys.ofCase(view.id) });
}
