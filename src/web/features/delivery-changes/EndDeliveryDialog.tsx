/**
 * Rätta/Avsluta: ends a row on a day with a reason from the fixed list (or "Annan orsak" with a
 * free text). The case officer is told by the server; the answer says whether anything else of
 * the decision still runs, so the manager knows what the officer will do next, and what became
 * of the row's interruptions (those past the last day end on it or are removed).
 */
import { useState, type FormEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { EndResult } from '../../../contract/delivery-changes.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { Dialog } from '../../components/Dialog.tsx';
import { Select } from '../../components/Select.tsx';
import { TextInput } from '../../components/TextInput.tsx';
import { unmatchedErrors, useForm, type FieldErrors } from '../../components/form.ts';
import { useSubmit } from '../../components/useSubmit.ts';
import { refreshDeliveries, type DeliveryRow } from '../deliveries/deliveries.api.ts';
import { periodText } from '../deliveries/deliveryForm.ts';
import { rowName } from '../deliveries/DeliveryTable.tsx';
import {
  ChangeFailure,
  DateInput,
  OTHER_REASON,
  REASON_OPTIONS,
  dateProblem,
  reasonErrors,
  reasonFieldErrors,
  reasonOf,
} from './changeForm.tsx';
import { endDelivery } from './deliveryChanges.api.ts';
import { InterruptionOutcome, InterruptionRule } from './InterruptionOutcome.tsx';

interface Values {
  endOn: string;
  reason: string;
  otherReason: string;
}

export function EndDeliveryDialog({ row, open, onClose }: { row: DeliveryRow; open: boolean; onClose: () => void }) {
  return (
    <Dialog open={open} title={`Rätta/Avsluta – ${rowName(row)}`} onClose={onClose}>
      {open && <EndForm row={row} onClose={onClose} />}
    </Dialog>
  );
}

function check(values: Values): FieldErrors {
  const errors: FieldErrors = {};
  const day = dateProblem(values.endOn, true);
  if (day) errors.endOn = day;
  return { ...errors, ...reasonErrors(values) };
}

function EndForm({ row, onClose }: { row: DeliveryRow; onClose: () => void }) {
  const queryClient = useQueryClient();
  const form = useForm<Values>({ endOn: row.periodTo ?? '', reason: '', otherReason: '' });
  const { isBusy, failure, setFailure, run } = useSubmit(form);
  const [done, setDone] = useState<EndResult | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    const errors = check(form.values);
    if (Object.keys(errors).length) return form.fail(errors);
    const endReason = reasonOf(form.values);
    await run(
      async () => {
        setDone(await endDelivery(row.id, { endOn: form.values.endOn.trim(), endReason, version: row.version }));
        void refreshDeliveries(queryClient, row.assignmentId);
      },
      { fieldErrorsOf: ({ fieldErrors }) => reasonFieldErrors(fieldErrors, form.values) },
    );
  };

  if (done) {
    return (
      <>
        <Alert tone="success" title={`Insatsen är avslutad ${done.delivery.periodTo}.`}>
          <p>{done.caseOfficerName} har fått ett meddelande om att insatsen avslutas.</p>
          <p>
            {done.hasOtherOngoingRows
              ? 'Andra insatser enligt beslutet pågår eller är planerade.'
              : 'Inga andra insatser enligt beslutet pågår efter slutdatumet: handläggaren kan avsluta beslut och ärende.'}
          </p>
          <InterruptionOutcome changes={done.interruptions} after="ended" />
        </Alert>
        <div className="button-row">
          <Button variant="primary" onClick={onClose} autoFocus>
            Stäng
          </Button>
        </div>
      </>
    );
  }
  return (
    <form ref={form.formRef} onSubmit={submit} noValidate className="form">
      <div className="dialog__body">
        <p>
          Period: {periodText(row.periodFrom, row.periodTo)} ({row.providerUnit.name})
          {row.startedOn ? `, verkställd från ${row.startedOn}` : ''}.
        </p>
        <p>Handläggaren får ett meddelande om att insatsen avslutas.</p>
        <InterruptionRule count={row.interruptions.length} after="ended" />
        {row.permissions.canCancel && (
          <p>
            Har insatsen inte börjat? Använd <strong>Avbryt före start</strong> i stället: raden avslutas då utan att ha
            gällt någon dag.
          </p>
        )}
      </div>
      <ChangeFailure
        error={failure}
        details={unmatchedErrors(form.errors, ['endOn', 'reason', 'otherReason', 'version'])}
      />
      <DateInput
        label="Sista dag"
        required
        autoFocus
        hint={`ÅÅÅÅ-MM-DD, från ${row.startedOn ?? row.periodFrom}${row.periodTo ? ` till ${row.periodTo}` : ''}.`}
        {...form.text('endOn')}
      />
      <Select
        label="Avslutsorsak"
        required
        placeholder="Välj orsak"
        options={REASON_OPTIONS}
        {...form.text('reason')}
      />
      {form.values.reason === OTHER_REASON && (
        <TextInput label="Beskriv orsaken" required maxLength={200} {...form.text('otherReason')} />
      )}
      <div className="button-row">
        <Button type="submit" variant="danger" busy={isBusy}>
          Avsluta insatsen
        </Button>
        <Button onClick={onClose}>Avbryt</Button>
      </div>
    </form>
  );
}
