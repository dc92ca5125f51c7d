/**
 * Rätta: corrects a row sent to delivery — its start date (verkställighetsdatum) and the fields
 * registered on it — with a reason kept in the row's history. The unit and the period are shown
 * but not changed here: they are a change of provider, a change of time or an ending. A changed
 * start date is told to the case officer by the server.
 */
import type { FormEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { todayInSweden } from '../../../domain/dates.ts';
import { startDateCorrectionProblem } from '../../../domain/delivery-rules.ts';
import { Button } from '../../components/Button.tsx';
import { Dialog } from '../../components/Dialog.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { DateInput } from '../../components/DateInput.tsx';
import { TextInput } from '../../components/TextInput.tsx';
import { unmatchedErrors, useForm, type FieldErrors } from '../../components/form.ts';
import { useSubmit } from '../../components/useSubmit.ts';
import { correctDelivery, refreshDeliveries, type DeliveryRow } from './deliveries.api.ts';
import { toCorrection } from './correction.ts';
import { rowErrors, rowValuesOf, type RowField, type RowValues } from './deliveryForm.ts';
import { DeliveryRowFields } from './DeliveryRowFields.tsx';
import { rowName } from './DeliveryTable.tsx';

type Values = RowValues & { startedOn: string; note: string };

const FIELDS: readonly string[] = [
  'label',
  'formOfDelivery',
  'resource',
  'resourceUse',
  'watchDate',
  'hoursPerVisit',
  'extraHoursTwoStaff',
  'days',
  'frequency',
  'frequencyUnit',
  'startedOn',
  'note',
];
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const START_HINT =
  'ÅÅÅÅ-MM-DD, inom radens period och inte senare än i dag. Töm fältet bara om datumet registrerades av misstag ' +
  'och insatsen inte har börjat. Handläggaren får ett meddelande om datumet ändras.';

interface CorrectDialogProps {
  row: DeliveryRow;
  onClose: () => void;
  /** Said on the page after the correction. */
  onDone: (notice: string) => void;
}

export function CorrectDialog({ row, onClose, onDone }: CorrectDialogProps) {
  return (
    <Dialog open title={`Rätta ${rowName(row)}`} onClose={onClose} describedBy="correct-intro">
      <CorrectForm row={row} onClose={onClose} onDone={onDone} />
    </Dialog>
  );
}

/** The start date as the form sends it: only a registered one can be changed or removed. */
const hasStartField = (row: DeliveryRow) => row.startedOn !== null && row.continuesDeliveryId === null;

function check(row: DeliveryRow, values: Values): FieldErrors {
  const errors: FieldErrors = {};
  const own = rowErrors(values);
  for (const key of FIELDS) if (own[key as RowField]) errors[key] = own[key as RowField]!;
  const startedOn = values.startedOn.trim();
  if (hasStartField(row)) {
    const problem =
      startedOn && !DATE.test(startedOn)
        ? 'Ange datum som ÅÅÅÅ-MM-DD.'
        : startDateCorrectionProblem(
            { ...row, hasInterruptions: row.interruptions.length > 0 },
            startedOn || null,
            todayInSweden(),
          );
    if (problem) errors.startedOn = problem;
  }
  if (!values.note.trim()) errors.note = 'Skriv varför raden rättas.';
  return errors;
}

function CorrectForm({ row, onClose, onDone }: CorrectDialogProps) {
  const queryClient = useQueryClient();
  const form = useForm<Values>(() => ({ ...rowValuesOf(row), startedOn: row.startedOn ?? '', note: '' }));
  const { isBusy, failure, setFailure, run } = useSubmit(form);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    const errors = check(row, form.values);
    if (Object.keys(errors).length) return form.fail(errors);
    form.setErrors({});
    const startedOn = hasStartField(row) ? form.values.startedOn.trim() || null : row.startedOn;
    await run(async () => {
      await correctDelivery(row.id, toCorrection(form.values, startedOn, form.values.note, row.version));
      void refreshDeliveries(queryClient, row.assignmentId);
      onDone(
        `${rowName(row)} är rättad.${startedOn !== row.startedOn ? ' Handläggaren har fått ett meddelande om verkställighetsdatum.' : ''}`,
      );
    });
  };

  return (
    <form ref={form.formRef} onSubmit={submit} noValidate className="form">
      <p id="correct-intro">
        Rätta uppgifter som registrerades fel. Rättelsen sparas i radens historik med orsak, vem och när.
      </p>
      <ErrorAlert error={failure} details={unmatchedErrors(form.errors, FIELDS)} />
      {hasStartField(row) ? (
        <DateInput label="Verkställighetsdatum" hint={START_HINT} {...form.text('startedOn')} />
      ) : (
        <p>
          {row.continuesDeliveryId
            ? 'Raden fortsätter en rad som ändrats i tid; verkställighetsdatum står kvar på raden där insatsen började.'
            : 'Inget verkställighetsdatum är registrerat. Registrera det med Registrera verkställighetsdatum när insatsen har börjat.'}
        </p>
      )}
      <DeliveryRowFields
        values={form.values}
        units={[row.providerUnit]}
        errors={form.errors}
        isUnitAndPeriodFixed
        isPlannedInVisits={!row.isPersonalAlarm}
        onChange={(values) => form.setValues((current) => ({ ...current, ...values }))}
      />
      <TextInput label="Orsak till rättelsen" required multiline rows={3} maxLength={2000} {...form.text('note')} />
      <div className="button-row">
        <Button type="submit" variant="primary" busy={isBusy}>
          Spara rättelsen
        </Button>
        <Button onClick={onClose}>Avbryt</Button>
      </div>
    </form>
  );
}
