/** Persons (src/contract/persons.ts, person-details.ts): queries and changes, one function per route. */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type * as c from '../../../contract/persons.ts';
import type { PersonKey, ReferencePerson, Relative } from '../../../contract/person-details.ts';
import { api } from '../../api/client.ts';
import { deskKeys } from '../desk/desk.api.ts';

export type DetailListName = 'relatives' | 'reference-persons' | 'keys';
export interface DetailItems { relatives: Relative; 'reference-persons': ReferencePerson; keys: PersonKey }
export type RevealedIdentity = { firstName: string; lastName: string; currentAddress: c.Address | null };
export type AccessLog = c.AccessLogEntryList;

export const personKeys = {
  search: (q: string) => ['persons', 'search', q] as const,
  detail: (id: string) => ['person', id] as const,
  addresses: (id: string) => ['person', id, 'addresses'] as const,
  accessLog: (id: string) => ['person', id, 'access-log'] as const,
  list: (id: string, list: DetailListName) => ['person', id, list] as const,
};

const base = (personId: string) => `/api/persons/${encodeURIComponent(personId)}`;

export function usePersonSearch(q: string) {
  return useQuery({
    queryKey: personKeys.search(q),
    queryFn: () => api<c.PersonSearchResult>('/api/persons', { query: { q } }),
    enabled: q.trim() !== '',
  });
}

export function fetchPerson(personId: string) {
  return api<c.PersonDetail>(base(personId));
}

export function usePerson(personId: string) {
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: personKeys.detail(personId),
    queryFn: async () => {
      const person = await fetchPerson(personId);
      // The server has put the person first in "Senast öppnade": read that folder and its count
      // again when next shown (not now, so opening a person costs no extra requests).
      void queryClient.invalidateQueries({ queryKey: deskKeys.overview, exact: true, refetchType: 'none' });
      void queryClient.invalidateQueries({ queryKey: deskKeys.recent, refetchType: 'none' });
      return person;
    },
  });
}

export function useAddresses(personId: string, enabled: boolean) {
  return useQuery({ queryKey: personKeys.addresses(personId), queryFn: () => api<c.Address[]>(`${base(personId)}/addresses`), enabled });
}

export function useAccessLog(personId: string) {
  return useQuery({ queryKey: personKeys.accessLog(personId), queryFn: () => api<AccessLog>(`${base(personId)}/access-log`) });
}

export function useDetailList<L extends DetailListName>(personId: string, list: L) {
  return useQuery({ queryKey: personKeys.list(personId, list), queryFn: () => api<DetailItems[L][]>(`${base(personId)}/${list}`) });
}

export function registerPerson(body: c.RegisterPersonRequest) {
  return api<{ id: string; alreadyRegistered: boolean }>('/api/persons', { method: 'POST', body });
}

export type Section = 'core' | 'contact' | 'visit-info' | 'important-info';
export function savePersonSection(personId: string, section: Section, body: object) {
  return api<c.PersonDetail>(`${base(personId)}/${section}`, { method: 'PUT', body });
}

export function addAddress(personId: string, body: c.NewAddress) {
  return api<c.Address[]>(`${base(personId)}/addresses`, { method: 'POST', body });
}

export function revealProtected(personId: string, reason: string) {
  return api<RevealedIdentity>(`${base(personId)}/reveal`, { method: 'POST', body: { reason } });
}

export function addDetail<L extends DetailListName>(personId: string, list: L, body: object) {
  return api<DetailItems[L][]>(`${base(personId)}/${list}`, { method: 'POST', body });
}

export function updateDetail<L extends DetailListName>(personId: string, list: L, itemId: string, body: object) {
  return api<DetailItems[L][]>(`${base(personId)}/${list}/${encodeURIComponent(itemId)}`, { method: 'PUT', body });
}

export function removeDetail<L extends DetailListName>(personId: string, list: L, itemId: string, version: number) {
  return api<DetailItems[L][]>(`${base(personId)}/${list}/${encodeURIComponent(itemId)}`, { method: 'DELETE', query: { version } });
}
