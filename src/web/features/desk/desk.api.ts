/** The desk's folders: units with person counts, recent persons, a unit's persons (src/contract/desk.ts). */
import { useQuery } from '@tanstack/react-query';
import type { DeskOverview, RecentPersons, UnitPersons } from '../../../contract/desk.ts';
import { api } from '../../api/client.ts';

export const deskKeys = {
  overview: ['desk'] as const,
  recent: ['desk', 'recent'] as const,
  unit: (unitId: string) => ['desk', 'unit', unitId] as const,
};

export function useDeskOverview() {
  return useQuery({ queryKey: deskKeys.overview, queryFn: () => api<DeskOverview>('/api/desk') });
}

export function useRecentPersons() {
  return useQuery({ queryKey: deskKeys.recent, queryFn: () => api<RecentPersons>('/api/desk/recent-persons') });
}

export function useUnitPersons(unitId: string) {
  return useQuery({ queryKey: deskKeys.unit(unitId), queryFn: () => api<UnitPersons>(`/api/desk/units/${encodeURIComponent(unitId)}/persons`) });
}
