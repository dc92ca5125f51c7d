/**
 * Adress: the registered address now and before. A new address is added from a date (the old one
 * stays in the history). A protected identity's address is shown only after "Visa skyddade
 * uppgifter", and then only the current one.
 */
import { useState, type FormEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { Address, PersonDetail } from '../../../../contract/persons.ts';
import { todayInSweden } from '../../../../domain/dates.ts';
import { Alert, StatusMessage } from '../../../components/Alert.tsx';
import { Button } from '../../../components/Button.tsx';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { FieldList, checkFields, type FieldSpec } from '../../../components/FieldList.tsx';
import { orNull, unmatchedErrors, useForm } from '../../../components/form.ts';
import { Spinner } from '../../../components/Spinner.tsx';
import { Table } from '../../../components/Table.tsx';
import { useSubmit } from '../../../components/useSubmit.ts';
import { formatDate } from '../../../format.ts';
import { addAddress, personKeys, useAddresses, type RevealedIdentity } from '../persons.api.ts';
import { refreshVisitSummary } from '../../visits/visits.api.ts';

export function AddressTab({ person, revealed }: { person: PersonDetail; revealed: RevealedIdentity | null }) {
  const isHidden = person.protectedIdentity && !revealed;
  const history = useAddresses(person.id, !person.protectedIdentity);
  const current = person.protectedIdentity ? (revealed?.currentAddress ?? null) : person.currentAddress;
  return (
    <section className="section">
      <h2>Adress</h2>
      {isHidden ? (
        <Alert tone="info" role="note">
          Adressen är skyddad.{' '}
          {person.permissions.canRevealProtected
            ? 'Välj Visa skyddade uppgifter för att se den.'
            : 'Den visas bara för den som behöver den.'}
        </Alert>
      ) : (
        <>
          <h3>Folkbokföringsadress</h3>
          {current ? <AddressBlock address={current} /> : <p>Ingen adress registrerad.</p>}
          {!person.protectedIdentity && (
            <>
              <h3>Adresshistorik</h3>
              {history.isPending && <Spinner />}
              <ErrorAlert error={history.error} />
              {history.data && (
                <Table
                  caption="Adresser, senaste först"
                  captionHidden
                  rows={history.data}
                  rowKey={(address) => address.id}
                  empty="Ingen adress registrerad."
                  columns={[
                    {
                      key: 'from',
                      header: 'Gäller från',
                      className: 'nowrap',
                      isRowHeader: true,
                      render: (a) => formatDate(a.validFrom),
                    },
                    { key: 'street', header: 'Gatuadress', render: (a) => a.street },
                    { key: 'careOf', header: 'c/o', render: (a) => a.careOf ?? '–' },
                    { key: 'postal', header: 'Postnummer', className: 'nowrap', render: (a) => a.postalCode },
                    { key: 'city', header: 'Ort', render: (a) => a.city },
                  ]}
                />
              )}
            </>
          )}
        </>
      )}
      {person.permissions.canEditCore && !isHidden && <NewAddressForm person={person} />}
    </section>
  );
}

function AddressBlock({ address }: { address: Address }) {
  return (
    <address className="address-block">
      {address.careOf && (
        <>
          c/o {address.careOf}
          <br />
        </>
      )}
      {address.street}
      <br />
      {address.postalCode} {address.city}
      <br />
      <span className="muted">Från {formatDate(address.validFrom)}</span>
    </address>
  );
}

interface AddressValues {
  street: string;
  careOf: string;
  postalCode: string;
  city: string;
  validFrom: string;
}
const FIELDS: readonly FieldSpec<AddressValues>[] = [
  { key: 'street', label: 'Gatuadress', kind: 'text', required: true, autoComplete: 'off', maxLength: 200 },
  { key: 'careOf', label: 'c/o', kind: 'text', maxLength: 200 },
  { key: 'postalCode', label: 'Postnummer', kind: 'text', required: true, maxLength: 6, hint: '123 45' },
  { key: 'city', label: 'Ort', kind: 'text', required: true, maxLength: 100 },
  { key: 'validFrom', label: 'Gäller från', kind: 'date', required: true },
];

function NewAddressForm({ person }: { person: PersonDetail }) {
  const queryClient = useQueryClient();
  const empty = (): AddressValues => ({ street: '', careOf: '', postalCode: '', city: '', validFrom: todayInSweden() });
  const form = useForm<AddressValues>(empty);
  const [isOpen, setIsOpen] = useState(false);
  const { isBusy: isSaving, failure, setFailure, run } = useSubmit(form);
  const [saved, setSaved] = useState<string | null>(null);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    const errors = checkFields(FIELDS, form.values);
    if (form.values.postalCode.trim() && !/^\d{3} ?\d{2}$/.test(form.values.postalCode.trim()))
      errors.postalCode = 'Ange postnummer som 123 45.';
    if (Object.keys(errors).length > 0) return form.fail(errors);
    await run(async () => {
      const list = await addAddress(person.id, {
        street: form.values.street.trim(),
        careOf: orNull(form.values.careOf),
        postalCode: form.values.postalCode.trim(),
        city: form.values.city.trim(),
        validFrom: form.values.validFrom.trim(),
      });
      // A protected identity's history is not shown, so it is not kept either.
      if (!person.protectedIdentity) queryClient.setQueryData(personKeys.addresses(person.id), list);
      await queryClient.invalidateQueries({ queryKey: personKeys.detail(person.id), exact: true });
      refreshVisitSummary(queryClient, person.id);
      form.setValues(empty());
      form.setErrors({});
      setIsOpen(false);
      setSaved('Adressen är tillagd.');
    });
  };

  return (
    <div className="subsection">
      <StatusMessage message={saved} />
      {!isOpen ? (
        <Button
          onClick={() => {
            setIsOpen(true);
            setSaved(null);
          }}
        >
          Lägg till ny adress
        </Button>
      ) : (
        <form
          ref={form.formRef}
          onSubmit={onSubmit}
          noValidate
          className="form form--boxed"
          aria-labelledby="new-address-title"
        >
          <h3 id="new-address-title">Ny adress</h3>
          <ErrorAlert
            error={failure}
            details={unmatchedErrors(
              form.errors,
              FIELDS.map((field) => field.key),
            )}
            focusable
          />
          <FieldList fields={FIELDS} form={form} />
          <div className="button-row">
            <Button type="submit" variant="primary" busy={isSaving}>
              Spara adress
            </Button>
            <Button onClick={() => setIsOpen(false)}>Avbryt</Button>
          </div>
        </form>
      )}
    </div>
  );
}
