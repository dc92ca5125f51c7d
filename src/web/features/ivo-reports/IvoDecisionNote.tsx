/**
 * On the case page's decision: a short note when one of its granted interventions (or an
 * interruption of one) has gone three months undelivered and is to be reported to IVO, with a
 * link to record the details. Nothing otherwise.
 */
import { Link } from 'react-router-dom';
import { Alert } from '../../components/Alert.tsx';
import { formatDate } from '../../format.ts';
import { useCaseLateItems } from './ivoReports.api.ts';
import { detailsPath } from './ivoLabels.ts';

export function IvoDecisionNote({ caseId, decisionId }: { caseId: string; decisionId: string }) {
  const items = useCaseLateItems(caseId).data?.items.filter((item) => item.decisionId === decisionId) ?? [];
  if (items.length === 0) return null;
  return (
    <Alert tone="warning" role="note" title="Ska rapporteras till IVO">
      <ul className="plain-list">
        {items.map((item) => (
          <li key={item.subjectId}>
            {item.interventionType}{' '}
            {item.subjectKind === 'decision' ? 'är inte verkställd' : 'har ett avbrott som inte återupptagits'}; tre
            månader gick ut {formatDate(item.deadline)}.{' '}
            <Link to={detailsPath(item.subjectKind, item.subjectId)}>
              {item.isMissingTexts ? 'Fyll i uppgifter till IVO' : 'Uppgifter till IVO'}
              <span className="visually-hidden"> för {item.interventionType}</span>
            </Link>
          </li>
        ))}
      </ul>
    </Alert>
  );
}
