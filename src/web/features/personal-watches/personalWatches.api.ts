/**
 * Personal watches (src/contract/personal-watches.ts): my watches, their counts for the desk, my
 * watches on one person, and setting, clearing, reopening and deleting one.
 */
import { useQuery, type QueryClient } from '@tanstack/react-query';
import type * as c from '../../../contract/personal-watches.ts';
import { call, http } from '../../api/client.ts';

export type PersonalWatch = c.PersonalWatch;
export type PersonalWatchList = c.PersonalWatchList;
export type PersonalWatchSummary = c.PersonalWatchSummary;
export type CreatePersonalWatch = c.CreatePersonalWatch;
export type WatchRecord = NonNullable<c.CreatePersonalWatch['record']>;

export const personalWatchKeys = {
  all: ['personal-watches'] as const,
  list: (status: 'open' | 'done') => ['personal-watches', 'list', status] as const,
  summary: ['personal-watches', 'summary'] as const,
  ofPerson: (personId: string) => ['personal-watches', 'person', personId] as const,
};

/** The counts hold no names (nothing audited): asked again as often as the desk's own counts. */
const SUMMARY_POLL_MS = 60_000;

export function usePersonalWatches(status: 'open' | 'done') {
  return useQuery({
    queryKey: personalWatchKeys.list(status),
    queryFn: (): Promise<c.PersonalWatchList> =>
      call(http.GET('/api/personal-watches', { params: { query: { status } } })),
  });
}

export function usePersonalWatchSummary(enabled = true) {
  return useQuery({
    queryKey: personalWatchKeys.summary,
    queryFn: (): Promise<c.PersonalWatchSummary> => call(http.GET('/api/personal-watches/summary')),
    refetchInterval: SUMMARY_POLL_MS,
    refetchOnWindowFocus: true,
    enabled,
  });
}

export function usePersonWatches(personId: string) {
  return useQuery({
    queryKey: personalWatchKeys.ofPerson(personId),
    queryFn: (): Promise<c.PersonWatchList> =>
      call(http.GET('/api/persons/{personId}/watches', { params: { path: { personId } } })),
  });
}

export function createPersonalWatch(personId: string, body: c.CreatePersonalWatch): Promise<c.PersonalWatch> {
  return call(http.POST('/api/persons/{personId}/watches', { params: { path: { personId } }, body }));
}

export function markPersonalWatchDone(watchId: string): Promise<c.PersonalWatch> {
  return call(http.POST('/api/personal-watches/{watchId}/done', { params: { path: { watchId } } }));
}

export function reopenPersonalWatch(watchId: string): Promise<c.PersonalWatch> {
  return call(http.POST('/api/personal-watches/{watchId}/reopen', { params: { path: { watchId } } }));
}

export function deletePersonalWatch(watchId: string): Promise<unknown> {
  return call(http.DELETE('/api/personal-watches/{watchId}', { params: { path: { watchId } } }));
}

/** After any change: every list and the counts read again. */
export function onPersonalWatchesChanged(queryClient: QueryClient): void {
  void queryClient.invalidateQueries({ queryKey: personalWatchKeys.all });
}
