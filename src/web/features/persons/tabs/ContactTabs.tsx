/** Telefon/E-post, Besöksinfo and Viktigt att veta: provider-kept text, editable with canEditProviderTabs. */
import type { PersonDetail } from '../../../../contract/persons.ts';
import { Alert } from '../../../components/Alert.tsx';
import type { FieldSpec } from '../../../components/FieldList.tsx';
import { orNull, type FieldErrors } from '../../../components/form.ts';
import { VersionedForm } from '../../../components/VersionedForm.tsx';
import { useSectionForm } from '../useSectionForm.ts';

interface ContactValues {
  phone: string;
  mobilePhone: string;
  email: string;
}
const CONTACT_FIELDS: readonly FieldSpec<ContactValues>[] = [
  { key: 'phone', label: 'Telefon', kind: 'text', type: 'tel', maxLength: 40 },
  { key: 'mobilePhone', label: 'Mobiltelefon', kind: 'text', type: 'tel', maxLength: 40 },
  { key: 'email', label: 'E-post', kind: 'text', type: 'email', maxLength: 200 },
];

export function ContactTab({ person }: { person: PersonDetail }) {
  const state = useSectionForm<ContactValues, 'contact'>({
    person,
    section: 'contact',
    fields: CONTACT_FIELDS,
    toValues: (p) => ({ phone: p.phone ?? '', mobilePhone: p.mobilePhone ?? '', email: p.email ?? '' }),
    toBody: (v) => ({ phone: orNull(v.phone), mobilePhone: orNull(v.mobilePhone), email: orNull(v.email) }),
    validate: (v): FieldErrors =>
      v.email.trim() && !/^[^@\s]+@[^@\s]+$/.test(v.email.trim()) ? { email: 'Ange en giltig e-postadress.' } : {},
  });
  return (
    <VersionedForm
      title="Telefon och e-post"
      state={state}
      fields={CONTACT_FIELDS}
      canEdit={person.permissions.canEditProviderTabs}
      intro={<VisibleToOthers />}
    />
  );
}

interface VisitValues {
  doorCode: string;
  visitInfo: string;
}
const VISIT_FIELDS: readonly FieldSpec<VisitValues>[] = [
  { key: 'doorCode', label: 'Portkod', kind: 'text', maxLength: 60 },
  {
    key: 'visitInfo',
    label: 'Besöksinformation',
    kind: 'textarea',
    maxLength: 4000,
    hint: 'Hur man tar sig in, våning, hiss, parkering.',
  },
];

export function VisitInfoTab({ person }: { person: PersonDetail }) {
  const state = useSectionForm<VisitValues, 'visit-info'>({
    person,
    section: 'visit-info',
    fields: VISIT_FIELDS,
    toValues: (p) => ({ doorCode: p.doorCode ?? '', visitInfo: p.visitInfo ?? '' }),
    toBody: (v) => ({ doorCode: orNull(v.doorCode), visitInfo: orNull(v.visitInfo) }),
  });
  return (
    <VersionedForm
      title="Besöksinfo"
      state={state}
      fields={VISIT_FIELDS}
      canEdit={person.permissions.canEditProviderTabs}
      intro={<VisibleToOthers />}
    />
  );
}

interface ImportantValues {
  importantInfo: string;
}
const IMPORTANT_FIELDS: readonly FieldSpec<ImportantValues>[] = [
  {
    key: 'importantInfo',
    label: 'Viktigt att veta',
    kind: 'textarea',
    maxLength: 4000,
    hint: 'Till exempel var förbrukningsmaterial finns eller hur personen vill bli bemött.',
  },
];

export function ImportantInfoTab({ person }: { person: PersonDetail }) {
  const state = useSectionForm<ImportantValues, 'important-info'>({
    person,
    section: 'important-info',
    fields: IMPORTANT_FIELDS,
    toValues: (p) => ({ importantInfo: p.importantInfo ?? '' }),
    toBody: (v) => ({ importantInfo: orNull(v.importantInfo) }),
  });
  const warning = (
    <Alert tone="warning" role="note" title="Det du skriver här syns för andra användare.">
      <p>Skriv aldrig diagnoser eller annan hälso- och sjukvårdsinformation.</p>
    </Alert>
  );
  return (
    <VersionedForm
      title="Viktigt att veta"
      state={state}
      fields={IMPORTANT_FIELDS}
      canEdit={person.permissions.canEditProviderTabs}
      intro={warning}
    />
  );
}

/** The manuals' own reminder: notes on a person are read by colleagues in other units. */
export function VisibleToOthers() {
  return <p className="muted">Tänk på att uppgifterna syns för andra användare som arbetar med personen.</p>;
}
