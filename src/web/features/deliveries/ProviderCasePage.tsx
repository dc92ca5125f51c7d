/**
 * The staff view of a new assignment at a unit (/genomforande/:providerCaseId), reached from the
 * staff's Nya uppdrag: the person, the rows sent to the unit, the assignments behind them (as
 * PDF), and "Kvittera" — optionally "Flytta till Mina personer" — as the provider manual's
 * Genomförandewebb does it.
 */
import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useQueryClient } from '@tanstack/react-query';
import { isApiError } from '../../api/client.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { Checkbox } from '../../components/Checkbox.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { Spinner } from '../../components/Spinner.tsx';
import { formatDateTime, personName } from '../../format.ts';
import { documentUrl } from '../assignments/assignments.api.ts';
import { ProtectedTag } from '../persons/PersonTable.tsx';
import { acknowledgeProviderCase, deliveryKeys, refreshDeliveries, useProviderCase, type ProviderCaseView } from './deliveries.api.ts';
import { DeliveryTable } from './DeliveryTable.tsx';
import './deliveries.css';

export function ProviderCasePage() {
  const { providerCaseId = '' } = useParams();
  const found = useProviderCase(providerCaseId);
  if (found.isPending) return <section className="page"><PageTitle>Nytt uppdrag</PageTitle><Spinner /></section>;
  if (found.error || !found.data) {
    const isMissing = isApiError(found.error, 404) || isApiError(found.error, 400);
    return (
      <section className="page">
        <PageTitle>{isMissing ? 'Uppdraget hittades inte' : 'Uppdraget kunde inte visas'}</PageTitle>
        {isMissing ? <p>Uppdraget finns inte, eller så hör det inte till din enhet.</p> : <ErrorAlert error={found.error} />}
      </section>
    );
  }
  return <ProviderCaseView view={found.data} />;
}

function ProviderCaseView({ view }: { view: ProviderCaseView }) {
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
      refreshDeliveries(queryClient);
      setNotice(moveToMyPersons ? 'Uppdraget är kvitterat och personen finns under Mina personer.' : 'Uppdraget är kvitterat.');
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
        <PageTitle documentTitle={`Nytt uppdrag – ${name ?? view.person.identityNumber}`} className="person-header__title">
          {name ?? <ProtectedTag />} <span className="muted">{view.person.identityNumber}</span>
        </PageTitle>
        <p className="person-header__facts">
          <span>{view.providerUnit.name}</span>
          <span>Genomförande från {view.openedOn}</span>
          <span><Link to={`/personer/${view.person.id}?flik=insatser`}>Öppna personen</Link></span>
        </p>
      </div>
      {notice && <Alert tone="success">{notice}</Alert>}
      {view.closedOn && <Alert tone="info">Genomförandet avslutades {view.closedOn}.</Alert>}

      <h2>Uppdrag</h2>
      <ul>
        {view.assignments.map((assignment) => (
          <li key={assignment.id}>
            <a href={documentUrl(assignment.id)} target="_blank" rel="noopener">Läs uppdrag {assignment.assignmentNumber} (PDF)<span className="visually-hidden"> – öppnas i ny flik</span></a>
          </li>
        ))}
      </ul>

      <h2>Insatser</h2>
      <DeliveryTable rows={view.rows} caption="Insatser till enheten" captionHidden />

      <h2>Kvittera</h2>
      {view.acknowledgedAt ? (
        <p>Kvitterat {formatDateTime(view.acknowledgedAt)} av {view.acknowledgedByName ?? '–'}.{view.isInMyPersons && ' Personen finns under Mina personer.'}</p>
      ) : view.permissions.canAcknowledge ? (
        <form onSubmit={onSubmit} noValidate className="form form--boxed">
          <ErrorAlert error={failure} focusable />
          <p>Kvittera att enheten har tagit emot uppdraget. Personen försvinner då från Nya uppdrag.</p>
          {!view.isInMyPersons && <Checkbox label="Flytta till Mina personer" checked={moveToMyPersons} onChange={setMoveToMyPersons} />}
          <div className="button-row"><Button type="submit" variant="primary" busy={isBusy}>Kvittera</Button></div>
        </form>
      ) : (
        <p>Uppdraget väntar på att personalen på {view.providerUnit.name} kvitterar det.</p>
      )}
    </section>
  );
}
