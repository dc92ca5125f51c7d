/**
 * Skriv meddelande: recipients (users and send lists in one picker), subject and text. Opened from
 * a person page (?person=…) the message is about that person; from an assignment (?uppdrag=…)
 * about the assignment; "Svara" brings the sender and subject along. The hospital-discharge
 * routine is one message to Nattpatrullen and the home-care unit's manager at once.
 */
import { useState, type FormEvent } from 'react';
import { useLocation, useNavigate, useSearchParams } from 'react-router-dom';
import { useQueryClient } from '@tanstack/react-query';
import { Button } from '../../components/Button.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { TextInput } from '../../components/TextInput.tsx';
import { unmatchedErrors, useForm, type FieldErrors } from '../../components/form.ts';
import { personName } from '../../format.ts';
import { ProtectedTag } from '../../components/PersonTable.tsx';
import { useSubmit } from '../../components/useSubmit.ts';
import { usePerson } from '../../api/person.ts';
import type { ComposeDraft, Recipient } from '../../api/messageDraft.ts';
import { RecipientPicker } from './RecipientPicker.tsx';
import { refreshMessages, sendMessage } from './messages.api.ts';

interface Values {
  subject: string;
  body: string;
}
const RECIPIENT_KEYS = /^(recipients|recipientUserIds|sendListIds)(\.\d+)?$/;

export function ComposePage() {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [params] = useSearchParams();
  const draft = (useLocation().state as { draft?: ComposeDraft } | null)?.draft;
  const [recipients, setRecipients] = useState<Recipient[]>(draft?.recipients ?? []);
  const [personId, setPersonId] = useState<string | null>(draft?.personId ?? params.get('person'));
  const assignmentId = params.get('uppdrag');
  const form = useForm<Values>({ subject: draft?.subject ?? '', body: '' });
  const { isBusy, failure, setFailure, run } = useSubmit(form);
  const recipientError =
    Object.entries(form.errors)
      .filter(([key]) => RECIPIENT_KEYS.test(key))
      .map(([, message]) => message)
      .join(' ') || undefined;

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    const errors: FieldErrors = {};
    if (recipients.length === 0) errors.recipients = 'Välj minst en mottagare.';
    if (!form.values.subject.trim()) errors.subject = 'Obligatoriskt.';
    if (!form.values.body.trim()) errors.body = 'Obligatoriskt.';
    if (Object.keys(errors).length > 0) return form.fail(errors);
    await run(async () => {
      const sent = await sendMessage({
        recipientUserIds: recipients.filter((recipient) => recipient.kind === 'user').map((recipient) => recipient.id),
        sendListIds: recipients.filter((recipient) => recipient.kind === 'sendList').map((recipient) => recipient.id),
        subject: form.values.subject.trim(),
        body: form.values.body,
        personId,
        assignmentId,
      });
      refreshMessages(queryClient);
      navigate('/meddelanden/skickat', {
        state: { notice: `Meddelandet har skickats till ${sent.recipientCount} mottagare.` },
      });
    });
  };

  const unmatched = unmatchedErrors(form.errors, ['subject', 'body']).filter(
    (line) => !RECIPIENT_KEYS.test(line.split(':')[0] ?? ''),
  );
  return (
    <section className="page">
      <PageTitle>Skriv meddelande</PageTitle>
      <form ref={form.formRef} onSubmit={onSubmit} noValidate className="form">
        <ErrorAlert error={failure} details={unmatched} focusable />
        {personId && <AboutPerson personId={personId} onRemove={() => setPersonId(null)} />}
        {assignmentId && <p className="lead">Meddelandet gäller ett uppdrag och kopplas till det.</p>}
        <RecipientPicker
          label="Till"
          required
          error={recipientError}
          selected={recipients}
          onSelect={(recipient) => setRecipients((current) => [...current, recipient])}
          onRemove={(recipient) =>
            setRecipients((current) =>
              current.filter((other) => other.kind !== recipient.kind || other.id !== recipient.id),
            )
          }
        />
        <TextInput label="Ämne" required maxLength={200} autoComplete="off" {...form.text('subject')} />
        <TextInput
          label="Meddelande"
          required
          multiline
          rows={8}
          maxLength={8000}
          {...form.text('body')}
          hint="Skriv inte mer om personen än mottagarna behöver veta."
        />
        <div className="button-row">
          <Button type="submit" variant="primary" busy={isBusy}>
            Skicka
          </Button>
          <Button onClick={() => navigate(-1)}>Avbryt</Button>
        </div>
      </form>
    </section>
  );
}

/** Which person the message is about, with a way to write without the link. */
function AboutPerson({ personId, onRemove }: { personId: string; onRemove: () => void }) {
  const person = usePerson(personId);
  const name = person.data ? personName(person.data) : null;
  return (
    <div className="panel">
      <p>
        <strong>Gäller:</strong>{' '}
        {person.data ? (
          <>
            {name ?? <ProtectedTag />} {person.data.identityNumber}
          </>
        ) : person.error ? (
          'Personen kunde inte visas.'
        ) : (
          'Laddar …'
        )}
      </p>
      <p className="muted">
        Meddelandet kopplas till personen. Mottagare som inte arbetar med personen ser inte vem det gäller.
      </p>
      <Button variant="quiet" onClick={onRemove}>
        Ta bort kopplingen till personen
      </Button>
    </div>
  );
}
