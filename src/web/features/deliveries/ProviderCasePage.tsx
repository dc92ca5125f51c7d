/**
 * The staff view of a new assignment at a unit (/genomforande/:providerCaseId), reached from the
 * staff's Nya uppdrag: the person with their address and phone, the rows sent to the unit, the assignments behind them (as
 * PDF), and "Kvittera" — optionally "Flytta till Mina personer" — as the provider manual's
 * Genomförandewebb does it. Each assignment is acknowledged once: a later assignment sent into
 * the case waits here, named as new, while the earlier ones show who acknowledged them.
 */
import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useQueryClient } from '@tanstack/react-query';
import { isApiError } from '../../api/client.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { Checkbox } from '../../components/Checkbox.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PersonContactFacts } from '../../components/PersonContact.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { Spinner } from '../../components/Spinner.tsx';
import { formatDateTime, personName } from '../../format.ts';
import { documentUrl } from '../assignments/assignments.api.ts';
import { ProtectedTag } from '../../components/PersonTable.tsx';
import {
  acknowledgeProviderCase,
  deliveryKeys,
  refreshDeliveries,
  useProviderCase,
  type ProviderCaseView,
} from './deliveries.api.ts';
import { DeliveryTable } from './DeliveryTable.tsx';
import { WatchButton } from '../personal-watches/WatchButton.tsx';
import './deliveries.css';

export function ProviderCasePage() {
  const { providerCaseId = '' } = useParams();
  const found = useProviderCase(providerCaseId);
  if (found.isPending)
    return (
      <section className="page">
        <PageTitle>Nytt uppdrag</PageTitle>
        <Spinner />
      </section>
    );
  if (found.error || !found.data) {
    const isMissing = isApiError(found.error, 404) || isApiError(found.error, 400);
    return (
      <section className="page">
        <PageTitle>{isMissing ? 'Uppdraget hittades inte' : 'Uppdraget kunde inte visas'}</PageTitle>
        {isMissing ? (
          <p>Uppdraget finns inte, eller så hör det inte till din enhet.</p>
        ) : (
          <ErrorAlert error={found.error} />
        )}
      </section>
    );
  }
  return <ProviderCaseDetails view={found.data} />;
}

function ProviderCaseDetails({ view }: { view: ProviderCaseView }) {
  const queryClient = useQueryClient();
  const [moveToMyPersons, setMoveToMyPersons] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const [isBusy, setIsBusy] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const name = personName(view.person);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    setIsBusy(true);
    try {
      const saved = await acknowledgeProviderCase(view.id, { version: view.version, moveToMyPersons });
      queryClient.setQueryData(deliveryKeys.providerCase(view.id), saved);
      void refreshDeliveries(queryClient);
      setNotice(
        moveToMyPersons ? 'Uppdraget är kvitterat och personen finns under Mina personer.' : 'Uppdraget är kvitterat.',
      );
    } catch (error) {
      setFailure(error);
      // Someone else acknowledged first: show how it stands now.
      if (isApiError(error, 409)) void queryClient.invalidateQueries({ queryKey: deliveryKeys.providerCase(view.id) });
    } finally {
      setIsBusy(false);
    }
  };

  return (
    <section className="page">
      <div className="person-header">
        <PageTitle
          documentTitle={`Nytt uppdrag – ${name ?? view.person.identityNumber}`}
          className="person-header__title"
        >
          {name ?? <ProtectedTag />} <span className="muted">{view.person.identityNumber}</span>
        </PageTitle>
        <p className="person-header__facts">
          <span>{view.providerUnit.name}</span>
          <span>Genomförande från {view.openedOn}</span>
          <span>
            <Link to={`/personer/${view.person.id}?flik=insatser`}>Öppna personen</Link>
          </span>
        </p>
        <WatchButton
          personId={view.person.id}
          record={{ kind: 'provider_case', id: view.id, label: view.providerUnit.name }}
        />
        {view.personContact && (
          <dl className="facts person-contact" aria-label="Personens adress och telefon">
            <PersonContactFacts contact={view.personContact} isProtected={view.person.protectedIdentity} />
          </dl>
        )}
      </div>
      {notice && <Alert tone="success">{notice}</Alert>}
      {view.closedOn && <Alert tone="info">Genomförandet avslutades {view.closedOn}.</Alert>}

      <h2>Uppdrag</h2>
      <ul>
        {view.assignments.map((assignment) => (
          <li key={assignment.id}>
            <a href={documentUrl(assignment.id)} target="_blank" rel="noopener">
              Läs uppdrag {assignment.assignmentNumber} (PDF)
              <span className="visually-hidden"> – öppnas i ny flik</span>
            </a>
          </li>
        ))}
      </ul>

      <h2>Insatser</h2>
      <DeliveryTable rows={view.rows} caption="Insatser till enheten" captionHidden />

      <h2>Kvittera</h2>
      {view.assignments.length > 1 && <AcknowledgementList view={view} />}
      {view.acknowledgedAt ? (
        <p>
          Kvitterat {formatDateTime(view.acknowledgedAt)} av {view.acknowledgedByName ?? '–'}.
          {view.isInMyPersons && ' Personen finns under Mina personer.'}
        </p>
      ) : view.permissions.canAcknowledge ? (
        <form onSubmit={onSubmit} noValidate className="form form--boxed">
          <ErrorAlert error={failure} focusable />
          <p>{acknowledgePrompt(view)} Personen försvinner då från Nya uppdrag.</p>
          {!view.isInMyPersons && (
            <Checkbox label="Flytta till Mina personer" checked={moveToMyPersons} onChange={setMoveToMyPersons} />
          )}
          <div className="button-row">
            <Button type="submit" variant="primary" busy={isBusy}>
              Kvittera
            </Button>
          </div>
        </form>
      ) : (
        <p>Uppdraget väntar på att personalen på {view.providerUnit.name} kvitterar det.</p>
      )}
    </section>
  );
}

/** The numbers of the assignments in the case that wait to be acknowledged. */
function waitingNumbers(view: ProviderCaseView): string[] {
  const waiting = new Set(
    view.acknowledgements.filter((row) => row.acknowledgedAt === null).map((row) => row.assignmentId),
  );
  return view.assignments
    .filter((assignment) => waiting.has(assignment.id))
    .map((assignment) => assignment.assignmentNumber);
}

/** What acknowledging covers: the whole case the first time, only the new assignment once one was acknowledged before. */
function acknowledgePrompt(view: ProviderCaseView): string {
  const waiting = waitingNumbers(view);
  if (waiting.length === 0 || waiting.length === view.assignments.length)
    return 'Kvittera att enheten har tagit emot uppdraget.';
  return waiting.length === 1
    ? `Kvittera att enheten har tagit emot det nya uppdraget ${waiting[0]}.`
    : `Kvittera att enheten har tagit emot de nya uppdragen ${waiting.join(', ')}.`;
}

/** Each assignment in the case: acknowledged when and by whom, or new and waiting. */
function AcknowledgementList({ view }: { view: ProviderCaseView }) {
  const byAssignment = new Map(view.acknowledgements.map((row) => [row.assignmentId, row]));
  return (
    <ul aria-label="Kvittering per uppdrag">
      {view.assignments.map((assignment) => {
        const row = byAssignment.get(assignment.id);
        return (
          <li key={assignment.id}>
            Uppdrag {assignment.assignmentNumber}:{' '}
            {row?.acknowledgedAt ? (
              `kvitterat ${formatDateTime(row.acknowledgedAt)} av ${row.acknowledgedByName ?? '–'}.`
            ) : (
              <strong>nytt, väntar på kvittering.</strong>
            )}
          </li>
        );
      })}
    </ul>
  );
}
