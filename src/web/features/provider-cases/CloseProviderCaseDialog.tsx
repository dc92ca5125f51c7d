/**
 * "Avsluta genomförande": confirms closing a provider case from "Ej aktuella – att avsluta", with
 * the closing day (today unless changed). The server refuses while anything is ongoing or planned
 * (409) and checks the day (400 on closedOn, shown at the field); what was typed stays.
 */
import type { FormEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { todayInSweden } from '../../../domain/dates.ts';
import { isApiError } from '../../api/client.ts';
import { Button } from '../../components/Button.tsx';
import { Dialog } from '../../components/Dialog.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { DateInput } from '../../components/DateInput.tsx';
import { useForm } from '../../components/form.ts';
import { useSubmit } from '../../components/useSubmit.ts';
import { formatDate, personName } from '../../format.ts';
import type { NotCurrentItem } from '../../../contract/desk.ts';
import { closeProviderCase, onProviderCaseClosed } from './providerCases.api.ts';

interface CloseProviderCaseDialogProps {
  item: NotCurrentItem | null;
  onClose: () => void;
  onClosed: (item: NotCurrentItem, closedOn: string) => void;
}

/** Keyed by the case, so each opening starts from today and no error. */
export function CloseProviderCaseDialog({ item, onClose, onClosed }: CloseProviderCaseDialogProps) {
  return (
    <Dialog
      open={item !== null}
      title={item ? `Avsluta genomförandet för ${personName(item.person) ?? item.person.identityNumber}?` : ''}
      onClose={onClose}
      describedBy="close-provider-case-facts"
    >
      {item && <CloseForm key={item.providerCaseId} item={item} onClose={onClose} onClosed={onClosed} />}
    </Dialog>
  );
}

function CloseForm({
  item,
  onClose,
  onClosed,
}: {
  item: NotCurrentItem;
  onClose: () => void;
  onClosed: CloseProviderCaseDialogProps['onClosed'];
}) {
  const queryClient = useQueryClient();
  const form = useForm({ closedOn: todayInSweden() });
  const { isBusy, failure, setFailure, run } = useSubmit(form);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(form.values.closedOn.trim()))
      return form.fail({ closedOn: 'Ange datum som ÅÅÅÅ-MM-DD.' });
    await run(
      async () => {
        const closed = await closeProviderCase(item.providerCaseId, {
          closedOn: form.values.closedOn.trim(),
          version: item.version,
        });
        onProviderCaseClosed(queryClient);
        onClosed(item, closed.closedOn);
      },
      {
        onError: (error) => {
          // Someone else closed it, or something new was planned: the list should say so too.
          if (isApiError(error, 409)) onProviderCaseClosed(queryClient);
          // A wrong date is said on the field alone.
          return isApiError(error, 400) && Object.keys(error.fieldErrors).length > 0;
        },
        fieldErrorsOf: (error) => (error.status === 400 ? error.fieldErrors : {}),
      },
    );
  };

  return (
    <form ref={form.formRef} onSubmit={onSubmit} noValidate className="form">
      <div id="close-provider-case-facts">
        <dl className="facts">
          <div className="facts__row">
            <dt>Enhet</dt>
            <dd>{item.unit.name}</dd>
          </div>
          <div className="facts__row">
            <dt>Personnummer</dt>
            <dd>{item.person.identityNumber}</dd>
          </div>
          <div className="facts__row">
            <dt>Sista insatsen slutade</dt>
            <dd>
              {formatDate(item.lastDeliveryEnd)}
              {item.endReason ? ` (${item.endReason})` : ''}
            </dd>
          </div>
        </dl>
        <p>
          Personen visas sedan som nyligen avslutad på enheten i 90 dagar och försvinner därefter från enhetens lista.
        </p>
      </div>
      <ErrorAlert error={failure} focusable />
      <DateInput label="Avslutsdatum" required hint="ÅÅÅÅ-MM-DD, i dag eller tidigare." {...form.text('closedOn')} />
      <div className="button-row">
        <Button type="submit" variant="danger" busy={isBusy}>
          Avsluta genomförandet
        </Button>
        <Button onClick={onClose} autoFocus>
          Avbryt
        </Button>
      </div>
    </form>
  );
}
