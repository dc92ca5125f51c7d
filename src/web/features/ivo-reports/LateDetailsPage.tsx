/**
 * Uppgifter till IVO (/ivo/uppgifter/beslut/:id for a granted intervention, /ivo/uppgifter/avbrott/:id
 * for an interruption): what the case officer records for a decision not delivered within three
 * months — the reason for the delay, the consequences for the person, interim support, and the
 * offers made (a declined offer does not end the duty to report). Saved with the version read;
 * once a quarter marked reported has closed the item, read only.
 */
import { useState, type FormEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router-dom';
import { isApiError } from '../../api/client.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { Checkbox } from '../../components/Checkbox.tsx';
import { DateInput } from '../../components/DateInput.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { Spinner } from '../../components/Spinner.tsx';
import { TextInput } from '../../components/TextInput.tsx';
import { formatDate } from '../../format.ts';
import {
  ivoKeys,
  saveLateDetails,
  useLateDetails,
  type IvoLateDetails,
  type IvoSubjectKind,
} from './ivoReports.api.ts';
import { REPORT_PATH, subjectKindOfPath } from './ivoLabels.ts';
import './ivo-reports.css';

export function LateDetailsPage() {
  const params = useParams();
  const kind = subjectKindOfPath(params.kind);
  if (!kind || !params.subjectId) return <UnknownKind />;
  return <LateDetailsLoader kind={kind} subjectId={params.subjectId} />;
}

/** Neither beslut nor avbrott in the address (app/NotFoundPage's words; the app imports this feature). */
function UnknownKind() {
  return (
    <section className="page">
      <PageTitle>Sidan finns inte</PageTitle>
      <p>Adressen kan vara felstavad, eller så har sidan flyttats.</p>
      <p>
        <Link to={REPORT_PATH}>Till Rapport till IVO</Link>
      </p>
    </section>
  );
}

function LateDetailsLoader({ kind, subjectId }: { kind: IvoSubjectKind; subjectId: string }) {
  const details = useLateDetails(kind, subjectId);
  if (details.isPending) return <Spinner />;
  if (!details.data) {
    return (
      <section className="page">
        <PageTitle>Uppgifter till IVO</PageTitle>
        <ErrorAlert error={details.error} />
      </section>
    );
  }
  // Keyed by the item, not its version: saving updates the version under the form, which stays.
  return <LateDetailsForm key={`${kind}:${subjectId}`} details={details.data} />;
}

interface OfferDraft {
  key: number;
  offeredOn: string;
  isDeclined: boolean;
  note: string;
}

let nextKey = 1;

function LateDetailsForm({ details }: { details: IvoLateDetails }) {
  const queryClient = useQueryClient();
  const [delayReason, setDelayReason] = useState(details.delayReason ?? '');
  const [consequences, setConsequences] = useState(details.consequences ?? '');
  const [interimSupport, setInterimSupport] = useState(details.interimSupport ?? '');
  const [offers, setOffers] = useState<OfferDraft[]>(() =>
    details.offers.map((offer) => ({ ...offer, note: offer.note ?? '', key: nextKey++ })),
  );
  const [isBusy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const fieldErrors = isApiError(failure) ? failure.fieldErrors : {};
  const isReadOnly = !details.canEdit;
  const name = details.person.protectedIdentity
    ? 'Skyddad identitet'
    : `${details.person.firstName} ${details.person.lastName}`;
  const changeOffer = (key: number, change: Partial<OfferDraft>) =>
    setOffers((current) => current.map((offer) => (offer.key === key ? { ...offer, ...change } : offer)));

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setFailure(null);
    setNotice(null);
    try {
      const saved = await saveLateDetails(details.subjectKind, details.subjectId, {
        delayReason,
        consequences,
        interimSupport,
        offers: offers.map(({ offeredOn, isDeclined, note }) => ({ offeredOn, isDeclined, note })),
        version: details.version,
      });
      queryClient.setQueryData(ivoKeys.details(details.subjectKind, details.subjectId), saved);
      void queryClient.invalidateQueries({ queryKey: ['ivo', 'report'] });
      setNotice('Uppgifterna till IVO är sparade.');
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="page ivo-details">
      <PageTitle>Uppgifter till IVO</PageTitle>
      <p className="lead">
        {details.subjectKind === 'decision'
          ? 'Ett beviljat beslut som inte verkställts inom tre månader rapporteras till IVO varje kvartal tills det verkställs eller upphör.'
          : 'Ett avbrott som inte återupptagits inom tre månader rapporteras till IVO varje kvartal tills insatsen återupptas eller upphör.'}{' '}
        Ett erbjudande som den enskilde tackat nej till avslutar inte rapporteringen.
      </p>
      <dl className="facts">
        <div>
          <dt>Person</dt>
          <dd>
            {name}, {details.person.identityNumber}
          </dd>
        </div>
        <div>
          <dt>Beslut</dt>
          <dd>
            <Link to={`/arenden/${details.caseId}`}>{details.decisionNumber}</Link>, {details.legalBasis}
          </dd>
        </div>
        <div>
          <dt>Insats</dt>
          <dd>{details.interventionType}</dd>
        </div>
        <div>
          <dt>Beslutsdatum</dt>
          <dd>{formatDate(details.decisionDate)}</dd>
        </div>
        {details.interruptionDate && (
          <div>
            <dt>Avbrott från</dt>
            <dd>{formatDate(details.interruptionDate)}</dd>
          </div>
        )}
        <div>
          <dt>Tre månader gick ut</dt>
          <dd>
            {formatDate(details.deadline)}
            {details.isReportable && <span className="tag"> Ska rapporteras</span>}
          </dd>
        </div>
      </dl>
      {isReadOnly && (
        <Alert tone="info">
          {details.isClosed
            ? 'Rapporteringen är avslutad: verkställigheten eller avslutet har rapporterats till IVO.'
            : 'Du kan läsa men inte ändra uppgifterna.'}
        </Alert>
      )}
      {notice && <Alert tone="success">{notice}</Alert>}
      <form className="form" noValidate onSubmit={(event) => void onSubmit(event)}>
        <div className="form-grid">
          <div className="form-grid__wide">
            <TextInput
              label="Skäl till dröjsmålet"
              multiline
              maxLength={4000}
              value={delayReason}
              onChange={setDelayReason}
              error={fieldErrors.delayReason}
              readOnly={isReadOnly}
            />
          </div>
          <div className="form-grid__wide">
            <TextInput
              label="Konsekvenser för den enskilde"
              multiline
              maxLength={4000}
              value={consequences}
              onChange={setConsequences}
              error={fieldErrors.consequences}
              readOnly={isReadOnly}
            />
          </div>
          <div className="form-grid__wide">
            <TextInput
              label="Eventuella mellanliggande insatser"
              multiline
              maxLength={4000}
              value={interimSupport}
              onChange={setInterimSupport}
              error={fieldErrors.interimSupport}
              readOnly={isReadOnly}
            />
          </div>
        </div>
        <fieldset className="ivo-offers">
          <legend>Erbjudanden</legend>
          {offers.length === 0 && <p className="muted">Inga erbjudanden registrerade.</p>}
          {offers.map((offer, index) => (
            <div key={offer.key} className="ivo-offer">
              <DateInput
                label={`Erbjudande ${index + 1}, datum`}
                value={offer.offeredOn}
                onChange={(offeredOn) => changeOffer(offer.key, { offeredOn })}
                error={fieldErrors[`offers.${index}.offeredOn`]}
                readOnly={isReadOnly}
                required
              />
              <TextInput
                label={`Erbjudande ${index + 1}, vad`}
                maxLength={300}
                value={offer.note}
                onChange={(note) => changeOffer(offer.key, { note })}
                readOnly={isReadOnly}
              />
              <Checkbox
                label="Tackade nej"
                checked={offer.isDeclined}
                onChange={(isDeclined) => changeOffer(offer.key, { isDeclined })}
                disabled={isReadOnly}
              />
              {!isReadOnly && (
                <Button
                  variant="quiet"
                  onClick={() => setOffers((current) => current.filter((other) => other.key !== offer.key))}
                >
                  Ta bort erbjudande {index + 1}
                </Button>
              )}
            </div>
          ))}
          {!isReadOnly && (
            <Button
              onClick={() =>
                setOffers((current) => [...current, { key: nextKey++, offeredOn: '', isDeclined: false, note: '' }])
              }
            >
              Lägg till erbjudande
            </Button>
          )}
        </fieldset>
        <ErrorAlert error={failure} />
        <div className="button-row">
          {!isReadOnly && (
            <Button type="submit" variant="primary" busy={isBusy}>
              Spara
            </Button>
          )}
          <Link className="button button--secondary" to={REPORT_PATH}>
            Till rapporten
          </Link>
        </div>
      </form>
    </section>
  );
}
