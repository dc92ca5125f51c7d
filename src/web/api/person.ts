/**
 * One person's details: read by the person page (features/persons) and by Skriv meddelande, which
 * names the person a message is about. Here, not in features/persons/, so that messages need not
 * import persons, which shows the desk's and the deliveries' parts and so, through them, messages.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { PersonDetail } from '../../contract/persons.ts';
import { call, http } from './client.ts';
import { deskKeys } from './queryKeys.ts';

/** The query key of one person's details (features/persons/persons.api.ts: personKeys.detail). */
export const personDetailKey = (id: string) => ['person', id] as const;

export function fetchPerson(personId: string): Promise<PersonDetail> {
  return call(http.GET('/api/persons/{personId}', { params: { path: { personId } } }));
}

export function usePerson(personId: string) {
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: personDetailKey(personId),
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
