/** Persons (src/contract/persons.ts, person-details.ts): queries and changes, one function per route. */
import { useQuery } from '@tanstack/react-query';
import type * as c from '../../../contract/persons.ts';
import type { PersonKey, ReferencePerson, Relative } from '../../../contract/person-details.ts';
import { call, http, type RequestBody } from '../../api/client.ts';
import { personDetailKey } from '../../api/person.ts';

export type DetailListName = 'relatives' | 'reference-persons' | 'keys';
export interface DetailItems {
  relatives: Relative;
  'reference-persons': ReferencePerson;
  keys: PersonKey;
}
export type RevealedIdentity = { firstName: string; lastName: string; currentAddress: c.Address | null };
export type AccessLog = c.AccessLogEntryList;

export const personKeys = {
  search: (q: string) => ['persons', 'search', q] as const,
  detail: personDetailKey,
  addresses: (id: string) => ['person', id, 'addresses'] as const,
  accessLog: (id: string) => ['person', id, 'access-log'] as const,
  list: (id: string, list: DetailListName) => ['person', id, list] as const,
};

const byPerson = (personId: string) => ({ params: { path: { personId } } });

export function usePersonSearch(q: string) {
  return useQuery({
    queryKey: personKeys.search(q),
    queryFn: (): Promise<c.PersonSearchResult> => call(http.GET('/api/persons', { params: { query: { q } } })),
    enabled: q.trim() !== '',
  });
}

export { fetchPerson, usePerson } from '../../api/person.ts';

export function useAddresses(personId: string, enabled: boolean) {
  return useQuery({
    queryKey: personKeys.addresses(personId),
    enabled,
    queryFn: (): Promise<c.Address[]> => call(http.GET('/api/persons/{personId}/addresses', byPerson(personId))),
  });
}

export function useAccessLog(personId: string) {
  return useQuery({
    queryKey: personKeys.accessLog(personId),
    queryFn: (): Promise<AccessLog> => call(http.GET('/api/persons/{personId}/access-log', byPerson(personId))),
  });
}

export function registerPerson(body: c.RegisterPersonRequest) {
  return call(http.POST('/api/persons', { body }));
}

export type Section = 'core' | 'contact' | 'visit-info' | 'important-info';
/** What each section's PUT takes: the section's fields and the person's version. */
export interface SectionBodies {
  core: RequestBody<'/api/persons/{personId}/core', 'put'>;
  contact: RequestBody<'/api/persons/{personId}/contact', 'put'>;
  'visit-info': RequestBody<'/api/persons/{personId}/visit-info', 'put'>;
  'important-info': RequestBody<'/api/persons/{personId}/important-info', 'put'>;
}

/** A section's fields: its request body but the version, which savePersonSection adds. */
export type SectionFields<S extends Section> = Omit<SectionBodies[S], 'version'>;

// One typed call per section; indexing this by a section keeps the body's type tied to the section.
const sectionSavers: {
  [S in Section]: (personId: string, fields: SectionFields<S>, version: number) => Promise<c.PersonDetail>;
} = {
  core: (personId, fields, version) =>
    call(http.PUT('/api/persons/{personId}/core', { ...byPerson(personId), body: { ...fields, version } })),
  contact: (personId, fields, version) =>
    call(http.PUT('/api/persons/{personId}/contact', { ...byPerson(personId), body: { ...fields, version } })),
  'visit-info': (personId, fields, version) =>
    call(http.PUT('/api/persons/{personId}/visit-info', { ...byPerson(personId), body: { ...fields, version } })),
  'important-info': (personId, fields, version) =>
    call(http.PUT('/api/persons/{personId}/important-info', { ...byPerson(personId), body: { ...fields, version } })),
};

/** Saves one section of the person at the version the form last read. */
export function savePersonSection<S extends Section>(
  personId: string,
  section: S,
  fields: SectionFields<S>,
  version: number,
) {
  return sectionSavers[section](personId, fields, version);
}

export function addAddress(personId: string, body: c.NewAddress): Promise<c.Address[]> {
  return call(http.POST('/api/persons/{personId}/addresses', { ...byPerson(personId), body }));
}

export function revealProtected(personId: string, reason: string): Promise<RevealedIdentity> {
  return call(http.POST('/api/persons/{personId}/reveal', { ...byPerson(personId), body: { reason } }));
}

/** The calls of one list of a person's details (relatives, reference persons, keys). */
interface DetailListCalls<L extends DetailListName> {
  list: (personId: string) => Promise<DetailItems[L][]>;
  add: (personId: string, body: DetailBodies[L]['add']) => Promise<DetailItems[L][]>;
  update: (personId: string, itemId: string, body: DetailBodies[L]['update']) => Promise<DetailItems[L][]>;
  remove: (personId: string, itemId: string, version: number) => Promise<DetailItems[L][]>;
}

export interface DetailBodies {
  relatives: {
    add: RequestBody<'/api/persons/{personId}/relatives', 'post'>;
    update: RequestBody<'/api/persons/{personId}/relatives/{itemId}', 'put'>;
  };
  'reference-persons': {
    add: RequestBody<'/api/persons/{personId}/reference-persons', 'post'>;
    update: RequestBody<'/api/persons/{personId}/reference-persons/{itemId}', 'put'>;
  };
  keys: {
    add: RequestBody<'/api/persons/{personId}/keys', 'post'>;
    update: RequestBody<'/api/persons/{personId}/keys/{itemId}', 'put'>;
  };
}

const item = (personId: string, itemId: string) => ({ params: { path: { personId, itemId } } });
const itemVersion = (personId: string, itemId: string, version: number) => ({
  params: { path: { personId, itemId }, query: { version } },
});

const detailLists: { [L in DetailListName]: DetailListCalls<L> } = {
  relatives: {
    list: (personId) => call(http.GET('/api/persons/{personId}/relatives', byPerson(personId))),
    add: (personId, body) => call(http.POST('/api/persons/{personId}/relatives', { ...byPerson(personId), body })),
    update: (personId, itemId, body) =>
      call(http.PUT('/api/persons/{personId}/relatives/{itemId}', { ...item(personId, itemId), body })),
    remove: (personId, itemId, version) =>
      call(http.DELETE('/api/persons/{personId}/relatives/{itemId}', itemVersion(personId, itemId, version))),
  },
  'reference-persons': {
    list: (personId) => call(http.GET('/api/persons/{personId}/reference-persons', byPerson(personId))),
    add: (personId, body) =>
      call(http.POST('/api/persons/{personId}/reference-persons', { ...byPerson(personId), body })),
    update: (personId, itemId, body) =>
      call(http.PUT('/api/persons/{personId}/reference-persons/{itemId}', { ...item(personId, itemId), body })),
    remove: (personId, itemId, version) =>
      call(http.DELETE('/api/persons/{personId}/reference-persons/{itemId}', itemVersion(personId, itemId, version))),
  },
  keys: {
    list: (personId) => call(http.GET('/api/persons/{personId}/keys', byPerson(personId))),
    add: (personId, body) => call(http.POST('/api/persons/{personId}/keys', { ...byPerson(personId), body })),
    update: (personId, itemId, body) =>
      call(http.PUT('/api/persons/{personId}/keys/{itemId}', { ...item(personId, itemId), body })),
    remove: (personId, itemId, version) =>
      call(http.DELETE('/api/persons/{personId}/keys/{itemId}', itemVersion(personId, itemId, version))),
  },
};

export function fetchDetailList<L extends DetailListName>(personId: string, list: L): Promise<DetailItems[L][]> {
  return detailLists[list].list(personId);
}

export function useDetailList<L extends DetailListName>(personId: string, list: L) {
  return useQuery({ queryKey: personKeys.list(personId, list), queryFn: () => fetchDetailList(personId, list) });
}

export function addDetail<L extends DetailListName>(personId: string, list: L, body: DetailBodies[L]['add']) {
  return detailLists[list].add(personId, body);
}

export function updateDetail<L extends DetailListName>(
  personId: string,
  list: L,
  itemId: string,
  body: DetailBodies[L]['update'],
) {
  return detailLists[list].update(personId, itemId, body);
}

export function removeDetail<L extends DetailListName>(personId: string, list: L, itemId: string, version: number) {
  return detailLists[list].remove(personId, itemId, version);
}
