/**
 * The case page's small forms, each in a dialog: end a decision (saying first what that does at
 * the provider), close the case, change the case officer. Each sends the version it read, so a
 * change made meanwhile by someone else is a 409 with the server's message rather than a silent
 * overwrite.
 */
import type { FormEvent, ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { END_REASONS } from '../../../domain/vocabulary.ts';
import { todayInSweden } from '../../../domain/dates.ts';
import { Button } from '../../components/Button.tsx';
import { Dialog } from '../../components/Dialog.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { checkFields, type FieldSpec } from '../../components/FieldList.tsx';
import { Select } from '../../components/Select.tsx';
import { Spinner } from '../../components/Spinner.tsx';
import { DateInput } from '../../components/DateInput.tsx';
import { TextInput } from '../../components/TextInput.tsx';
import { unmatchedErrors, useForm, type FieldErrors } from '../../components/form.ts';
import { useSubmit } from '../../components/useSubmit.ts';
import { periodText } from './caseLabels.ts';
import { DecisionEndPreview } from './DecisionEndPreview.tsx';
import {
  applyCaseView,
  changeCaseOfficer,
  closeCase,
  endDecision,
  useCaseStaffing,
  type CaseView,
  type Decision,
} from './cases.api.ts';

const OTHER_REASON = 'Annan orsak';
const REASON_OPTIONS = END_REASONS.map((reason) => ({ value: reason, label: reason }));

interface EndingValues {
  day: string;
  reason: string;
  otherReason: string;
}

const DAY_FIELD: FieldSpec<EndingValues>[] = [{ key: 'day', label: 'Datum', kind: 'date', required: true }];

/** The reason as the API takes it: a listed reason, or the text written for "Annan orsak". */
function endReasonOf(values: EndingValues): string {
  return values.reason === OTHER_REASON ? values.otherReason.trim() : values.reason;
}

function checkEnding(values: EndingValues): FieldErrors {
  const errors = checkFields(DAY_FIELD, values);
  if (!values.reason) errors.reason = 'Välj avslutsorsak.';
  else if (values.reason === OTHER_REASON && !values.otherReason.trim()) errors.otherReason = 'Beskriv orsaken.';
  return errors;
}

/** The server names the fields day and reason differently per route; they land on these fields. */
function endingErrors(fieldErrors: FieldErrors, dayKey: string): FieldErrors {
  const { [dayKey]: day, endReason, ...rest } = fieldErrors;
  return { ...rest, ...(day ? { day } : {}), ...(endReason ? { reason: endReason } : {}) };
}

interface EndingFormProps {
  dayLabel: string;
  dayHint: string;
  submitLabel: string;
  onSubmit: (values: { day: string; endReason: string }) => Promise<void>;
  dayKey: string;
  onClose: () => void;
  /** What the ending will do, shown before the buttons for the day typed. */
  consequences?: (day: string) => ReactNode;
}

function EndingForm({ dayLabel, dayHint, submitLabel, onSubmit, dayKey, onClose, consequences }: EndingFormProps) {
  const form = useForm<EndingValues>({ day: todayInSweden(), reason: '', otherReason: '' });
  const { isBusy, failure, setFailure, run } = useSubmit(form);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    const errors = checkEnding(form.values);
    if (Object.keys(errors).length) return form.fail(errors);
    await run(
      async () => {
        await onSubmit({ day: form.values.day.trim(), endReason: endReasonOf(form.values) });
        onClose();
      },
      { fieldErrorsOf: (error) => endingErrors(error.fieldErrors, dayKey) },
    );
  };
  return (
    <form ref={form.formRef} onSubmit={submit} noValidate className="form">
      <ErrorAlert
        error={failure}
        details={unmatchedErrors(form.errors, ['day', 'reason', 'otherReason', 'version'])}
        focusable
      />
      <DateInput label={dayLabel} required hint={dayHint} {...form.text('day')} />
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
      {consequences?.(form.values.day.trim())}
      <div className="button-row">
        <Button type="submit" variant="primary" busy={isBusy}>
          {submitLabel}
        </Button>
        <Button onClick={onClose}>Avbryt</Button>
      </div>
    </form>
  );
}

/** Each dialog says what it did through `onDone`, as every other action says "Klart: …". */
type Done = (notice: string) => void;

export function EndDecisionDialog({
  decision,
  open,
  onClose,
  onDone,
}: {
  decision: Decision;
  open: boolean;
  onClose: () => void;
  onDone: Done;
}) {
  const queryClient = useQueryClient();
  return (
    <Dialog open={open} title={`Avsluta beslut ${decision.decisionNumber}`} onClose={onClose}>
      {open && (
        <>
          <p>Beslutsperiod: {periodText(decision.periodFrom, decision.periodTo)}.</p>
          <EndingForm
            dayLabel="Sista dag beslutet gäller"
            dayHint="ÅÅÅÅ-MM-DD, inom beslutsperioden."
            submitLabel="Avsluta beslut"
            dayKey="endedOn"
            onClose={onClose}
            consequences={(day) => <DecisionEndPreview decisionId={decision.id} endedOn={day} />}
            onSubmit={async ({ day, endReason }) => {
              applyCaseView(
                queryClient,
                await endDecision(decision.id, { endedOn: day, endReason, version: decision.version }),
              );
              onDone(`Beslut ${decision.decisionNumber} är avslutat. Sista dag beslutet gäller: ${day}.`);
            }}
          />
        </>
      )}
    </Dialog>
  );
}

interface CaseDialogProps {
  view: CaseView;
  open: boolean;
  onClose: () => void;
  onDone: Done;
}

export function CloseCaseDialog({ view, open, onClose, onDone }: CaseDialogProps) {
  const queryClient = useQueryClient();
  return (
    <Dialog open={open} title={`Avsluta ärende ${view.caseNumber}`} onClose={onClose}>
      {open && (
        <>
          <p>
            Alla beslut måste vara avslutade eller ha löpt ut senast avslutsdagen. Personens koppling till
            myndighetsenheten upphör samma dag.
          </p>
          <p>
            Uppdrag som fortfarande väntar under utförarens Nya uppdrag återkallas, och utföraren får ett meddelande.
          </p>
          <EndingForm
            dayLabel="Avslutsdatum"
            dayHint="ÅÅÅÅ-MM-DD, i dag eller tidigare."
            submitLabel="Avsluta ärende"
            dayKey="closedOn"
            onClose={onClose}
            onSubmit={async ({ day, endReason }) => {
              applyCaseView(queryClient, await closeCase(view.id, { closedOn: day, endReason, version: view.version }));
              onDone(`Ärende ${view.caseNumber} är avslutat ${day}.`);
            }}
          />
        </>
      )}
    </Dialog>
  );
}

export function ChangeOfficerDialog({ view, open, onClose, onDone }: CaseDialogProps) {
  return (
    <Dialog open={open} title="Byt handläggare" onClose={onClose}>
      {open && <ChangeOfficerForm view={view} onClose={onClose} onDone={onDone} />}
    </Dialog>
  );
}

function ChangeOfficerForm({ view, onClose, onDone }: Omit<CaseDialogProps, 'open'>) {
  const staffing = useCaseStaffing();
  const queryClient = useQueryClient();
  const form = useForm<{ caseOfficerId: string }>({ caseOfficerId: view.caseOfficer.id });
  const { isBusy, failure, setFailure, run } = useSubmit(form);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    if (!form.values.caseOfficerId) return form.fail({ caseOfficerId: 'Välj handläggare.' });
    await run(async () => {
      const changed = await changeCaseOfficer(view.id, {
        caseOfficerId: form.values.caseOfficerId,
        version: view.version,
      });
      applyCaseView(queryClient, changed);
      onDone(`Ärendets handläggare är nu ${changed.caseOfficer.name}.`);
      onClose();
    });
  };
  if (staffing.isPending) return <Spinner />;
  if (staffing.error) return <ErrorAlert error={staffing.error} />;
  return (
    <form ref={form.formRef} onSubmit={submit} noValidate className="form">
      <ErrorAlert error={failure} details={unmatchedErrors(form.errors, ['caseOfficerId', 'version'])} focusable />
      <Select
        label="Handläggare"
        required
        options={staffing.data.caseOfficers.map((officer) => ({ value: officer.id, label: officer.name }))}
        {...form.text('caseOfficerId')}
      />
      <div className="button-row">
        <Button type="submit" variant="primary" busy={isBusy}>
          Spara
        </Button>
        <Button onClick={onClose}>Avbryt</Button>
      </div>
    </form>
  );
}
