/** One decision on the case page: its facts, the granted interventions, and "Avsluta beslut". */
import { useState } from 'react';
import { Button } from '../../components/Button.tsx';
import { Table } from '../../components/Table.tsx';
import { formatDate } from '../../format.ts';
import { DECISION_OUTCOME_LABELS, DECISION_STATUS_LABELS, periodText, scopeText } from './caseLabels.ts';
import type { Decision } from './cases.api.ts';
import { EndDecisionDialog } from './CaseDialogs.tsx';
import { IvoDecisionNote } from '../ivo-reports/IvoDecisionNote.tsx';

type Intervention = Decision['interventions'][number];

interface DecisionCardProps {
  decision: Decision;
  /** For the note when the decision is to be reported to IVO. */
  caseId: string;
  canEnd: boolean;
  /** Told what "Avsluta beslut" did, for the page's "Klart: …". */
  onDone: (notice: string) => void;
}

export function DecisionCard({ decision, caseId, canEnd, onDone }: DecisionCardProps) {
  const [isEnding, setIsEnding] = useState(false);
  const headingId = `decision-${decision.id}`;
  const isEndable =
    canEnd && decision.outcome === 'granted' && decision.endedOn === null && decision.status !== 'ended';
  return (
    <article className="panel decision-card" aria-labelledby={headingId}>
      <h3 id={headingId} className="decision-card__title">
        {decision.decisionNumber} – {DECISION_OUTCOME_LABELS[decision.outcome]}
        {decision.outcome === 'granted' && (
          <span className={decision.status === 'ended' ? 'tag tag--muted' : 'tag'}>
            {DECISION_STATUS_LABELS[decision.status]}
          </span>
        )}
      </h3>
      <dl className="facts">
        <div>
          <dt>Lagrum</dt>
          <dd>
            {decision.legalBasis.code}
            {decision.legalBasis.description && <span className="muted"> ({decision.legalBasis.description})</span>}
          </dd>
        </div>
        <div>
          <dt>Beslutsdatum</dt>
          <dd>{formatDate(decision.decisionDate)}</dd>
        </div>
        <div>
          <dt>Beslutsperiod</dt>
          <dd>{periodText(decision.periodFrom, decision.periodTo)}</dd>
        </div>
        <div>
          <dt>Beslutat av</dt>
          <dd>{decision.decidedBy.name}</dd>
        </div>
        {decision.endedOn && (
          <div>
            <dt>Avslutat</dt>
            <dd>
              {formatDate(decision.endedOn)}, {decision.endReason}
              {decision.endedBy && <span className="muted"> ({decision.endedBy.name})</span>}
            </dd>
          </div>
        )}
        {decision.justification && (
          <div className="facts__row--wide">
            <dt>Motivering</dt>
            <dd className="preserve-lines">{decision.justification}</dd>
          </div>
        )}
      </dl>
      {decision.outcome === 'granted' && <IvoDecisionNote caseId={caseId} decisionId={decision.id} />}
      <Table<Intervention>
        caption={
          decision.outcome === 'granted'
            ? `Beviljade insatser i ${decision.decisionNumber}`
            : `Insatser som ansökan gällde i ${decision.decisionNumber}`
        }
        rows={decision.interventions}
        rowKey={(row) => row.id}
        columns={[
          { key: 'name', header: 'Insats', isRowHeader: true, render: (row) => row.name },
          {
            key: 'scope',
            header: decision.outcome === 'granted' ? 'Beviljad omfattning' : 'Ansökt omfattning',
            className: 'nowrap',
            render: (row) => scopeText(row.grantedAmount, row.scopeUnit),
          },
          { key: 'note', header: 'Anteckning', render: (row) => row.note ?? '–' },
        ]}
      />
      {isEndable && (
        <div className="button-row">
          <Button onClick={() => setIsEnding(true)}>
            Avsluta beslut<span className="visually-hidden"> {decision.decisionNumber}</span>
          </Button>
        </div>
      )}
      <EndDecisionDialog decision={decision} open={isEnding} onClose={() => setIsEnding(false)} onDone={onDone} />
    </article>
  );
}
