/**
 * Byt utförare: choose the rows that move (sent to delivery, same assignment and unit), the new
 * unit from the tree of the service area's other providers, and the first day with the new
 * provider; confirm a summary; then the new assignment is sent and the manager is offered to
 * write to those concerned. The rows end the day before only once the new provider accepts.
 */
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { useQueryClient } from '@tanstack/react-query';
import { dayBefore } from '../../../domain/periods.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { Dialog } from '../../components/Dialog.tsx';
import { useForm, type FieldErrors } from '../../components/form.ts';
import { useSubmit } from '../../components/useSubmit.ts';
import type { ComposeDraft } from '../../api/messageDraft.ts';
import { refreshDeliveries, type DeliveryRow } from '../deliveries/deliveries.api.ts';
import { rowName } from '../deliveries/DeliveryTable.tsx';
import { dateProblem } from './changeForm.tsx';
import { requestProviderChange, useProviderChangeTargets, type ProviderChangeResult } from './deliveryChanges.api.ts';
import { ProviderChangeForm, type ChangeValues } from './ProviderChangeForm.tsx';

interface ProviderChangeDialogProps {
  row: DeliveryRow;
  /** The person's rows: those of the same assignment and unit may move together. */
  rows: readonly DeliveryRow[];
  open: boolean;
  onClose: () => void;
}

export function ProviderChangeDialog({ row, rows, open, onClose }: ProviderChangeDialogProps) {
  return (
    <Dialog open={open} title={`Byt utförare – ${row.providerUnit.name}`} onClose={onClose}>
      {open && <ProviderChange row={row} rows={rows} onClose={onClose} />}
    </Dialog>
  );
}

/** Rows that may move together with this one. */
export function movableWith(row: DeliveryRow, rows: readonly DeliveryRow[]): DeliveryRow[] {
  const candidates = rows.filter(
    (other) =>
      other.status === 'sent_to_delivery' &&
      other.permissions.canChange &&
      other.assignmentId === row.assignmentId &&
      other.providerUnit.id === row.providerUnit.id,
  );
  return candidates.some((other) => other.id === row.id) ? candidates : [row, ...candidates];
}

function check(values: ChangeValues): FieldErrors {
  const errors: FieldErrors = {};
  if (values.deliveryIds.length === 0) errors.deliveryIds = 'Välj minst en insats.';
  if (!values.toProviderUnitId) errors.toProviderUnitId = 'Välj en utförarenhet.';
  const day = dateProblem(values.changeDate, true);
  if (day) errors.changeDate = day;
  return errors;
}

/** The server names rows by position (deliveryIds.1); the form shows them on the row list. */
function formErrors(fieldErrors: FieldErrors): FieldErrors {
  const errors: FieldErrors = {};
  for (const [key, message] of Object.entries(fieldErrors)) {
    const target = key.startsWith('deliveryIds') ? 'deliveryIds' : key;
    errors[target] = errors[target] ? `${errors[target]} ${message}` : message;
  }
  return errors;
}

function ProviderChange({
  row,
  rows,
  onClose,
}: {
  row: DeliveryRow;
  rows: readonly DeliveryRow[];
  onClose: () => void;
}) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const targets = useProviderChangeTargets(row.id, true);
  const candidates = movableWith(row, rows);
  const form = useForm<ChangeValues>({ deliveryIds: [row.id], toProviderUnitId: '', changeDate: '', note: '' });
  const [step, setStep] = useState<'form' | 'confirm'>('form');
  const { isBusy, failure, setFailure, run } = useSubmit(form);
  const [done, setDone] = useState<ProviderChangeResult | null>(null);

  const chosenRows = candidates.filter((candidate) => form.values.deliveryIds.includes(candidate.id));
  const target = targets.data?.providers
    .flatMap((provider) => provider.units.map((unit) => ({ provider, unit })))
    .find(({ unit }) => unit.id === form.values.toProviderUnitId);

  const review = () => {
    setFailure(null);
    const errors = check(form.values);
    if (Object.keys(errors).length) return form.fail(errors);
    form.setErrors({});
    setStep('confirm');
  };

  const send = async () => {
    setFailure(null);
    await run(
      async () => {
        const { values } = form;
        setDone(
          await requestProviderChange(row.personId, {
            deliveryIds: values.deliveryIds,
            toProviderUnitId: values.toProviderUnitId,
            changeDate: values.changeDate.trim(),
            note: values.note.trim() || null,
          }),
        );
        void refreshDeliveries(queryClient, row.assignmentId);
      },
      {
        // Back to the form with everything as typed; the server's reasons land on their fields.
        onError: () => {
          setStep('form');
          return false;
        },
        fieldErrorsOf: (error) => formErrors(error.fieldErrors),
      },
    );
  };

  const writeMessage = () => {
    if (!done) return;
    const draft: ComposeDraft = {
      recipients: done.concerned.map(({ kind, id, label, detail }) => ({ kind, id, label, detail })),
      subject: `Byte av utförare fr.o.m. ${done.change.changeDate} – ${done.change.rows.map((moved) => moved.name).join(', ')}`,
      personId: done.personId,
    };
    navigate(`/meddelanden/nytt?uppdrag=${encodeURIComponent(done.change.fromAssignment.id)}`, { state: { draft } });
  };

  if (done) {
    return (
      <>
        <Alert
          tone="success"
          title={`Uppdrag ${done.change.toAssignment.assignmentNumber} är skickat till ${done.change.toUnit.name}.`}
        >
          <p>
            Bytet väntar på svar från den nya utföraren ({done.recipientCount} mottagare har fått meddelande).
            Accepterar de uppdraget avslutas insatserna här {done.change.lastDayWithOldProvider}; stoppar de det ligger
            insatserna kvar hos er.
          </p>
        </Alert>
        <p>Vill du skicka ett meddelande till berörda?</p>
        <div className="button-row">
          <Button variant="primary" onClick={writeMessage}>
            Ja, skriv meddelande
          </Button>
          <Button onClick={onClose} autoFocus>
            Nej
          </Button>
        </div>
      </>
    );
  }
  if (step === 'confirm') {
    return (
      <>
        <div className="dialog__body">
          <p>Kontrollera bytet innan det skickas:</p>
          <dl className="change-summary">
            <dt>Insatser som flyttas</dt>
            <dd>
              <ul>
                {chosenRows.map((chosen) => (
                  <li key={chosen.id}>{rowName(chosen)}</li>
                ))}
              </ul>
            </dd>
            <dt>Sista dag hos {row.providerUnit.name}</dt>
            <dd>{dayBefore(form.values.changeDate.trim())}</dd>
            <dt>Ny utförare från {form.values.changeDate.trim()}</dt>
            <dd>{target ? `${target.provider.name} – ${target.unit.name}` : '–'}</dd>
            {form.values.note.trim() && (
              <>
                <dt>Meddelande till den nya utföraren</dt>
                <dd className="preserve-lines">{form.values.note.trim()}</dd>
              </>
            )}
          </dl>
          <p>
            Ett nytt uppdrag skickas till {target?.provider.name ?? 'den nya utföraren'}. Insatserna avslutas här först
            när uppdraget accepteras.
          </p>
        </div>
        <div className="button-row">
          <Button variant="primary" onClick={send} busy={isBusy}>
            Skicka byte av utförare
          </Button>
          <Button onClick={() => setStep('form')}>Tillbaka</Button>
        </div>
      </>
    );
  }
  return (
    <ProviderChangeForm
      row={row}
      candidates={candidates}
      targets={targets}
      form={form}
      failure={failure}
      onReview={review}
      onClose={onClose}
    />
  );
}
