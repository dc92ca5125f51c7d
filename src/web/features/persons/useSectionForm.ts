/**
 * One tab of a person's details as a versioned form. All tabs share the person's version; see
 * useVersionedForm for how a save in one tab keeps the others from conflicting.
 */
import { useQueryClient } from '@tanstack/react-query';
import type { PersonDetail } from '../../../contract/persons.ts';
import type { FieldSpec } from '../../components/FieldList.tsx';
import type { FieldErrors } from '../../components/form.ts';
import { useVersionedForm } from '../../components/useVersionedForm.ts';
import { fetchPerson, personKeys, savePersonSection, type Section, type SectionFields } from './persons.api.ts';
import { refreshVisitSummary } from '../visits/visits.api.ts';

interface Options<V extends object, S extends Section> {
  person: PersonDetail;
  section: S;
  fields: readonly FieldSpec<V>[];
  toValues: (person: PersonDetail) => V;
  /** The section's request body but its version, which the form adds. */
  toBody: (values: V) => SectionFields<S>;
  validate?: (values: V) => FieldErrors;
}

export function useSectionForm<V extends object, S extends Section>(options: Options<V, S>) {
  const { person, section, fields, toValues, toBody, validate } = options;
  const queryClient = useQueryClient();
  return useVersionedForm<PersonDetail, V>({
    entity: person,
    fields,
    toValues,
    ...(validate ? { validate } : {}),
    save: async (values, version) => {
      const updated = await savePersonSection(person.id, section, toBody(values), version);
      // The other tabs follow the new version through the cache; lists show names and dates.
      queryClient.setQueryData(personKeys.detail(person.id), updated);
      // Inför besöket, above the tabs, shows the phone, door code and notes just saved.
      refreshVisitSummary(queryClient, person.id);
      void queryClient.invalidateQueries({ queryKey: ['persons'] });
      void queryClient.invalidateQueries({ queryKey: ['desk'] });
      return updated;
    },
    reload: () =>
      queryClient.fetchQuery({
        queryKey: personKeys.detail(person.id),
        queryFn: () => fetchPerson(person.id),
        staleTime: 0,
      }),
  });
}
