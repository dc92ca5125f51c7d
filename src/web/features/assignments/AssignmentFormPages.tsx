/**
 * The pages around the assignment form: "Skriv uppdrag" (/uppdrag/nytt?decisionId=…, with
 * &ersatter=… when it replaces a sent one) and "Ändra utkast" (/uppdrag/:assignmentId/redigera).
 * Both show whom and which decision the assignment concerns above the form.
 */
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { isApiError } from '../../api/client.ts';
import { Alert } from '../../components/Alert.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { Spinner } from '../../components/Spinner.tsx';
import { formatDate, personName } from '../../format.ts';
import { AssignmentForm } from './AssignmentForm.tsx';
import {
  useAssignment,
  useAssignmentOptions,
  type AssignmentDetail,
  type AssignmentOptions,
} from './assignments.api.ts';
import './assignments.css';

export function NewAssignmentPage() {
  const [params] = useSearchParams();
  const decisionId = params.get('decisionId') ?? '';
  const replaces = params.get('ersatter');
  const options = useAssignmentOptions(decisionId);
  if (!decisionId)
    return <Missing title="Skriv uppdrag" text="Öppna ärendet och välj Skriv uppdrag vid ett bifallet beslut." />;
  if (options.isPending)
    return (
      <section className="page">
        <PageTitle>Skriv uppdrag</PageTitle>
        <Spinner />
      </section>
    );
  if (options.error || !options.data) return <Failure error={options.error} title="Skriv uppdrag" />;
  const data = options.data;
  // A replacement starts from the assignment it replaces, if the case still offers it.
  const existing = replaces && data.replaceable.some((row) => row.id === replaces) ? replaces : undefined;
  return (
    <section className="page">
      <PageTitle>Skriv uppdrag</PageTitle>
      <Context options={data} />
      {data.writeBlockedReason ? (
        <Alert tone="warning" title="Uppdrag kan inte skrivas från beslutet">
          {data.writeBlockedReason}
        </Alert>
      ) : (
        <ReplacingForm options={data} replacesId={existing} />
      )}
    </section>
  );
}

function ReplacingForm({ options, replacesId }: { options: AssignmentOptions; replacesId: string | undefined }) {
  const replaced = useAssignment(replacesId ?? '');
  if (!replacesId) return <AssignmentForm options={options} />;
  if (replaced.isPending) return <Spinner />;
  if (!replaced.data) return <AssignmentForm options={options} />;
  // The new draft starts as a copy of the one it replaces, to change what has changed.
  const template: AssignmentDetail = {
    ...replaced.data,
    replacesAssignment: { id: replaced.data.id, assignmentNumber: replaced.data.assignmentNumber, canOpen: true },
  };
  return <AssignmentForm options={options} template={template} />;
}

export function EditAssignmentPage() {
  const { assignmentId = '' } = useParams();
  const assignment = useAssignment(assignmentId);
  const options = useAssignmentOptions(assignment.data?.decision.id ?? '');
  if (assignment.isPending || (assignment.data && options.isPending))
    return (
      <section className="page">
        <PageTitle>Ändra utkast</PageTitle>
        <Spinner />
      </section>
    );
  if (assignment.error || !assignment.data) return <Failure error={assignment.error} title="Ändra utkast" />;
  if (options.error || !options.data) return <Failure error={options.error} title="Ändra utkast" />;
  const draft = assignment.data;
  return (
    <section className="page">
      <PageTitle documentTitle={`Ändra ${draft.assignmentNumber}`}>Ändra utkast {draft.assignmentNumber}</PageTitle>
      <Context options={options.data} />
      {!draft.permissions.canEdit ? (
        <Alert tone="info">
          Uppdraget är skickat och kan inte ändras. <Link to={`/uppdrag/${draft.id}`}>Öppna uppdraget</Link> för att
          skriva ett nytt som ersätter det.
        </Alert>
      ) : (
        <AssignmentForm key={draft.version} options={options.data} existing={draft} />
      )}
    </section>
  );
}

function Context({ options }: { options: AssignmentOptions }) {
  const { decision } = options;
  return (
    <dl className="facts assignment-context">
      <div>
        <dt>Person</dt>
        <dd>
          {personName(options.person) ?? 'Skyddad identitet'}{' '}
          <span className="muted">{options.person.identityNumber}</span>
        </dd>
      </div>
      <div>
        <dt>Ärende</dt>
        <dd>
          <Link to={`/arenden/${options.caseId}`}>{options.caseNumber}</Link>
        </dd>
      </div>
      <div>
        <dt>Beslut</dt>
        <dd>
          {decision.decisionNumber}, {decision.legalBasisCode}
        </dd>
      </div>
      <div>
        <dt>Beslutsdatum</dt>
        <dd>{formatDate(decision.decisionDate)}</dd>
      </div>
      <div>
        <dt>Beslutsperiod</dt>
        <dd>
          {decision.periodFrom} – {decision.periodTo ?? 'tills vidare'}
        </dd>
      </div>
    </dl>
  );
}

function Missing({ title, text }: { title: string; text: string }) {
  return (
    <section className="page">
      <PageTitle>{title}</PageTitle>
      <p>{text}</p>
    </section>
  );
}

function Failure({ error, title }: { error: unknown; title: string }) {
  const isMissing = isApiError(error, 404) || isApiError(error, 400);
  return (
    <section className="page">
      <PageTitle>{isMissing ? 'Hittades inte' : title}</PageTitle>
      {isMissing ? (
        <p>Beslutet eller uppdraget finns inte, eller så hör det inte till ditt verksamhetsområde.</p>
      ) : (
        <ErrorAlert error={error} />
      )}
    </section>
  );
}
