/** Historik: everything that happened in the case, oldest first, as an ordered list. */
import { Link } from 'react-router-dom';
import { formatDateTime } from '../../format.ts';
import { CASE_HISTORY_LABELS } from './caseLabels.ts';
import type { CaseView } from './cases.api.ts';

const DATE_WORDS: Partial<Record<CaseView['history'][number]['kind'], string>> = {
  case_opened: 'öppnat',
  decision_recorded: 'beslutsdatum',
  decision_ended: 'gäller till och med',
  case_closed: 'avslutat',
  delivery_started: 'verkställighetsdatum',
  delivery_ended: 'sista dag',
};

export function CaseHistory({ history }: { history: CaseView['history'] }) {
  return (
    <section className="section" aria-labelledby="case-history">
      <h2 id="case-history">Historik</h2>
      <ol className="case-history">
        {history.map((event, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: the history only grows at its end and is never reordered
          <li key={`${event.kind}-${event.occurredAt}-${index}`} className="case-history__event">
            <p className="case-history__when">{formatDateTime(event.occurredAt)}</p>
            <p className="case-history__what">
              <strong>{CASE_HISTORY_LABELS[event.kind]}</strong>:{' '}
              {event.assignmentId ? <Link to={`/uppdrag/${event.assignmentId}`}>{event.title}</Link> : event.title}
              {event.date && DATE_WORDS[event.kind] && (
                <span className="muted">
                  {' '}
                  ({DATE_WORDS[event.kind]} {event.date})
                </span>
              )}
            </p>
            {(event.actorName || event.message) && (
              <p className="case-history__meta muted">
                {event.actorName}
                {event.actorName && event.message ? ' – ' : ''}
                {event.message && <q>{event.message}</q>}
              </p>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
