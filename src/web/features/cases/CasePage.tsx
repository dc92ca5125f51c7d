/**
 * The case (/arenden/:caseId): who it concerns, its officer and unit, the decisions with their
 * interventions, the assignments (their own feature, in the slot), and the history. Authority
 * staff record and end decisions, change the officer and close the case from here.
 */
import { useState } from 'react';
import { Link, useLocation, useParams } from 'react-router-dom';
import { isApiError } from '../../api/client.ts';
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { Spinner } from '../../components/Spinner.tsx';
import { formatDate, personName } from '../../format.ts';
import { SERVICE_AREA_LABELS } from '../../i18n/labels.ts';
import { CaseAssignments } from '../assignments/CaseAssignments.tsx';
import { CaseHistory } from './CaseHistory.tsx';
import { CASE_STATUS_LABELS } from './caseLabels.ts';
import { useCase, type CaseView } from './cases.api.ts';
import { ChangeOfficerDialog, CloseCaseDialog } from './CaseDialogs.tsx';
import { DecisionCard } from './DecisionCard.tsx';
import './cases.css';
import { WatchButton } from '../personal-watches/WatchButton.tsx';

export function CasePage() {
  const { caseId = '' } = useParams();
  const view = useCase(caseId);
  const location = useLocation();
  const notice = (location.state as { notice?: string } | null)?.notice;

  if (view.isPending)
    return (
      <section className="page">
        <PageTitle>Ärende</PageTitle>
        <Spinner />
      </section>
    );
  if (view.error || !view.data) {
    const isMissing = isApiError(view.error, 404) || isApiError(view.error, 400);
    return (
      <section className="page">
        <PageTitle>{isMissing ? 'Ärendet hittades inte' : 'Ärendet kunde inte visas'}</PageTitle>
        {isMissing ? (
          <p>Ärendet finns inte, eller så hör det inte till ditt verksamhetsområde.</p>
        ) : (
          <ErrorAlert error={view.error} />
        )}
      </section>
    );
  }
  return <CaseContent view={view.data} notice={notice} />;
}

function CaseContent({ view, notice: arrivalNotice }: { view: CaseView; notice: string | undefined }) {
  const [dialog, setDialog] = useState<'officer' | 'close' | null>(null);
  const [actionNotice, setActionNotice] = useState<string | null>(null);
  // The notice from the page that led here ("Beslut … är registrerat") is stale once the case changes again.
  const [arrivalRevision] = useState(() => caseRevision(view));
  const notice = actionNotice ?? (caseRevision(view) === arrivalRevision ? arrivalNotice : undefined);
  const { permissions } = view;
  const name = personName(view.person) ?? 'Skyddad identitet';
  return (
    <section className="page">
      <div className="person-header">
        <PageTitle documentTitle={`Ärende ${view.caseNumber}`} className="person-header__title">
          Ärende {view.caseNumber}
          <span className={view.status === 'open' ? 'tag' : 'tag tag--muted'}>{CASE_STATUS_LABELS[view.status]}</span>
        </PageTitle>
        <p className="person-header__facts">
          <span>
            <Link to={`/personer/${view.person.id}?flik=arenden`}>{name}</Link>{' '}
            <span className="muted">{view.person.identityNumber}</span>
            {view.person.protectedIdentity && view.person.firstName && (
              <>
                {' '}
                <span className="tag tag--protected">Skyddad identitet</span>
              </>
            )}
          </span>
          <span>{SERVICE_AREA_LABELS[view.serviceArea]}</span>
        </p>
        <dl className="facts case-facts">
          <div>
            <dt>Handläggare</dt>
            <dd>{view.caseOfficer.name}</dd>
          </div>
          <div>
            <dt>Myndighetsenhet</dt>
            <dd>{view.authorityUnit.name}</dd>
          </div>
          <div>
            <dt>Öppnat</dt>
            <dd>{formatDate(view.openedOn)}</dd>
          </div>
          {view.closedOn && (
            <div>
              <dt>Avslutat</dt>
              <dd>
                {formatDate(view.closedOn)}, {view.endReason}
              </dd>
            </div>
          )}
        </dl>
        <div className="button-row">
          {permissions.canChangeCaseOfficer && <Button onClick={() => setDialog('officer')}>Byt handläggare</Button>}
          {permissions.canClose && <Button onClick={() => setDialog('close')}>Avsluta ärende</Button>}
          <WatchButton personId={view.person.id} record={{ kind: 'case', id: view.id, label: view.caseNumber }} />
        </div>
      </div>
      {notice && <Alert tone="success">{notice}</Alert>}

      <section className="section" aria-labelledby="case-decisions">
        <div className="case-section-head">
          <h2 id="case-decisions">Beslut</h2>
          {permissions.canRecordDecision && (
            <Link className="button button--primary" to={`/arenden/${view.id}/beslut/nytt`}>
              Registrera beslut
            </Link>
          )}
        </div>
        {view.decisions.length === 0 ? (
          <p className="table-empty">Inga beslut ännu.</p>
        ) : (
          view.decisions.map((decision) => (
            <DecisionCard
              key={decision.id}
              decision={decision}
              caseId={view.id}
              canEnd={permissions.canEndDecision}
              onDone={setActionNotice}
            />
          ))
        )}
      </section>

      <CaseAssignments
        caseId={view.id}
        personId={view.person.id}
        decisions={view.decisions}
        canWrite={permissions.canRecordDecision}
      />

      <CaseHistory history={view.history} />

      <ChangeOfficerDialog
        view={view}
        open={dialog === 'officer'}
        onClose={() => setDialog(null)}
        onDone={setActionNotice}
      />
      <CloseCaseDialog view={view} open={dialog === 'close'} onClose={() => setDialog(null)} onDone={setActionNotice} />
    </section>
  );
}

/** Grows with every change to the case or its decisions. */
function caseRevision(view: CaseView): number {
  return view.version + view.decisions.length + view.decisions.reduce((sum, decision) => sum + decision.version, 0);
}
