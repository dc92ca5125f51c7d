/**
 * Återkalla (ändra tid): the change of time from a day. The row ends the day before and is marked
 * Återkallad; a new row "Under fördelning" continues it from the day, to be registered with the
 * new time (Registrera) and sent to delivery. The explanation says so before anything happens,
 * and what becomes of the row's interruptions; the answer says what became of them.
 */
import { useState, type FormEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { addDays } from '../../../domain/periods.ts';
import type { WithdrawalResult } from '../../../contract/delivery-changes.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { Dialog } from '../../components/Dialog.tsx';
import { unmatchedErrors, useForm } from '../../components/form.ts';
import { useSubmit } from '../../components/useSubmit.ts';
import { refreshDeliveries, type DeliveryRow } from '../deliveries/deliveries.api.ts';
import { periodText } from '../deliveries/deliveryForm.ts';
import { rowName } from '../deliveries/DeliveryTable.tsx';
import { ChangeFailure, DateInput, dateProblem } from './changeForm.tsx';
import { withdrawDelivery } from './deliveryChanges.api.ts';
import { InterruptionOutcome, InterruptionRule } from './InterruptionOutcome.tsx';

export function WithdrawDialog({ row, open, onClose }: { row: DeliveryRow; open: boolean; onClose: () => void }) {
  return (
    <Dialog open={open} title={`Återkalla (ändra tid) – ${rowName(row)}`} onClose={onClose}>
      {open && <WithdrawForm row={row} onClose={onClose} />}
    </Dialog>
  );
}

function WithdrawForm({ row, onClose }: { row: DeliveryRow; onClose: () => void }) {
  const queryClient = useQueryClient();
  const form = useForm({ changeFrom: '' });
  const { isBusy, failure, setFailure, run } = useSubmit(form);
  const [done, setDone] = useState<WithdrawalResult | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    const problem = dateProblem(form.values.changeFrom, true);
    if (problem) return form.fail({ changeFrom: problem });
    await run(async () => {
      setDone(await withdrawDelivery(row.id, { changeFrom: form.values.changeFrom.trim(), version: row.version }));
      void refreshDeliveries(queryClient, row.assignmentId);
    });
  };

  if (done) {
    return (
      <>
        <Alert tone="success" title="Raden är återkallad.">
          <p>
            {rowName(row)} gäller nu {periodText(done.withdrawn.periodFrom, done.withdrawn.periodTo)} och har status
            Återkallad.
          </p>
          <p>
            En ny rad Under fördelning ({periodText(done.continuation.periodFrom, done.continuation.periodTo)}) har
            skapats. Registrera den med den nya tiden och skicka den till genomförande.
          </p>
          <InterruptionOutcome changes={done.interruptions} after="withdrawn" />
        </Alert>
        <div className="button-row">
          <Button variant="primary" onClick={onClose} autoFocus>
            Stäng
          </Button>
        </div>
      </>
    );
  }
  const earliest = addDays(row.periodFrom, 1);
  return (
    <form ref={form.formRef} onSubmit={submit} noValidate className="form">
      <div className="dialog__body">
        <p>
          Nuvarande period: {periodText(row.periodFrom, row.periodTo)} ({row.providerUnit.name}).
        </p>
        <p>
          Ange från vilken dag den nya tiden gäller. Raden avslutas dagen före och får status Återkallad. En ny rad{' '}
          <strong>Under fördelning</strong> skapas från dagen, med samma uppgifter, som du sedan registrerar med den nya
          tiden och skickar till genomförande.
        </p>
        <InterruptionRule count={row.interruptions.length} after="withdrawn" />
      </div>
      <ChangeFailure error={failure} details={unmatchedErrors(form.errors, ['changeFrom', 'version'])} />
      <DateInput
        label="Ny tid gäller från"
        required
        autoFocus
        hint={`ÅÅÅÅ-MM-DD, tidigast ${earliest}${row.periodTo ? `, senast ${row.periodTo}` : ''}.`}
        {...form.text('changeFrom')}
      />
      <div className="button-row">
        <Button type="submit" variant="primary" busy={isBusy}>
          Återkalla
        </Button>
        <Button onClick={onClose}>Avbryt</Button>
      </div>
    </form>
  );
}
