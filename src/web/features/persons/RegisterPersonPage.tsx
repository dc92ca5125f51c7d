/**
 * Registrera person: identity number (checked as typed with the same rules as the server), names,
 * protection, and an optional address. A number already registered links the person to the unit.
 */
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router-dom';
import { useQueryClient } from '@tanstack/react-query';
import { parseIdentityNumber } from '../../../domain/identity-number.ts';
import { Button } from '../../components/Button.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { FieldList, checkFields, type FieldSpec } from '../../components/FieldList.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { TextInput } from '../../components/TextInput.tsx';
import { orNull, unmatchedErrors, useForm, type FieldErrors } from '../../components/form.ts';
import { useSubmit } from '../../components/useSubmit.ts';
import { useSession } from '../../session/session.tsx';
import { IDENTITY_KIND_LABELS, SEX_LABELS } from '../../i18n/labels.ts';
import { registerPerson } from './persons.api.ts';

interface Values {
  identityNumber: string;
  firstName: string;
  lastName: string;
  protectedIdentity: boolean;
  'address.street': string;
  'address.careOf': string;
  'address.postalCode': string;
  'address.city': string;
  'address.validFrom': string;
}

const PERSON_FIELDS: readonly FieldSpec<Values>[] = [
  { key: 'firstName', label: 'Förnamn', kind: 'text', required: true, maxLength: 100 },
  { key: 'lastName', label: 'Efternamn', kind: 'text', required: true, maxLength: 100 },
  {
    key: 'protectedIdentity',
    label: 'Skyddad identitet',
    kind: 'checkbox',
    hint: 'Sekretessmarkering eller skyddad folkbokföring: namn och adress visas inte i listor.',
  },
];
const ADDRESS_FIELDS: readonly FieldSpec<Values>[] = [
  { key: 'address.street', label: 'Gatuadress', kind: 'text', maxLength: 200 },
  { key: 'address.careOf', label: 'c/o', kind: 'text', maxLength: 200 },
  { key: 'address.postalCode', label: 'Postnummer', kind: 'text', maxLength: 6, hint: '123 45' },
  { key: 'address.city', label: 'Ort', kind: 'text', maxLength: 100 },
  { key: 'address.validFrom', label: 'Gäller från', kind: 'date', hint: 'ÅÅÅÅ-MM-DD. Tomt betyder i dag.' },
];
const ADDRESS_KEYS = ADDRESS_FIELDS.map((field) => field.key);

export function RegisterPersonPage() {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { position } = useSession();
  const form = useForm<Values>({
    identityNumber: '',
    firstName: '',
    lastName: '',
    protectedIdentity: false,
    'address.street': '',
    'address.careOf': '',
    'address.postalCode': '',
    'address.city': '',
    'address.validFrom': '',
  });
  const { isBusy, failure, setFailure, run } = useSubmit(form);
  const [hasTouchedNumber, setHasTouchedNumber] = useState(false);
  const v = form.values;
  const parsed = parseIdentityNumber(v.identityNumber);
  const hasAddress = ADDRESS_KEYS.some((key) => String(v[key]).trim() !== '');
  // Instant feedback once the user has left the field; before that, silence while they type.
  const numberError =
    form.errors.identityNumber ??
    (hasTouchedNumber && v.identityNumber.trim() && !parsed.ok ? parsed.error : undefined);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    const errors: FieldErrors = checkFields(PERSON_FIELDS, v);
    if (!parsed.ok) errors.identityNumber = parsed.error;
    if (hasAddress) {
      for (const key of ['address.street', 'address.postalCode', 'address.city'] as const)
        if (!v[key].trim()) errors[key] = 'Obligatoriskt när du anger en adress.';
      if (v['address.postalCode'].trim() && !/^\d{3} ?\d{2}$/.test(v['address.postalCode'].trim()))
        errors['address.postalCode'] = 'Ange postnummer som 123 45.';
      Object.assign(
        errors,
        checkFields(
          ADDRESS_FIELDS.filter((field) => field.kind === 'date'),
          v,
        ),
      );
    }
    if (Object.keys(errors).length > 0) return form.fail(errors);
    await run(async () => {
      const result = await registerPerson({
        identityNumber: v.identityNumber.trim(),
        firstName: v.firstName.trim(),
        lastName: v.lastName.trim(),
        protectedIdentity: v.protectedIdentity,
        ...(hasAddress
          ? {
              address: {
                street: v['address.street'].trim(),
                careOf: orNull(v['address.careOf']),
                postalCode: v['address.postalCode'].trim(),
                city: v['address.city'].trim(),
                ...(v['address.validFrom'].trim() ? { validFrom: v['address.validFrom'].trim() } : {}),
              },
            }
          : {}),
      });
      void queryClient.invalidateQueries({ queryKey: ['desk'] });
      const notice = result.alreadyRegistered
        ? 'Personen fanns redan och har kopplats till din enhet.'
        : 'Personen är registrerad.';
      navigate(`/personer/${result.id}`, { state: { notice } });
    });
  };

  const numberHint = parsed.ok
    ? `${IDENTITY_KIND_LABELS[parsed.value.kind]}, född ${parsed.value.birthDate}, ${SEX_LABELS[parsed.value.sex].toLowerCase()}.`
    : 'Personnummer, samordningsnummer eller reservnummer, t.ex. 19121212-1212.';
  return (
    <section className="page">
      <PageTitle>Registrera person</PageTitle>
      <p className="lead">Personen kopplas till {position?.unitName ?? 'din enhet'}.</p>
      <form ref={form.formRef} onSubmit={onSubmit} noValidate className="form">
        <ErrorAlert
          error={failure}
          details={unmatchedErrors(form.errors, [
            'identityNumber',
            ...PERSON_FIELDS.map((f) => f.key),
            ...ADDRESS_KEYS,
          ])}
          focusable
        />
        <div className="form-grid">
          <TextInput
            label="Personnummer"
            required
            maxLength={20}
            hint={numberHint}
            autoComplete="off"
            spellCheck={false}
            {...form.text('identityNumber')}
            error={numberError}
            onBlur={() => setHasTouchedNumber(true)}
          />
        </div>
        <FieldList fields={PERSON_FIELDS} form={form} />
        <fieldset className="fieldset">
          <legend>Folkbokföringsadress (frivillig)</legend>
          <FieldList fields={ADDRESS_FIELDS} form={form} />
        </fieldset>
        <div className="button-row">
          <Button type="submit" variant="primary" busy={isBusy}>
            Registrera
          </Button>
          <Button onClick={() => navigate(-1)}>Avbryt</Button>
        </div>
      </form>
    </section>
  );
}
