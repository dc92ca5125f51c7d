/**
 * Ärenden, a tab on the person page for the authority: the person's cases in the user's service
 * area, open first, each with its decisions, and "Öppna ärende" when none is open.
 */
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Button } from '../../components/Button.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Spinner } from '../../components/Spinner.tsx';
import { Table } from '../../components/Table.tsx';
import { formatDate } from '../../format.ts';
import { CASE_STATUS_LABELS, DECISION_STATUS_LABELS, periodText } from './caseLabels.ts';
import { usePersonCases, type CaseSummary } from './cases.api.ts';
import { OpenCaseDialog } from './OpenCaseDialog.tsx';
import './cases.css';

export function PersonCasesTab({ personId }: { personId: string }) {
  const cases = usePersonCases(personId);
  const [isOpening, setIsOpening] = useState(false);
  return (
    <section className="section">
      <h2>Ärenden</h2>
      <p className="muted">Personens ärenden i ditt verksamhetsområde, öppna först.</p>
      {cases.isPending && <Spinner />}
      <ErrorAlert error={cases.error} />
      {cases.data && (
        <>
          {cases.data.canOpenCase && (
            <div className="button-row">
              <Button variant="primary" onClick={() => setIsOpening(true)}>
                Öppna ärende
              </Button>
            </div>
          )}
          <Table<CaseSummary>
            caption="Ärenden"
            captionHidden
            rows={cases.data.cases}
            rowKey={(row) => row.id}
            empty="Personen har inga ärenden i ditt verksamhetsområde."
            columns={[
              {
                key: 'number',
                header: 'Ärende',
                isRowHeader: true,
                className: 'nowrap',
                render: (row) => <Link to={`/arenden/${row.id}`}>{row.caseNumber}</Link>,
              },
              { key: 'status', header: 'Status', render: (row) => CASE_STATUS_LABELS[row.status] },
              { key: 'opened', header: 'Öppnat', className: 'nowrap', render: (row) => formatDate(row.openedOn) },
              {
                key: 'closed',
                header: 'Avslutat',
                className: 'nowrap',
                render: (row) => (row.closedOn ? `${formatDate(row.closedOn)} (${row.endReason ?? ''})` : '–'),
              },
              { key: 'officer', header: 'Handläggare', render: (row) => row.caseOfficer.name },
              { key: 'decisions', header: 'Beslut', render: (row) => <DecisionLines decisions={row.decisions} /> },
            ]}
          />
        </>
      )}
      <OpenCaseDialog personId={personId} open={isOpening} onClose={() => setIsOpening(false)} />
    </section>
  );
}

function DecisionLines({ decisions }: { decisions: CaseSummary['decisions'] }) {
  if (decisions.length === 0) return <span className="muted">Inga beslut</span>;
  return (
    <ul className="case-list">
      {decisions.map((decision) => (
        <li key={decision.id}>
          {decision.decisionNumber}: {decision.interventionNames.join(', ')} (
          {DECISION_STATUS_LABELS[decision.status].toLowerCase()},{' '}
          {periodText(decision.periodFrom, decision.endedOn ?? decision.periodTo)})
        </li>
      ))}
    </ul>
  );
}
