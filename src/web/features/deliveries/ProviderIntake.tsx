/**
 * The provider's part of an assignment's page: while it is new, "Acceptera och fördela" and
 * "Stoppa uppdrag" (with the reason the case officer reads, and a confirmation) for managers and
 * coordinators of the provider; once distributed, its delivery rows. Shown only to provider
 * staff, so the authority's view of the page reads nothing extra.
 */
import { useRef, useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { useQueryClient } from '@tanstack/react-query';
import type { Role } from '../../../domain/roles.ts';
import { isApiError } from '../../api/client.ts';
import { useSession } from '../../session/session.tsx';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { Dialog } from '../../components/Dialog.tsx';
import { TextInput } from '../../components/TextInput.tsx';
import type { AssignmentDetail } from '../assignments/assignments.api.ts';
import {
  refreshDeliveries,
  stopAssignment,
  useDistributionOptions,
  type DistributionOptions,
} from './deliveries.api.ts';
import { DeliveryRows } from './DeliveriesTab.tsx';
import './deliveries.css';

/** Everyone who works at a provider unit; the server decides what each may do. */
export const PROVIDER_ROLES: readonly Role[] = [
  'operations_manager',
  'unit_manager',
  'coordinator',
  'care_staff',
  'licensed_staff',
  'alarm_manager',
];
/** Verksamhetschef, enhetschef, samordnare: they accept, distribute and stop. */
export const DISTRIBUTOR_ROLES: readonly Role[] = ['operations_manager', 'unit_manager', 'coordinator'];

export function ProviderIntake({ assignment }: { assignment: AssignmentDetail }) {
  const { roles } = useSession();
  const isRelevant =
    roles.some((role) => PROVIDER_ROLES.includes(role)) &&
    assignment.sentVia === 'system' &&
    (assignment.status === 'new' || assignment.status === 'accepted');
  const options = useDistributionOptions(assignment.id, isRelevant);
  const [isStopping, setIsStopping] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  if (!isRelevant || !options.data) return null;
  const { permissions, rows } = options.data;
  return (
    <>
      {permissions.canDistribute && (
        <div className="intake-panel">
          <p>
            <strong>Nytt uppdrag till {assignment.provider.name}.</strong> Läs uppdraget och acceptera och fördela det
            på utförarenheterna, eller stoppa det om det inte ska till er.
          </p>
          <div className="button-row">
            <Link className="button button--primary" to={`/uppdrag/${assignment.id}/fordela`}>
              Acceptera och fördela
            </Link>
            <Button variant="danger" onClick={() => setIsStopping(true)}>
              Stoppa uppdrag
            </Button>
          </div>
        </div>
      )}
      {rows.length > 0 && (
        <section aria-labelledby="assignment-deliveries">
          <h2 id="assignment-deliveries" ref={heading} tabIndex={-1}>
            Fördelning
          </h2>
          {/* Rows still under distribution are registered and sent from here: the person may not be under the unit yet. */}
          <DeliveryRows
            rows={rows}
            personId={assignment.person.id}
            caption="Uppdragets verkställighet"
            returnFocusTo={heading}
          />
          {rows.some((row) => row.providerCaseId !== null) && (
            <p>
              <Link to={`/personer/${assignment.person.id}?flik=insatser`}>Alla personens insatser</Link>
            </p>
          )}
        </section>
      )}
      <StopDialog open={isStopping} options={options.data} onClose={() => setIsStopping(false)} />
    </>
  );
}

function StopDialog({ open, options, onClose }: { open: boolean; options: DistributionOptions; onClose: () => void }) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [message, setMessage] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [failure, setFailure] = useState<string | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  const { assignment } = options;

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    if (!message.trim()) {
      setError('Skriv varför uppdraget stoppas.');
      document.getElementById('stop-message')?.focus();
      return;
    }
    setIsBusy(true);
    try {
      await stopAssignment(assignment.id, { stateVersion: assignment.stateVersion, message });
      void refreshDeliveries(queryClient, assignment.id);
      onClose();
      navigate('.', {
        replace: true,
        state: { notice: 'Uppdraget är stoppat. Handläggaren har fått ditt meddelande.' },
      });
    } catch (caught) {
      setFailure(isApiError(caught) ? caught.message : 'Ett oväntat fel inträffade. Försök igen.');
      if (isApiError(caught) && caught.fieldErrors.message) setError(caught.fieldErrors.message);
    } finally {
      setIsBusy(false);
    }
  };

  return (
    <Dialog
      open={open}
      title={`Stoppa uppdrag ${assignment.assignmentNumber}?`}
      onClose={onClose}
      describedBy="stop-intro"
    >
      <form onSubmit={onSubmit} noValidate className="form">
        <p id="stop-intro">
          Uppdraget går tillbaka till handläggaren med ditt meddelande och försvinner från Nya uppdrag. Det går inte att
          ångra.
        </p>
        <TextInput
          id="stop-message"
          label="Meddelande till handläggaren"
          required
          multiline
          rows={4}
          maxLength={4000}
          hint="T.ex. fel utförare, eller att personen redan har insatser hos en annan utförare."
          value={message}
          onChange={(value) => {
            setMessage(value);
            setError(undefined);
          }}
          error={error}
        />
        {failure && <Alert tone="error">{failure}</Alert>}
        <div className="button-row">
          <Button type="submit" variant="danger" busy={isBusy}>
            Stoppa uppdraget
          </Button>
          <Button onClick={onClose}>Avbryt</Button>
        </div>
      </form>
    </Dialog>
  );
}
