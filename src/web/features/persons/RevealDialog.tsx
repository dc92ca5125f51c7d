/**
 * "Visa skyddade uppgifter": asks why (kept in the audit log with the reader) and returns the
 * protected name and address. The caller shows them in this view only; nothing is cached.
 */
import type { FormEvent } from 'react';
import { isApiError } from '../../api/client.ts';
import { Button } from '../../components/Button.tsx';
import { Dialog } from '../../components/Dialog.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { TextInput } from '../../components/TextInput.tsx';
import { useForm } from '../../components/form.ts';
import { useSubmit } from '../../components/useSubmit.ts';
import { revealProtected, type RevealedIdentity } from './persons.api.ts';

interface RevealDialogProps {
  personId: string;
  open: boolean;
  onClose: () => void;
  onRevealed: (identity: RevealedIdentity) => void;
}

export function RevealDialog({ personId, open, onClose, onRevealed }: RevealDialogProps) {
  const form = useForm({ reason: '' });
  const { isBusy, failure, setFailure, run } = useSubmit(form);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    if (!form.values.reason.trim()) return form.fail({ reason: 'Ange varför du behöver se uppgifterna.' });
    await run(
      async () => {
        const identity = await revealProtected(personId, form.values.reason.trim());
        form.setValues({ reason: '' });
        onRevealed(identity);
      },
      { onError: (error) => isApiError(error, 400) },
    );
  };

  return (
    <Dialog open={open} title="Visa skyddade uppgifter" onClose={onClose} describedBy="reveal-explanation">
      <form ref={form.formRef} onSubmit={onSubmit} noValidate className="form">
        <p id="reveal-explanation">
          Personen har skyddad identitet. Uppgifterna visas bara här och nu, och det loggas att du har sett dem och
          varför.
        </p>
        <ErrorAlert error={failure} focusable />
        <TextInput
          label="Anledning"
          multiline
          rows={3}
          required
          maxLength={300}
          hint="Till exempel: behöver adressen för att planera hembesök."
          {...form.text('reason')}
        />
        <div className="button-row">
          <Button type="submit" variant="primary" busy={isBusy}>
            Visa uppgifterna
          </Button>
          <Button onClick={onClose}>Avbryt</Button>
        </div>
      </form>
    </Dialog>
  );
}
