/**
 * Personuppgifter: identity, names, protection and civil details. Editable with canEditCore. The
 * identity number is checked as the user types (the same rules as the server), and birth date and
 * sex follow from it, so they are shown rather than asked.
 */
import type { PersonDetail } from '../../../../contract/persons.ts';
import { parseIdentityNumber } from '../../../../domain/identity-number.ts';
import type { FieldSpec } from '../../../components/FieldList.tsx';
import { orNull, type FieldErrors } from '../../../components/form.ts';
import { IDENTITY_KIND_LABELS, MARITAL_STATUS_LABELS, SEX_LABELS, optionsOf } from '../../../i18n/labels.ts';
import type { RevealedIdentity } from '../persons.api.ts';
import { VersionedForm } from '../../../components/VersionedForm.tsx';
import { useSectionForm } from '../useSectionForm.ts';

interface CoreValues {
  identityNumber: string;
  firstName: string;
  lastName: string;
  protectedIdentity: boolean;
  contactLanguage: string;
  needsInterpreter: boolean;
  /** One of MARITAL_STATUS_LABELS' keys (the select offers no other), or '' for none. */
  maritalStatus: PersonDetail['maritalStatus'] | '';
  citizenship: string;
  bornAbroad: string;
  deceasedDate: string;
}

const MASKED = 'Skyddad identitet';

export function CoreTab({ person, revealed }: { person: PersonDetail; revealed: RevealedIdentity | null }) {
  // Names of a protected identity are masked until revealed; the form cannot be saved without them.
  const isMasked = person.firstName === null && !revealed;
  const toValues = (p: PersonDetail): CoreValues => ({
    identityNumber: p.identityNumber,
    firstName: p.firstName ?? revealed?.firstName ?? MASKED,
    lastName: p.lastName ?? revealed?.lastName ?? MASKED,
    protectedIdentity: p.protectedIdentity,
    contactLanguage: p.contactLanguage ?? '',
    needsInterpreter: p.needsInterpreter,
    maritalStatus: p.maritalStatus ?? '',
    citizenship: p.citizenship ?? '',
    bornAbroad: p.bornAbroad === null ? '' : p.bornAbroad ? 'yes' : 'no',
    deceasedDate: p.deceasedDate ?? '',
  });
  const state = useSectionForm<CoreValues, 'core'>({
    person,
    section: 'core',
    fields: FIELDS,
    toValues,
    toBody: (v) => ({
      identityNumber: v.identityNumber.trim(),
      firstName: v.firstName.trim(),
      lastName: v.lastName.trim(),
      protectedIdentity: v.protectedIdentity,
      contactLanguage: orNull(v.contactLanguage),
      needsInterpreter: v.needsInterpreter,
      maritalStatus: v.maritalStatus || null,
      citizenship: orNull(v.citizenship),
      bornAbroad: v.bornAbroad === '' ? null : v.bornAbroad === 'yes',
      deceasedDate: v.deceasedDate.trim() === '' ? null : v.deceasedDate.trim(),
    }),
    validate: (v): FieldErrors => {
      const parsed = parseIdentityNumber(v.identityNumber);
      return parsed.ok ? {} : { identityNumber: parsed.error };
    },
  });

  const fields = FIELDS.map((field) =>
    field.key === 'identityNumber' ? { ...field, hint: identityHint(state.form.values.identityNumber) } : field,
  );
  const readOnlyNote = isMasked
    ? 'Personen har skyddad identitet. Visa skyddade uppgifter för att kunna ändra personuppgifterna.'
    : undefined;
  return (
    <VersionedForm
      title="Personuppgifter"
      state={state}
      fields={fields}
      canEdit={person.permissions.canEditCore && !isMasked}
      readOnlyNote={readOnlyNote}
    />
  );
}

function identityHint(text: string): string {
  const parsed = parseIdentityNumber(text);
  if (!parsed.ok) return 'ÅÅÅÅMMDD-NNNN. Födelsedatum och kön räknas fram ur numret.';
  const { kind, birthDate, sex } = parsed.value;
  return `${IDENTITY_KIND_LABELS[kind]}, född ${birthDate}, ${SEX_LABELS[sex].toLowerCase()}.`;
}

const FIELDS: readonly FieldSpec<CoreValues>[] = [
  { key: 'identityNumber', label: 'Personnummer', kind: 'text', required: true, maxLength: 20 },
  { key: 'firstName', label: 'Förnamn', kind: 'text', required: true, maxLength: 100 },
  { key: 'lastName', label: 'Efternamn', kind: 'text', required: true, maxLength: 100 },
  {
    key: 'protectedIdentity',
    label: 'Skyddad identitet',
    kind: 'checkbox',
    hint: 'Sekretessmarkering eller skyddad folkbokföring: namn och adress visas inte i listor.',
  },
  { key: 'contactLanguage', label: 'Kontaktspråk', kind: 'text', maxLength: 60 },
  { key: 'needsInterpreter', label: 'Behöver tolk', kind: 'checkbox' },
  {
    key: 'maritalStatus',
    label: 'Civilstånd',
    kind: 'select',
    placeholder: 'Uppgift saknas',
    options: optionsOf(MARITAL_STATUS_LABELS),
  },
  { key: 'citizenship', label: 'Medborgarskap', kind: 'text', maxLength: 60 },
  {
    key: 'bornAbroad',
    label: 'Utrikesfödd',
    kind: 'select',
    placeholder: 'Uppgift saknas',
    options: [
      { value: 'yes', label: 'Ja' },
      { value: 'no', label: 'Nej' },
    ],
  },
  { key: 'deceasedDate', label: 'Dödsdatum', kind: 'date', hint: 'ÅÅÅÅ-MM-DD. Lämna tomt om personen lever.' },
];
