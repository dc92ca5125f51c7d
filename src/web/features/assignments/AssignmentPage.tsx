/**
 * One assignment (/uppdrag/:assignmentId), read-only: what the provider reads, with its events,
 * and where the person lives and their phone while the assignment is live at the provider.
 * A draft's writer changes, previews, sends (or, for a provider without system access, downloads
 * the PDF and records it as sent by secure mail) and deletes it from here.
 */
import type { ComponentType } from 'react';
import { Link, useLocation, useParams } from 'react-router-dom';
import { isApiError } from '../../api/client.ts';
import { Alert } from '../../components/Alert.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PersonContactFacts } from '../../components/PersonContact.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { Spinner } from '../../components/Spinner.tsx';
import { Table } from '../../components/Table.tsx';
import { formatDate, formatDateTime, personName } from '../../format.ts';
import { LIFE_AREA_NAMES } from '../../../domain/vocabulary.ts';
import { ASSIGNMENT_EVENT_LABELS, SENT_VIA_LABELS, minutesText, scopeText, weekdaysText } from './assignmentLabels.ts';
import { AssignmentActions } from './AssignmentActions.tsx';
import { StatusTag } from './CaseAssignments.tsx';
import { useAssignment, type AssignmentDetail } from './assignments.api.ts';
import './assignments.css';
import { WatchButton } from '../personal-watches/WatchButton.tsx';

/**
 * The provider's part of the page (accept and distribute, stop, the delivery rows): the deliveries
 * feature's, handed in by app/routes.tsx so that assignments does not import deliveries, which
 * imports assignments.
 */
export type ProviderIntakeSlot = ComponentType<{ assignment: AssignmentDetail }>;

export function AssignmentPage({ ProviderIntake }: { ProviderIntake: ProviderIntakeSlot }) {
  const { assignmentId = '' } = useParams();
  const assignment = useAssignment(assignmentId);
  const notice = (useLocation().state as { notice?: string } | null)?.notice;
  if (assignment.isPending)
    return (
      <section className="page">
        <PageTitle>Uppdrag</PageTitle>
        <Spinner />
      </section>
    );
  if (assignment.error || !assignment.data) {
    const isMissing = isApiError(assignment.error, 404) || isApiError(assignment.error, 400);
    return (
      <section className="page">
        <PageTitle>{isMissing ? 'Uppdraget hittades inte' : 'Uppdraget kunde inte visas'}</PageTitle>
        {isMissing ? (
          <p>
            Uppdraget finns inte, eller så är det inte ditt att läsa. Hos utföraren läser chefer och samordnare nya
            uppdrag; när uppdraget är fördelat läser personalen det när personen finns på deras enhet.
          </p>
        ) : (
          <ErrorAlert error={assignment.error} />
        )}
      </section>
    );
  }
  return <AssignmentView assignment={assignment.data} notice={notice} ProviderIntake={ProviderIntake} />;
}

/** Another assignment named here: a link where the reader may open it, its number alone where it is another unit's. */
function AssignmentLink({
  assignment,
  prefix = '',
}: {
  assignment: NonNullable<AssignmentDetail['replacedBy']>;
  prefix?: string;
}) {
  return assignment.canOpen ? (
    <Link to={`/uppdrag/${assignment.id}`}>
      {prefix}
      {assignment.assignmentNumber}
    </Link>
  ) : (
    <>
      {prefix}
      {assignment.assignmentNumber}
    </>
  );
}

type Intervention = AssignmentDetail['interventions'][number];
type AssignmentEvent = AssignmentDetail['events'][number];

interface AssignmentViewProps {
  assignment: AssignmentDetail;
  notice: string | undefined;
  ProviderIntake: ProviderIntakeSlot;
}

function AssignmentView({ assignment, notice, ProviderIntake }: AssignmentViewProps) {
  const name = personName(assignment.person);
  const twoStaff = assignment.interventions.filter((row) => row.isTwoStaff);
  return (
    <section className="page">
      <div className="person-header">
        <PageTitle documentTitle={`Uppdrag ${assignment.assignmentNumber}`} className="person-header__title">
          Uppdrag {assignment.assignmentNumber} <StatusTag status={assignment.status} sentVia={assignment.sentVia} />
        </PageTitle>
        <p className="person-header__facts">
          <span>
            {assignment.permissions.canOpenCase ? (
              <Link to={`/personer/${assignment.person.id}`}>{name ?? 'Skyddad identitet'}</Link>
            ) : (
              (name ?? <span className="tag tag--protected">Skyddad identitet</span>)
            )}{' '}
            <span className="muted">{assignment.person.identityNumber}</span>
          </span>
          <span>
            Till {assignment.provider.name}
            {!assignment.provider.hasSystemAccess && ' (utan systemåtkomst)'}
          </span>
        </p>
        {assignment.personContact && (
          <dl className="facts person-contact" aria-label="Personens adress och telefon">
            <PersonContactFacts contact={assignment.personContact} isProtected={assignment.person.protectedIdentity} />
          </dl>
        )}
        <AssignmentActions assignment={assignment} />
        {/* The authority's side: provider staff keep their watches on the provider case. */}
        {assignment.permissions.canOpenCase && (
          <WatchButton
            personId={assignment.person.id}
            record={{ kind: 'assignment', id: assignment.id, label: assignment.assignmentNumber }}
          />
        )}
      </div>
      {notice && <Alert tone="success">{notice}</Alert>}
      {assignment.permissions.canEdit &&
        assignment.isNewClient &&
        (!assignment.handoverBy || !assignment.handoverAt) && (
          <Alert tone="warning" title="Ny brukare: överlämningen per telefon är inte registrerad">
            <p>
              Rutinen kräver att utföraren får en muntlig överlämning per telefon innan uppdraget skickas.{' '}
              <Link to={`/uppdrag/${assignment.id}/redigera`}>Ändra utkastet</Link> och ange vem som tog emot den och
              när.
            </p>
          </Alert>
        )}
      {assignment.status === 'stopped' && (
        <Alert tone="warning" title={`Stoppat av utföraren ${formatDateTime(assignment.stateChangedAt)}`}>
          {assignment.stateMessage && <p className="preserve-lines">{assignment.stateMessage}</p>}
        </Alert>
      )}
      {assignment.status === 'withdrawn' && (
        <Alert tone="info" title={`Återkallat av myndigheten ${formatDateTime(assignment.stateChangedAt)}`}>
          <p>Beslutet avslutades innan uppdraget togs emot; det ska inte fördelas.</p>
          {assignment.stateMessage && <p className="preserve-lines">{assignment.stateMessage}</p>}
        </Alert>
      )}
      {assignment.replacedBy && (
        <Alert tone="info">
          Ersatt av <AssignmentLink assignment={assignment.replacedBy} prefix="uppdrag " />.
        </Alert>
      )}
      <ProviderIntake assignment={assignment} />

      <h2>Ärende och beslut</h2>
      <dl className="facts">
        <div>
          <dt>Ärende</dt>
          <dd>
            {assignment.permissions.canOpenCase ? (
              <Link to={`/arenden/${assignment.caseId}`}>{assignment.caseNumber}</Link>
            ) : (
              assignment.caseNumber
            )}
          </dd>
        </div>
        <div>
          <dt>Myndighetsenhet</dt>
          <dd>{assignment.authorityUnitName}</dd>
        </div>
        <div>
          <dt>Beslut</dt>
          <dd>{assignment.decision.decisionNumber}</dd>
        </div>
        <div>
          <dt>Lagrum</dt>
          <dd>{assignment.decision.legalBasisCode}</dd>
        </div>
        <div>
          <dt>Beslutsdatum</dt>
          <dd>{formatDate(assignment.decision.decisionDate)}</dd>
        </div>
        <div>
          <dt>Beslutsperiod</dt>
          <dd>
            {assignment.decision.periodFrom} – {assignment.decision.periodTo ?? 'tills vidare'}
          </dd>
        </div>
        {assignment.replacesAssignment && (
          <div>
            <dt>Ersätter</dt>
            <dd>
              <AssignmentLink assignment={assignment.replacesAssignment} />
            </dd>
          </div>
        )}
      </dl>

      <h2>Beviljade insatser</h2>
      <Table<Intervention>
        caption="Insatser i uppdraget"
        captionHidden
        rows={assignment.interventions}
        rowKey={(row) => row.id}
        columns={[
          {
            key: 'name',
            header: 'Insats',
            isRowHeader: true,
            render: (row) => (
              <>
                {row.name}
                {row.note && (
                  <span className="muted preserve-lines">
                    <br />
                    {row.note}
                  </span>
                )}
              </>
            ),
          },
          {
            key: 'scope',
            header: 'Beviljad omfattning',
            className: 'nowrap',
            render: (row) => scopeText(row.grantedAmount, row.scopeUnit),
          },
          {
            key: 'minutes',
            header: 'Min/tillfälle',
            className: 'numeric',
            render: (row) => (row.minutesPerOccasion === null ? '–' : String(row.minutesPerOccasion).replace('.', ',')),
          },
          { key: 'days', header: 'Planerade dagar', render: (row) => weekdaysText(row.plannedDays) },
          { key: 'times', header: 'Tider', render: (row) => row.plannedTimes ?? '–' },
          { key: 'twoStaff', header: 'Två personal', render: (row) => (row.isTwoStaff ? 'Ja' : 'Nej') },
          {
            key: 'month',
            header: 'Tid/månad',
            className: 'nowrap numeric',
            render: (row) => (row.monthlyMinutes > 0 ? minutesText(row.monthlyMinutes) : '–'),
          },
        ]}
      />
      <div className="assignment-total">
        <p className="assignment-total__main">
          Beviljad tid totalt: <strong>{minutesText(assignment.totalGrantedMinutes)} per månad</strong>, avrundat uppåt
          till närmaste kvart.
        </p>
        {twoStaff.length > 0 ? (
          <p>
            Dubbelbemanning krävs för {twoStaff.map((row) => row.name).join(', ')}. Personaltid:{' '}
            {minutesText(assignment.totalStaffMinutes)} per månad.
          </p>
        ) : (
          <p>Ingen insats kräver dubbelbemanning.</p>
        )}
      </div>

      <h2>Behov och mål per livsområde</h2>
      {assignment.lifeAreas.length === 0 ? (
        <p className="table-empty">Inga livsområden är beskrivna.</p>
      ) : (
        <dl className="life-area-list">
          {assignment.lifeAreas.map((area) => (
            <div key={area.lifeArea}>
              <dt>{LIFE_AREA_NAMES[area.lifeArea]}</dt>
              <dd>
                <span className="muted">Behov: </span>
                <span className="preserve-lines">{area.need ?? '–'}</span>
              </dd>
              <dd>
                <span className="muted">Mål: </span>
                <span className="preserve-lines">{area.goal ?? '–'}</span>
              </dd>
            </div>
          ))}
        </dl>
      )}

      <h2>Instruktioner och överlämning</h2>
      <dl className="facts">
        <div className="facts__row--wide">
          <dt>Instruktioner</dt>
          <dd className="preserve-lines">{assignment.instructions ?? 'Inga särskilda instruktioner.'}</dd>
        </div>
        <div>
          <dt>Ny brukare</dt>
          <dd>{assignment.isNewClient ? 'Ja' : 'Nej'}</dd>
        </div>
        {assignment.isNewClient && (
          <div>
            <dt>Överlämning per telefon till</dt>
            <dd>{assignment.handoverBy ?? 'Inte registrerad'}</dd>
          </div>
        )}
        {assignment.isNewClient && (
          <div>
            <dt>Överlämning gjord</dt>
            <dd>{formatDateTime(assignment.handoverAt)}</dd>
          </div>
        )}
        <div>
          <dt>Skrivet av</dt>
          <dd>
            {assignment.createdByName}, {formatDateTime(assignment.createdAt)}
          </dd>
        </div>
        <div>
          <dt>Skickat</dt>
          <dd>
            {assignment.sentAt
              ? `${formatDateTime(assignment.sentAt)} av ${assignment.sentByName ?? '–'}`
              : 'Inte skickat'}
          </dd>
        </div>
      </dl>

      <h2>Händelser</h2>
      <Table<AssignmentEvent>
        caption="Händelser för uppdraget"
        captionHidden
        rows={assignment.events}
        rowKey={(_row, index) => String(index)}
        empty="Inga händelser ännu. Uppdraget är ett utkast."
        columns={[
          {
            key: 'when',
            header: 'När',
            isRowHeader: true,
            className: 'nowrap',
            render: (row) => formatDateTime(row.occurredAt),
          },
          {
            key: 'what',
            header: 'Händelse',
            render: (row) =>
              row.event === 'sent_outside' && assignment.sentVia
                ? SENT_VIA_LABELS[assignment.sentVia]
                : ASSIGNMENT_EVENT_LABELS[row.event],
          },
          { key: 'who', header: 'Vem', render: (row) => row.actorName ?? '–' },
          { key: 'message', header: 'Meddelande', render: (row) => row.message ?? '–' },
        ]}
      />
    </section>
  );
}
