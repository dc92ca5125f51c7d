/**
 * Tidsfrister (src/contract/watches.ts): the statutory watches on the caller's desk, and the
 * municipality's times for them, which the administrator keeps.
 */
import { useQuery, type QueryClient } from '@tanstack/react-query';
import type * as c from '../../../contract/watches.ts';
import { call, http } from '../../api/client.ts';

export type WatchItem = c.WatchItem;
export type WatchList = c.WatchList;
export type WatchCounts = c.WatchCounts;
export type WatchSettings = c.WatchSettings;

export const watchKeys = {
  all: ['watches'] as const,
  list: ['watches', 'list'] as const,
  counts: ['watches', 'counts'] as const,
  settings: ['watches', 'settings'] as const,
};

/**
 * Not polled, unlike the desk's counts: every person listed is an audited list hit charged against
 * the read limits (ADR 0016), so the list is read when the page opens and after a change.
 */
export function useWatches() {
  return useQuery({
    queryKey: watchKeys.list,
    queryFn: (): Promise<c.WatchList> => call(http.GET('/api/watches')),
  });
}

/** The desk's counters: no names, so polled like the desk's other counts (every minute and on focus). */
export function useWatchCounts(enabled: boolean) {
  return useQuery({
    queryKey: watchKeys.counts,
    queryFn: (): Promise<c.WatchCounts> => call(http.GET('/api/watches/counts')),
    enabled,
    refetchInterval: 60_000,
    refetchOnWindowFocus: true,
  });
}

export function useWatchSettings() {
  return useQuery({
    queryKey: watchKeys.settings,
    queryFn: (): Promise<c.WatchSettings> => call(http.GET('/api/watches/settings')),
  });
}

export function saveWatchSettings(body: c.WatchSettings): Promise<c.WatchSettings> {
  return call(http.PUT('/api/watches/settings', { body }));
}

/** New times move the reminders and escalations: the lists and the desk's counts are read again. */
export function onWatchSettingsSaved(queryClient: QueryClient, saved: c.WatchSettings): void {
  queryClient.setQueryData(watchKeys.settings, saved);
  void queryClient.invalidateQueries({ queryKey: watchKeys.list });
  void queryClient.invalidateQueries({ queryKey: watchKeys.counts });
}
