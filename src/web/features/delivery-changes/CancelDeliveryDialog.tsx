/**
 * Avbryt före start: a row that has not begun (no start date, no interruption) is cancelled with a
 * reason. It ends the day before its first day, so it covers no day, and the case officer is told
 * by the server. Offered only where the server says the row may be (permissions.canCancel);
 * Rätta/Avsluta is for a row that has begun, whose last day lies within it.
 */
import { useState, type FormEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { CancelResult } from '../../../contract/delivery-changes.ts';
import { cancelledLastDay } from '../../../domain/delivery-rules.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { Dialog } from '../../components/Dialog.tsx';
import { Select } from '../../components/Select.tsx';
import { TextInput } from '../../components/TextInput.tsx';
import { unmatchedErrors, useForm } from '../../components/form.ts';
import { useSubmit } from '../../components/useSubmit.ts';
import { refreshDeliveries, type DeliveryRow } from '../deliveries/deliveries.api.ts';
import { periodText } from '../deliveries/deliveryForm.ts';
import { rowName } from '../deliveries/DeliveryTable.tsx';
import {
  ChangeFailure,
  OTHER_REASON,
  REASON_OPTIONS,
  reasonErrors,
  reasonFieldErrors,
  reasonOf,
  type ReasonValues,
} from './changeForm.tsx';
import { cancelDelivery } from './deliveryChanges.api.ts';

export function CancelDeliveryDialog({ row, open, onClose }: { row: DeliveryRow; open: boolean; onClose: () => void }) {
  return (
    <Dialog open={open} title={`Avbryt före start – ${rowName(row)}`} onClose={onClose} describedBy="cancel-intro">
      {open && <CancelForm row={row} onClose={onClose} />}
    </Dialog>
  );
}

function CancelForm({ row, onClose }: { row: DeliveryRow; onClose: () => void }) {
  const queryClient = useQueryClient();
  const form = useForm<ReasonValues>({ reason: '', otherReason: '' });
  const { isBusy, failure, setFailure, run } = useSubmit(form);
  const [done, setDone] = useState<CancelResult | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    const errors = reasonErrors(form.values);
    if (Object.keys(errors).length) return form.fail(errors);
    await run(
      async () => {
        setDone(await cancelDelivery(row.id, { endReason: reasonOf(form.values), version: row.version }));
        void refreshDeliveries(queryClient, row.assignmentId);
      },
      { fieldErrorsOf: ({ fieldErrors }) => reasonFieldErrors(fieldErrors, form.values) },
    );
  };

  if (done) {
    return (
      <>
        <Alert tone="success" title="Raden är avbruten före start.">
          <p>{done.caseOfficerName} har fått ett meddelande om att insatsen inte verkställs på den här raden.</p>
          <p>
            {done.hasOtherOngoingRows
              ? 'Andra insatser enligt beslutet pågår eller är planerade.'
              : 'Ingen annan insats enligt beslutet pågår eller är planerad: handläggaren kan avsluta beslut och ärende.'}
          </p>
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
      <div className="dialog__body" id="cancel-intro">
        <p>
          Raden {periodText(row.periodFrom, row.periodTo)} ({row.providerUnit.name}) har inte börjat. Den avslutas dagen
          före sin första dag, {cancelledLastDay(row.periodFrom)}, och räknas inte som verkställd.
        </p>
        <p>Handläggaren får ett meddelande. Det går inte att ångra.</p>
      </div>
      <ChangeFailure error={failure} details={unmatchedErrors(form.errors, ['reason', 'otherReason', 'version'])} />
      <Select
        label="Avslutsorsak"
        required
        placeholder="Välj orsak"
        options={REASON_OPTIONS}
        autoFocus
        {...form.text('reason')}
      />
      {form.values.reason === OTHER_REASON && (
        <TextInput label="Beskriv orsaken" required maxLength={200} {...form.text('otherReason')} />
      )}
      <div className="button-row">
        <Button type="submit" variant="danger" busy={isBusy}>
          Avbryt raden
        </Button>
        <Button onClick={onClose}>Behåll raden</Button>
      </div>
    </form>
  );
}
