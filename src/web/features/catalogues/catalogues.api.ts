/**
 * The catalogues (src/contract/catalogues.ts): legal bases and intervention types. Other features
 * (decisions, assignments) read them through useLegalBases and useInterventionTypes too.
 */
import { useQuery, type QueryClient } from '@tanstack/react-query';
import type { ServiceAreaCode } from '../../../domain/organisation.ts';
import type * as c from '../../../contract/catalogues.ts';
import { call, http } from '../../api/client.ts';

export type LegalBasis = c.LegalBasis;
export type InterventionType = c.InterventionType;

export interface LegalBasisFilter {
  /** Only those valid on the day, e.g. a decision date. */
  validOn?: string | undefined;
  /** Only those decisions of the area may rest on, e.g. the case's. */
  serviceArea?: ServiceAreaCode | undefined;
}

export interface InterventionTypeFilter {
  serviceArea?: ServiceAreaCode | undefined;
  includeInactive?: boolean;
}

export const catalogueKeys = {
  all: ['catalogues'] as const,
  legalBases: (filter: LegalBasisFilter = {}) =>
    ['catalogues', 'legal-bases', filter.validOn ?? 'all', filter.serviceArea ?? 'all'] as const,
  interventionTypes: (filter: InterventionTypeFilter) =>
    ['catalogues', 'intervention-types', filter.serviceArea ?? 'all', Boolean(filter.includeInactive)] as const,
};

export const fetchLegalBases = (filter: LegalBasisFilter = {}): Promise<LegalBasis[]> =>
  call(
    http.GET('/api/catalogues/legal-bases', {
      params: { query: { validOn: filter.validOn, serviceArea: filter.serviceArea } },
    }),
  ).then((body) => body.legalBases);

export const fetchInterventionTypes = (filter: InterventionTypeFilter): Promise<InterventionType[]> =>
  call(
    http.GET('/api/catalogues/intervention-types', {
      params: {
        query: { serviceArea: filter.serviceArea, includeInactive: filter.includeInactive ? 'true' : undefined },
      },
    }),
  ).then((body) => body.interventionTypes);

/** Every legal basis, or only those valid on a day and/or of one service area. */
export function useLegalBases(filter: LegalBasisFilter = {}) {
  return useQuery({ queryKey: catalogueKeys.legalBases(filter), queryFn: () => fetchLegalBases(filter) });
}

/** Active types unless includeInactive, of one service area or all, in Swedish name order. */
export function useInterventionTypes(filter: InterventionTypeFilter = {}) {
  return useQuery({ queryKey: catalogueKeys.interventionTypes(filter), queryFn: () => fetchInterventionTypes(filter) });
}

export function createLegalBasis(body: c.CreateLegalBasisRequest): Promise<LegalBasis> {
  return call(http.POST('/api/catalogues/legal-bases', { body }));
}

export function updateLegalBasis(legalBasisId: string, body: c.UpdateLegalBasisRequest): Promise<LegalBasis> {
  return call(http.PUT('/api/catalogues/legal-bases/{legalBasisId}', { params: { path: { legalBasisId } }, body }));
}

export function createInterventionType(body: c.CreateInterventionTypeRequest): Promise<InterventionType> {
  return call(http.POST('/api/catalogues/intervention-types', { body }));
}

export function updateInterventionType(
  interventionTypeId: string,
  body: c.UpdateInterventionTypeRequest,
): Promise<InterventionType> {
  const params = { path: { interventionTypeId } };
  return call(http.PUT('/api/catalogues/intervention-types/{interventionTypeId}', { params, body }));
}

/** After a change every cached catalogue list is stale: a type's legal basis code, a basis's use. */
export function invalidateCatalogues(queryClient: QueryClient): Promise<void> {
  return queryClient.invalidateQueries({ queryKey: catalogueKeys.all });
}

/** One legal basis as now stored (after a conflict), straight from the server. */
export async function reloadLegalBasis(queryClient: QueryClient, legalBasisId: string): Promise<LegalBasis> {
  const all = await queryClient.fetchQuery({
    queryKey: catalogueKeys.legalBases(),
    queryFn: () => fetchLegalBases(),
    staleTime: 0,
  });
  const found = all.find((basis) => basis.id === legalBasisId);
  if (!found) throw new Error('Lagrummet finns inte längre.');
  return found;
}

/** One intervention type as now stored (after a conflict), straight from the server. */
export async function reloadInterventionType(
  queryClient: QueryClient,
  interventionTypeId: string,
): Promise<InterventionType> {
  const filter = { includeInactive: true };
  const all = await queryClient.fetchQuery({
    queryKey: catalogueKeys.interventionTypes(filter),
    queryFn: () => fetchInterventionTypes(filter),
    staleTime: 0,
  });
  const found = all.find((type) => type.id === interventionTypeId);
  if (!found) throw new Error('Insatstypen finns inte längre.');
  return found;
}
