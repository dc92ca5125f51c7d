/**
 * The case page's "Uppdrag": the case's assignments with their state (a stopped one shows the
 * provider's message), and "Skriv uppdrag" from each granted decision that is still running.
 * Shown on the case page (features/cases/CasePage.tsx).
 */
import { Link } from 'react-router-dom';
import type { Decision } from '../../../contract/cases.ts';
import { Alert } from '../../components/Alert.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Spinner } from '../../components/Spinner.tsx';
import { Table } from '../../components/Table.tsx';
import { formatDateTime } from '../../format.ts';
import { ASSIGNMENT_STATUS_LABELS, SENT_VIA_LABELS, minutesText } from './assignmentLabels.ts';
import { useCaseAssignments, type CaseAssignment } from './assignments.api.ts';
import './assignments.css';

export interface CaseAssignmentsProps {
  caseId: string;
  personId: string;
  /** The case's decisions, newest first; assignments are written from a granted one. */
  decisions: readonly Decision[];
  /** The case is open and the user may change it. */
  canWrite: boolean;
}

export function CaseAssignments({ caseId, decisions, canWrite }: CaseAssignmentsProps) {
  const list = useCaseAssignments(caseId);
  const writable =
    canWrite && list.data?.canWrite
      ? decisions.filter(
          (decision) => decision.outcome === 'granted' && decision.status !== 'ended' && decision.endedOn === null,
        )
      : [];
  const stopped = list.data?.assignments.filter((row) => row.status === 'stopped') ?? [];
  return (
    <section className="section" aria-labelledby="case-assignments">
      <div className="case-section-head">
        <h2 id="case-assignments">Uppdrag</h2>
        {writable.length > 0 && (
          <div className="button-row">
            {writable.map((decision) => (
              <Link key={decision.id} className="button button--primary" to={`/uppdrag/nytt?decisionId=${decision.id}`}>
                Skriv uppdrag<span className="visually-hidden"> från beslut</span>
                {writable.length > 1 && <> från {decision.decisionNumber}</>}
              </Link>
            ))}
          </div>
        )}
      </div>
      {list.isPending && <Spinner />}
      <ErrorAlert error={list.error} />
      {stopped.map((row) => (
        <Alert
          key={row.id}
          tone="warning"
          title={`Uppdrag ${row.assignmentNumber} har stoppats av ${row.providerName}`}
        >
          {row.stateMessage && <p className="preserve-lines">{row.stateMessage}</p>}
          <p>
            <Link to={`/uppdrag/${row.id}`}>Öppna uppdrag {row.assignmentNumber}</Link> och skriv vid behov ett nytt som
            ersätter det.
          </p>
        </Alert>
      ))}
      {list.data && (
        <Table<CaseAssignment>
          caption="Uppdrag i ärendet"
          captionHidden
          rows={list.data.assignments}
          rowKey={(row) => row.id}
          empty="Inga uppdrag ännu."
          columns={[
            {
              key: 'number',
              header: 'Uppdrag',
              isRowHeader: true,
              className: 'nowrap',
              render: (row) => <Link to={`/uppdrag/${row.id}`}>{row.assignmentNumber}</Link>,
            },
            { key: 'provider', header: 'Utförare', render: (row) => row.providerName },
            { key: 'decision', header: 'Beslut', className: 'nowrap', render: (row) => row.decisionNumber },
            {
              key: 'status',
              header: 'Status',
              render: (row) => <StatusTag status={row.status} sentVia={row.sentVia} />,
            },
            {
              key: 'sent',
              header: 'Skickat',
              className: 'nowrap',
              render: (row) => (row.sentAt ? formatDateTime(row.sentAt) : '–'),
            },
            {
              key: 'total',
              header: 'Beviljad tid/månad',
              className: 'nowrap numeric',
              render: (row) => minutesText(row.totalGrantedMinutes),
            },
          ]}
        />
      )}
    </section>
  );
}

/** The status; one sent outside Vardag says how (secure mail or post) when the caller knows. */
export function StatusTag({
  status,
  sentVia,
}: {
  status: CaseAssignment['status'];
  sentVia?: CaseAssignment['sentVia'];
}) {
  const tone =
    status === 'draft'
      ? 'tag tag--draft'
      : status === 'stopped'
        ? 'tag tag--protected'
        : status === 'replaced' || status === 'withdrawn'
          ? 'tag tag--muted'
          : 'tag';
  return (
    <span className={tone}>
      {status === 'sent_outside' && sentVia ? SENT_VIA_LABELS[sentVia] : ASSIGNMENT_STATUS_LABELS[status]}
    </span>
  );
}
