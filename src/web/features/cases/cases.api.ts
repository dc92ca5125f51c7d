/** Cases and decisions (src/contract/cases.ts): queries and changes, one function per route. */
import { useQuery, type QueryClient } from '@tanstack/react-query';
import type * as c from '../../../contract/cases.ts';
import { api } from '../../api/client.ts';
import { isIsoDate } from '../../../domain/periods.ts';
import { assignmentKeys } from '../assignments/assignments.api.ts';

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

const caseBase = (caseId: string) => `/api/cases/${encodeURIComponent(caseId)}`;

export function usePersonCases(personId: string) {
  return useQuery({ queryKey: caseKeys.ofPerson(personId), queryFn: () => api<c.PersonCases>(`/api/persons/${encodeURIComponent(personId)}/cases`) });
}

export function useCase(caseId: string) {
  return useQuery({ queryKey: caseKeys.detail(caseId), queryFn: () => api<c.CaseView>(caseBase(caseId)) });
}

export function useMyCases() {
  return useQuery({ queryKey: caseKeys.mine, queryFn: () => api<c.MyCases>('/api/cases/mine') });
}

/** Authority units and case officers of the user's service area; they change seldom. */
export function useCaseStaffing() {
  return useQuery({ queryKey: caseKeys.staffing, queryFn: () => api<c.CaseStaffing>('/api/cases/staffing'), staleTime: 5 * 60_000 });
}

export function openCase(personId: string, body: c.OpenCaseRequest) {
  return api<{ id: string; caseNumber: string }>(`/api/persons/${encodeURIComponent(personId)}/cases`, { method: 'POST', body });
}

export function recordDecision(caseId: string, body: c.RecordDecisionRequest) {
  return api<{ id: string; decisionNumber: string }>(`${caseBase(caseId)}/decisions`, { method: 'POST', body });
}

/**
 * What ending the decision on the day would do at the provider; asked once the day is a whole
 * date, and always afresh (the provider may have changed rows meanwhile).
 */
export function useDecisionEndPreview(decisionId: string, endedOn: string) {
  return useQuery({
    queryKey: caseKeys.endPreview(decisionId, endedOn), staleTime: 0, retry: false,
    queryFn: () => api<c.DecisionEndEffects>(`/api/decisions/${encodeURIComponent(decisionId)}/end-preview`, { query: { endedOn } }),
    enabled: isIsoDate(endedOn),
  });
}

export function endDecision(decisionId: string, body: c.EndDecisionRequest) {
  return api<c.CaseView>(`/api/decisions/${encodeURIComponent(decisionId)}/end`, { method: 'POST', body });
}

export function closeCase(caseId: string, body: c.CloseCaseRequest) {
  return api<c.CaseView>(`${caseBase(caseId)}/close`, { method: 'POST', body });
}

export function changeCaseOfficer(caseId: string, body: c.ChangeCaseOfficerRequest) {
  return api<c.CaseView>(`${caseBase(caseId)}/case-officer`, { method: 'PUT', body });
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
