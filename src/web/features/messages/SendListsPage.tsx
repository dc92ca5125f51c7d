/**
 * Sändlistor: the lists the user keeps (their units' lists), and a form to start a new one. Which
 * units and whether a list may be the alarm group is the server's answer, not guessed here.
 */
import type { FormEvent } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { useQueryClient } from '@tanstack/react-query';
import { Button } from '../../components/Button.tsx';
import { Checkbox } from '../../components/Checkbox.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { Select } from '../../components/Select.tsx';
import { Spinner } from '../../components/Spinner.tsx';
import { Table } from '../../components/Table.tsx';
import { TextInput } from '../../components/TextInput.tsx';
import { unmatchedErrors, useForm, type FieldErrors } from '../../components/form.ts';
import { useSubmit } from '../../components/useSubmit.ts';
import { createSendList, storeSendList, useSendLists, type SendListSummary } from './messages.api.ts';

export const ALARM_GROUP_LABEL = 'Larmgrupp';

export function SendListsPage() {
  const lists = useSendLists();
  return (
    <section className="page">
      <PageTitle>Sändlistor</PageTitle>
      <p className="lead">
        Sändlistor som dina enheter håller. Den som skriver ett meddelande kan välja en lista som mottagare; meddelandet
        går då till listans aktiva medlemmar.
      </p>
      {lists.isPending && <Spinner />}
      <ErrorAlert error={lists.error} />
      {lists.data && (
        <>
          <Table<SendListSummary>
            caption="Sändlistor du håller"
            captionHidden
            rows={lists.data.sendLists}
            rowKey={(list) => list.id}
            empty="Dina enheter har inga sändlistor ännu."
            rowClassName={(list) => (list.isActive ? undefined : 'row--inactive')}
            columns={[
              {
                key: 'name',
                header: 'Namn',
                isRowHeader: true,
                render: (list) => <Link to={`/sandlistor/${list.id}`}>{list.name}</Link>,
              },
              { key: 'unit', header: 'Enhet', render: (list) => list.unitName },
              {
                key: 'purpose',
                header: 'Syfte',
                render: (list) => (list.purpose === 'alarm_group' ? ALARM_GROUP_LABEL : '–'),
              },
              { key: 'members', header: 'Aktiva medlemmar', className: 'numeric', render: (list) => list.memberCount },
              { key: 'status', header: 'Status', render: (list) => (list.isActive ? 'Används' : 'Avstängd') },
            ]}
          />
          {lists.data.unitsForNewLists.length > 0 && <NewSendListForm units={lists.data.unitsForNewLists} />}
        </>
      )}
    </section>
  );
}

interface Values {
  unitId: string;
  name: string;
  isAlarmGroup: boolean;
}

function NewSendListForm({ units }: { units: { id: string; name: string; canSetPurpose: boolean }[] }) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const form = useForm<Values>({ unitId: units.length === 1 ? units[0]!.id : '', name: '', isAlarmGroup: false });
  const { isBusy, failure, setFailure, run } = useSubmit(form);
  const unit = units.find((candidate) => candidate.id === form.values.unitId);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    const errors: FieldErrors = {};
    if (!form.values.unitId) errors.unitId = 'Välj enhet.';
    if (!form.values.name.trim()) errors.name = 'Obligatoriskt.';
    if (Object.keys(errors).length > 0) return form.fail(errors);
    await run(async () => {
      const created = await createSendList({
        unitId: form.values.unitId,
        name: form.values.name.trim(),
        purpose: unit?.canSetPurpose && form.values.isAlarmGroup ? 'alarm_group' : null,
      });
      storeSendList(queryClient, created);
      navigate(`/sandlistor/${created.id}`, { state: { notice: 'Sändlistan är skapad. Lägg till medlemmar.' } });
    });
  };

  return (
    <form ref={form.formRef} onSubmit={onSubmit} noValidate className="form form--boxed send-list-form">
      <h2>Ny sändlista</h2>
      <ErrorAlert error={failure} details={unmatchedErrors(form.errors, ['unitId', 'name', 'purpose'])} focusable />
      <div className="form-grid">
        <Select
          label="Enhet"
          required
          placeholder="Välj enhet"
          options={units.map((candidate) => ({ value: candidate.id, label: candidate.name }))}
          {...form.text('unitId')}
        />
        <TextInput
          label="Namn"
          required
          maxLength={120}
          autoComplete="off"
          hint="T.ex. Nattpatrullen"
          {...form.text('name')}
        />
      </div>
      {unit?.canSetPurpose && (
        <Checkbox
          label={ALARM_GROUP_LABEL}
          hint="Uppdrag med trygghetslarm skickas också till den här listan."
          {...form.check('isAlarmGroup')}
          error={form.errors.purpose}
        />
      )}
      <div className="button-row">
        <Button type="submit" variant="primary" busy={isBusy}>
          Skapa sändlista
        </Button>
      </div>
    </form>
  );
}
