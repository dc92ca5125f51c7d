/** Assignments (src/contract/assignments.ts): queries and changes, one function per route. */
import { useInfiniteQuery, useQuery, type QueryClient } from '@tanstack/react-query';
import type * as c from '../../../contract/assignments.ts';
import { apiUrl, call, http } from '../../api/client.ts';
import { assignmentKeys } from '../../api/queryKeys.ts';

export type AssignmentDetail = c.AssignmentDetail;
export type AssignmentOptions = c.AssignmentOptions;
export type CaseAssignment = c.CaseAssignment;
export type NewAssignment = c.NewAssignment;

/** How often the desk asks how many new assignments wait, like the unread count. */
export const NEW_ASSIGNMENTS_POLL_MS = 30_000;

export { assignmentKeys };

const byId = (assignmentId: string) => ({ params: { path: { assignmentId } } });

/** The document's address; the browser opens it in a tab of its own. */
export function documentUrl(assignmentId: string): string {
  return apiUrl('/api/assignments/{assignmentId}/document.pdf', { assignmentId });
}

export const fetchAssignment = (assignmentId: string): Promise<c.AssignmentDetail> =>
  call(http.GET('/api/assignments/{assignmentId}', byId(assignmentId)));

// The other side changes an assignment's status (accepted, stopped, changed), often just after a
// message about it: read it again each time its page opens rather than trust a copy from earlier.
export function useAssignment(assignmentId: string) {
  return useQuery({
    queryKey: assignmentKeys.detail(assignmentId),
    queryFn: () => fetchAssignment(assignmentId),
    enabled: assignmentId !== '',
    staleTime: 0,
  });
}

export function useAssignmentOptions(decisionId: string) {
  return useQuery({
    queryKey: assignmentKeys.options(decisionId),
    queryFn: (): Promise<c.AssignmentOptions> =>
      call(http.GET('/api/decisions/{decisionId}/assignment-options', { params: { path: { decisionId } } })),
    enabled: decisionId !== '',
  });
}

export function useCaseAssignments(caseId: string) {
  return useQuery({
    queryKey: assignmentKeys.ofCase(caseId),
    staleTime: 0,
    queryFn: (): Promise<c.CaseAssignmentList> =>
      call(http.GET('/api/cases/{caseId}/assignments', { params: { path: { caseId } } })),
  });
}

/** "Nya uppdrag", 50 at a time; "Visa fler" asks for the next page with the cursor. */
export function useNewAssignments() {
  return useInfiniteQuery({
    queryKey: assignmentKeys.newList,
    queryFn: ({ pageParam }): Promise<c.NewAssignmentList> =>
      call(http.GET('/api/assignments/new', { params: { query: { cursor: pageParam ?? undefined } } })),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
  });
}

/** The count for the desk's folder: asked every 30 s and on window focus (no person data in it). */
export function useNewAssignmentCount(enabled: boolean) {
  return useQuery({
    queryKey: assignmentKeys.newCount,
    queryFn: () => call(http.GET('/api/assignments/new/count')).then((body) => body.total),
    refetchInterval: NEW_ASSIGNMENTS_POLL_MS,
    refetchOnWindowFocus: true,
    staleTime: 0,
    enabled,
  });
}

export function createAssignment(decisionId: string, body: c.AssignmentDraftRequest) {
  return call(http.POST('/api/decisions/{decisionId}/assignments', { params: { path: { decisionId } }, body }));
}

export function saveAssignment(assignmentId: string, body: c.UpdateAssignmentRequest): Promise<c.AssignmentDetail> {
  return call(http.PUT('/api/assignments/{assignmentId}', { ...byId(assignmentId), body }));
}

export function deleteAssignment(assignmentId: string, version: number) {
  const params = { path: { assignmentId }, query: { version } };
  return call(http.DELETE('/api/assignments/{assignmentId}', { params }));
}

export function sendAssignment(assignmentId: string, version: number): Promise<c.AssignmentDetail> {
  return call(http.POST('/api/assignments/{assignmentId}/send', { ...byId(assignmentId), body: { version } }));
}

/** Records that the PDF went outside Vardag, by secure mail or by post. */
export function recordSentOutside(
  assignmentId: string,
  version: number,
  via: c.RecordSentOutsideRequest['via'],
): Promise<c.AssignmentDetail> {
  const body = { via, version };
  return call(http.POST('/api/assignments/{assignmentId}/record-sent-outside', { ...byId(assignmentId), body }));
}

/** After a change: the detail from the response, and every list that shows the assignment read again. */
export function applyAssignment(queryClient: QueryClient, detail: c.AssignmentDetail): void {
  queryClient.setQueryData(assignmentKeys.detail(detail.id), detail);
  void queryClient.invalidateQueries({ queryKey: assignmentKeys.ofCase(detail.caseId) });
  // The case page's history shows assignment events.
  void queryClient.invalidateQueries({ queryKey: ['cases'] });
}
