/**
 * The desk's folders (src/contract/desk.ts): the overview with every folder's count, recent
 * persons, a unit's persons page by page, Nya uppdrag to acknowledge, Mina personer and
 * Ej aktuella – att avsluta.
 */
import { keepPreviousData, useInfiniteQuery, useQuery, type QueryClient } from '@tanstack/react-query';
import type * as c from '../../../contract/desk.ts';
import { call, http } from '../../api/client.ts';
import { deskKeys } from '../../api/queryKeys.ts';
import { useSession } from '../../session/session.tsx';
import { NOT_CURRENT_DEFAULT_DAYS } from '../../../domain/vocabulary.ts';
import { rememberedLookBackDays } from './lookBack.ts';

export type DeskCounts = c.DeskCounts;
export type UnacknowledgedItem = c.UnacknowledgedItem;
export type NotCurrentItem = c.NotCurrentItem;
export type StartToRegister = c.StartsToRegisterList['items'][number];
export type MyPerson = c.MyPersons['persons'][number];

/** The overview holds no names (nothing audited), so it may be asked again as often as the counts need. */
const OVERVIEW_POLL_MS = 60_000;

export { deskKeys };

/** Every folder's count; Ej aktuella over the look-back the user last chose on that list (lookBack.ts). */
export function useDeskOverview() {
  const userId = useSession().session?.user.id;
  return useQuery({
    queryKey: deskKeys.overview,
    queryFn: (): Promise<c.DeskOverview> => {
      const days = rememberedLookBackDays(userId);
      const query = { notCurrentLookBackDays: days === NOT_CURRENT_DEFAULT_DAYS ? undefined : days };
      return call(http.GET('/api/desk', { params: { query } }));
    },
    refetchInterval: OVERVIEW_POLL_MS,
    refetchOnWindowFocus: true,
  });
}

export function useRecentPersons() {
  return useQuery({
    queryKey: deskKeys.recent,
    queryFn: (): Promise<c.RecentPersons> => call(http.GET('/api/desk/recent-persons')),
  });
}

/** One page of a unit's persons; the previous page stays on screen while the next loads. */
export function useUnitPersons(unitId: string, q: string, page: number) {
  return useQuery({
    queryKey: deskKeys.unit(unitId, q, page),
    queryFn: (): Promise<c.UnitPersons> =>
      call(
        http.GET('/api/desk/units/{unitId}/persons', {
          params: { path: { unitId }, query: { q: q || undefined, page } },
        }),
      ),
    placeholderData: keepPreviousData,
  });
}

/** Nya uppdrag to acknowledge, 50 at a time; "Visa fler" asks for the next page with the cursor. */
export function useUnacknowledged(unitId: string, enabled: boolean) {
  return useInfiniteQuery({
    queryKey: deskKeys.unacknowledged(unitId),
    queryFn: ({ pageParam }): Promise<c.UnacknowledgedList> =>
      call(
        http.GET('/api/desk/unacknowledged', {
          params: { query: { unitId: unitId || undefined, cursor: pageParam ?? undefined } },
        }),
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
    enabled,
  });
}

/** Start dates to register at my units; asked only when the overview counts some. */
export function useStartsToRegister(enabled: boolean) {
  return useQuery({
    queryKey: deskKeys.startsToRegister,
    queryFn: (): Promise<c.StartsToRegisterList> => call(http.GET('/api/desk/starts-to-register')),
    enabled,
  });
}

export function useMyPersons() {
  return useQuery({
    queryKey: deskKeys.myPersons,
    queryFn: (): Promise<c.MyPersons> => call(http.GET('/api/desk/my-persons')),
  });
}

export function useMyPersonStatus(personId: string) {
  return useQuery({
    queryKey: deskKeys.myPersonStatus(personId),
    queryFn: (): Promise<c.MyPersonStatus> =>
      call(http.GET('/api/desk/my-persons/{personId}', { params: { path: { personId } } })),
  });
}

export function addMyPerson(personId: string): Promise<c.MyPersonStatus> {
  return call(http.POST('/api/desk/my-persons', { body: { personId } }));
}

export function removeMyPerson(personId: string): Promise<c.MyPersonStatus> {
  return call(http.DELETE('/api/desk/my-persons/{personId}', { params: { path: { personId } } }));
}

/** After adding or removing: the toggle, the folder and its count read again. */
export function onMyPersonsChanged(queryClient: QueryClient, status: c.MyPersonStatus): void {
  queryClient.setQueryData(deskKeys.myPersonStatus(status.personId), status);
  void queryClient.invalidateQueries({ queryKey: deskKeys.myPersons, exact: true });
  void queryClient.invalidateQueries({ queryKey: deskKeys.overview, exact: true });
}

export function useNotCurrent(lookBackDays: number, unitId: string, page: number) {
  return useQuery({
    queryKey: deskKeys.notCurrent(lookBackDays, unitId, page),
    queryFn: (): Promise<c.NotCurrentList> =>
      call(
        http.GET('/api/desk/not-current', {
          params: { query: { lookBackDays, unitId: unitId || undefined, page } },
        }),
      ),
    placeholderData: keepPreviousData,
  });
}
