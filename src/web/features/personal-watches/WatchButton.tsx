/**
 * "Bevaka": sets a personal watch on a person, or on one of the person's records (a case, an
 * assignment, a provider case), in a dialog asking Datum and Vad ska bevakas?. Used on the person
 * page and on the record pages; a polite status says what was saved.
 */
import { useState, type FormEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { PERSONAL_WATCH_NOTE_MAX } from '../../../domain/personal-watches.ts';
import { isIsoDate } from '../../../domain/periods.ts';
import { Button } from '../../components/Button.tsx';
import { DateInput } from '../../components/DateInput.tsx';
import { Dialog } from '../../components/Dialog.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { TextInput } from '../../components/TextInput.tsx';
import { unmatchedErrors, useForm } from '../../components/form.ts';
import { useSubmit } from '../../components/useSubmit.ts';
import { formatDate } from '../../format.ts';
import { createPersonalWatch, onPersonalWatchesChanged, type WatchRecord } from './personalWatches.api.ts';
import { watchRecordText } from './watchLabels.ts';
import './personalWatches.css';

interface WatchButtonProps {
  personId: string;
  /** The record the watch concerns, with what it is called ("Ärende Ä-2026-0001"); none = the person. */
  record?: WatchRecord & { label: string };
}

export function WatchButton({ personId, record }: WatchButtonProps) {
  const [isOpen, setIsOpen] = useState(false);
  const [message, setMessage] = useState('');
  return (
    <span className="watch-button">
      <Button onClick={() => setIsOpen(true)} aria-haspopup="dialog">
        Bevaka
      </Button>
      <span role="status" className="status-message">
        {message}
      </span>
      <Dialog open={isOpen} title="Ny bevakning" onClose={() => setIsOpen(false)}>
        {isOpen && (
          <WatchForm
            personId={personId}
            record={record}
            onClose={() => setIsOpen(false)}
            onSaved={(dueOn) => {
              setIsOpen(false);
              setMessage(`Bevakningen är sparad till ${formatDate(dueOn)}.`);
            }}
          />
        )}
      </Dialog>
    </span>
  );
}

interface Values {
  dueOn: string;
  note: string;
}

function WatchForm({
  personId,
  record,
  onClose,
  onSaved,
}: WatchButtonProps & { onClose: () => void; onSaved: (dueOn: string) => void }) {
  const queryClient = useQueryClient();
  const form = useForm<Values>({ dueOn: '', note: '' });
  const { isBusy, failure, setFailure, run } = useSubmit(form);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    const errors: Record<string, string> = {};
    const dueOn = form.values.dueOn.trim();
    if (!dueOn) errors.dueOn = 'Ange datum.';
    else if (!isIsoDate(dueOn)) errors.dueOn = 'Ange datum som ÅÅÅÅ-MM-DD.';
    if (!form.values.note.trim()) errors.note = 'Skriv vad som ska bevakas.';
    if (Object.keys(errors).length) return form.fail(errors);
    await run(async () => {
      const body = {
        dueOn,
        note: form.values.note.trim(),
        record: record ? { kind: record.kind, id: record.id } : null,
      };
      const saved = await createPersonalWatch(personId, body);
      onPersonalWatchesChanged(queryClient);
      onSaved(saved.dueOn);
    });
  };

  return (
    <form ref={form.formRef} onSubmit={onSubmit} noValidate className="form">
      <p className="muted">
        {record ? `Gäller ${watchRecordText(record, true)}.` : 'Gäller personen.'} Bara du ser bevakningen.
      </p>
      <ErrorAlert error={failure} details={unmatchedErrors(form.errors, ['dueOn', 'note'])} focusable />
      <DateInput label="Datum" required hint="ÅÅÅÅ-MM-DD" {...form.text('dueOn')} />
      <TextInput
        label="Vad ska bevakas?"
        required
        multiline
        rows={3}
        maxLength={PERSONAL_WATCH_NOTE_MAX}
        {...form.text('note')}
      />
      <div className="button-row">
        <Button type="submit" variant="primary" busy={isBusy}>
          Spara bevakning
        </Button>
        <Button onClick={onClose}>Avbryt</Button>
      </div>
    </form>
  );
}
