/**
 * Avbrott: a row's interruptions, newest first, each flagged when it was not resumed within three
 * months ("rapporteras till IVO"); the unit's management adds new ones and records resumption.
 */
import { useId, useState, type FormEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Button } from '../../components/Button.tsx';
import { Dialog } from '../../components/Dialog.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Spinner } from '../../components/Spinner.tsx';
import { StatusMessage } from '../../components/Alert.tsx';
import { TextInput } from '../../components/TextInput.tsx';
import { unmatchedErrors, useForm, type FieldErrors } from '../../components/form.ts';
import { useSubmit } from '../../components/useSubmit.ts';
import { refreshDeliveries, type DeliveryRow } from '../deliveries/deliveries.api.ts';
import { periodText } from '../deliveries/deliveryForm.ts';
import { rowName } from '../deliveries/DeliveryTable.tsx';
import { ChangeFailure, DateInput, dateProblem } from './changeForm.tsx';
import { addInterruption, updateInterruption, useInterruptions, type InterruptionView } from './deliveryChanges.api.ts';
import './deliveryChanges.css';

export function InterruptionsDialog({ row, open, onClose }: { row: DeliveryRow; open: boolean; onClose: () => void }) {
  return (
    <Dialog open={open} title={`Avbrott – ${rowName(row)}`} onClose={onClose}>
      {open && <Interruptions row={row} onClose={onClose} />}
    </Dialog>
  );
}

function Interruptions({ row, onClose }: { row: DeliveryRow; onClose: () => void }) {
  const list = useInterruptions(row.id, true);
  const [saved, setSaved] = useState<string | null>(null);
  if (list.isPending) return <Spinner label="Hämtar avbrott …" />;
  if (list.isError) return <ErrorAlert error={list.error} />;
  const { items, canRegister } = list.data;
  return (
    <>
      <p>
        Period: {periodText(row.periodFrom, row.periodTo)} ({row.providerUnit.name}). Ett avbrott som inte återupptagits
        inom tre månader från första dagen ska rapporteras till IVO.
      </p>
      {items.length === 0 ? (
        <p className="muted">Inga avbrott är registrerade.</p>
      ) : (
        <ul className="interruption-list" aria-label="Registrerade avbrott">
          {items.map((item) => (
            <InterruptionItem key={item.id} item={item} canEdit={canRegister} onSaved={setSaved} />
          ))}
        </ul>
      )}
      <StatusMessage message={saved} />
      {canRegister && <NewInterruptionForm row={row} onSaved={setSaved} />}
      <div className="button-row">
        <Button onClick={onClose}>Stäng</Button>
      </div>
    </>
  );
}

function InterruptionItem({
  item,
  canEdit,
  onSaved,
}: {
  item: InterruptionView;
  canEdit: boolean;
  onSaved: (message: string) => void;
}) {
  const [isEditing, setIsEditing] = useState(false);
  return (
    <li className="interruption">
      <p className="interruption__period">
        {item.toDate ? `${item.fromDate}–${item.toDate}` : `Från ${item.fromDate}, ej återupptaget`}
      </p>
      <p>{item.reason}</p>
      {item.isReportable ? (
        <p className="interruption__flag">
          <span aria-hidden="true">! </span>Ej återupptaget inom tre månader – rapporteras till IVO.
        </p>
      ) : (
        !item.toDate && (
          <p className="muted">
            Återuppta senast {item.reportDeadline} för att avbrottet inte ska rapporteras till IVO.
          </p>
        )
      )}
      <p className="muted">Registrerat av {item.createdByName}.</p>
      {canEdit && !isEditing && (
        <Button variant="quiet" onClick={() => setIsEditing(true)}>
          {item.toDate ? 'Ändra återupptagande' : 'Återuppta'}
        </Button>
      )}
      {isEditing && (
        <ResumeForm
          item={item}
          onDone={(message) => {
            setIsEditing(false);
            if (message) onSaved(message);
          }}
        />
      )}
    </li>
  );
}

function ResumeForm({ item, onDone }: { item: InterruptionView; onDone: (message: string | null) => void }) {
  const queryClient = useQueryClient();
  const form = useForm({ toDate: item.toDate ?? '', reason: item.reason });
  const { isBusy, failure, setFailure, run } = useSubmit(form);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    const errors: FieldErrors = {};
    const day = dateProblem(form.values.toDate, false);
    if (day) errors.toDate = day;
    if (!form.values.reason.trim()) errors.reason = 'Obligatoriskt.';
    if (Object.keys(errors).length) return form.fail(errors);
    await run(
      async () => {
        await updateInterruption(item.id, {
          toDate: form.values.toDate.trim() || null,
          reason: form.values.reason.trim(),
          version: item.version,
        });
        void refreshDeliveries(queryClient);
        onDone('Avbrottet är sparat.');
      },
      {
        // An overlap found when resuming is about the end: it lands on the field being typed.
        fieldErrorsOf: ({ fieldErrors: { fromDate, ...rest } }) => ({
          ...rest,
          ...(fromDate ? { toDate: fromDate } : {}),
        }),
      },
    );
  };
  return (
    <form ref={form.formRef} onSubmit={submit} noValidate className="form form--boxed">
      <ChangeFailure error={failure} details={unmatchedErrors(form.errors, ['toDate', 'reason', 'version'])} />
      <DateInput
        label="Sista dag utan insats"
        hint="ÅÅÅÅ-MM-DD. Insatsen återupptas dagen efter. Lämna tomt om den inte är återupptagen."
        {...form.text('toDate')}
      />
      <TextInput label="Orsak" required maxLength={300} {...form.text('reason')} />
      <div className="button-row">
        <Button type="submit" variant="primary" busy={isBusy}>
          Spara
        </Button>
        <Button onClick={() => onDone(null)}>Avbryt</Button>
      </div>
    </form>
  );
}

function NewInterruptionForm({ row, onSaved }: { row: DeliveryRow; onSaved: (message: string) => void }) {
  const queryClient = useQueryClient();
  const form = useForm({ fromDate: '', toDate: '', reason: '' });
  const headingId = useId();
  const { isBusy, failure, setFailure, run } = useSubmit(form);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    const errors: FieldErrors = {};
    const from = dateProblem(form.values.fromDate, true);
    const to = dateProblem(form.values.toDate, false);
    if (from) errors.fromDate = from;
    if (to) errors.toDate = to;
    if (!form.values.reason.trim()) errors.reason = 'Obligatoriskt.';
    if (Object.keys(errors).length) return form.fail(errors);
    await run(async () => {
      await addInterruption(row.id, {
        fromDate: form.values.fromDate.trim(),
        toDate: form.values.toDate.trim() || null,
        reason: form.values.reason.trim(),
      });
      form.setValues({ fromDate: '', toDate: '', reason: '' });
      void refreshDeliveries(queryClient);
      onSaved('Avbrottet är registrerat.');
    });
  };
  return (
    <form ref={form.formRef} onSubmit={submit} noValidate className="form form--boxed" aria-labelledby={headingId}>
      <h3 id={headingId}>Registrera avbrott</h3>
      <ChangeFailure error={failure} details={unmatchedErrors(form.errors, ['fromDate', 'toDate', 'reason'])} />
      <DateInput
        label="Första dag utan insats"
        required
        hint="ÅÅÅÅ-MM-DD, inom radens period."
        {...form.text('fromDate')}
      />
      <DateInput
        label="Sista dag utan insats"
        hint="ÅÅÅÅ-MM-DD. Lämna tomt om den inte är återupptagen."
        {...form.text('toDate')}
      />
      <TextInput label="Orsak" required maxLength={300} hint="T.ex. Sjukhusvistelse." {...form.text('reason')} />
      <div className="button-row">
        <Button type="submit" variant="primary" busy={isBusy}>
          Registrera avbrott
        </Button>
      </div>
    </form>
  );
}
