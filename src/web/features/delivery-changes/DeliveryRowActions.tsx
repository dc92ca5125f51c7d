/**
 * The change actions on one delivery row, plugged into the person's Insatser tab
 * (features/deliveries/DeliveriesTab.tsx): Återkalla (ändra tid), Rätta/Avsluta, Avbryt före start
 * (a row that has not begun), Avbrott and Byt utförare, each opening its dialog. Only what the row's status and the reader's permission allow
 * is shown; Avbrott also to readers, who see the list. A row waiting for a new provider's answer
 * says so instead of offering changes the server would refuse.
 */
import { useState } from 'react';
import { Button } from '../../components/Button.tsx';
import { usePersonDeliveries, type DeliveryRow } from '../deliveries/deliveries.api.ts';
import { rowName } from '../deliveries/DeliveryTable.tsx';
import { useProviderChanges } from './deliveryChanges.api.ts';
import { CancelDeliveryDialog } from './CancelDeliveryDialog.tsx';
import { EndDeliveryDialog } from './EndDeliveryDialog.tsx';
import { InterruptionsDialog } from './InterruptionsDialog.tsx';
import { ProviderChangeDialog } from './ProviderChangeDialog.tsx';
import { WithdrawDialog } from './WithdrawDialog.tsx';
import './deliveryChanges.css';

type Open = 'withdraw' | 'end' | 'cancel' | 'interruptions' | 'provider' | null;

interface DeliveryRowActionsProps {
  row: DeliveryRow;
  personId: string;
}

export function DeliveryRowActions({ row, personId }: DeliveryRowActionsProps) {
  const [open, setOpen] = useState<Open>(null);
  // Both read what the tab has already loaded (same query keys): no request per row.
  const rows = usePersonDeliveries(personId).data?.rows ?? [row];
  const pendingChanges = useProviderChanges(personId).data?.items.filter((change) => change.status === 'pending') ?? [];
  const pending = pendingChanges.find((change) => change.rows.some((moved) => moved.id === row.id));
  const waiting = new Set(pendingChanges.flatMap((change) => change.rows.map((moved) => moved.id)));
  // A change may remove the button that opened the dialog (a withdrawn row has no Återkalla):
  // focus then goes to the tab's heading rather than being lost on the page.
  const close = () => {
    setOpen(null);
    requestAnimationFrame(() => {
      if (document.activeElement === document.body) document.getElementById('deliveries-heading')?.focus();
    });
  };
  const { canChange } = row.permissions;
  const isSent = row.status === 'sent_to_delivery';
  const mayChange = canChange && !pending;
  // The button names its row, so a screen reader's list of buttons says which row each acts on.
  const named = (action: string) => (
    <>
      {action}
      <span className="visually-hidden">
        {' '}
        – {rowName(row)}, {row.periodFrom}
      </span>
    </>
  );
  return (
    <>
      {pending && (
        <span className="tag provider-change--pending change-pending">
          Byte av utförare fr.o.m. {pending.changeDate} väntar på svar
        </span>
      )}
      {mayChange && isSent && (
        <Button variant="quiet" onClick={() => setOpen('withdraw')}>
          {named('Återkalla (ändra tid)')}
        </Button>
      )}
      {mayChange && (isSent || row.status === 'under_distribution') && (
        <Button variant="quiet" onClick={() => setOpen('end')}>
          {named('Rätta/Avsluta')}
        </Button>
      )}
      {mayChange && row.permissions.canCancel && (
        <Button variant="quiet" onClick={() => setOpen('cancel')}>
          {named('Avbryt före start')}
        </Button>
      )}
      {row.status !== 'under_distribution' && (
        <Button variant="quiet" onClick={() => setOpen('interruptions')}>
          {named('Avbrott')}
        </Button>
      )}
      {mayChange && isSent && (
        <Button variant="quiet" onClick={() => setOpen('provider')}>
          {named('Byt utförare')}
        </Button>
      )}
      <WithdrawDialog row={row} open={open === 'withdraw'} onClose={close} />
      <EndDeliveryDialog row={row} open={open === 'end'} onClose={close} />
      <CancelDeliveryDialog row={row} open={open === 'cancel'} onClose={close} />
      <InterruptionsDialog row={row} open={open === 'interruptions'} onClose={close} />
      <ProviderChangeDialog
        row={row}
        rows={rows.filter((other) => !waiting.has(other.id))}
        open={open === 'provider'}
        onClose={close}
      />
    </>
  );
}
