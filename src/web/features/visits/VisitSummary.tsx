/**
 * Inför besöket: the first thing provider staff see on a person's page, on a phone between visits
 * too — how to reach the person and get in (address, phones to call, door code, keys, the way in),
 * what is important to know, what their units do for the person today with the assignment's
 * instructions and needs, and whom to call. Read-only: the tabs below keep and change the details.
 */
import type { Address } from '../../../contract/persons.ts';
import { LIFE_AREA_NAMES } from '../../../domain/vocabulary.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PersonContactFacts, TelLink } from '../../components/PersonContact.tsx';
import { Spinner } from '../../components/Spinner.tsx';
import { formatDate } from '../../format.ts';
import { visitTimeParts } from './visitText.ts';
import { useVisitSummary, type VisitAssignment, type VisitIntervention, type VisitSummary } from './visits.api.ts';
import './visits.css';

interface VisitSummaryProps {
  personId: string;
  /** A protected identity's address, once the reader revealed it on the page. */
  revealedAddress?: Address | null;
}

export function VisitSummarySection({ personId, revealedAddress }: VisitSummaryProps) {
  const summary = useVisitSummary(personId);
  return (
    <section className="visit-summary" aria-labelledby="visit-summary-title">
      <h2 id="visit-summary-title" className="visit-summary__title">
        Inför besöket
      </h2>
      {summary.isPending && <Spinner />}
      <ErrorAlert error={summary.error} />
      {summary.data && <SummaryBody summary={summary.data} revealedAddress={revealedAddress ?? null} />}
    </section>
  );
}

function SummaryBody({ summary, revealedAddress }: { summary: VisitSummary; revealedAddress: Address | null }) {
  return (
    <>
      <dl className="facts visit-summary__facts">
        <PersonContactFacts
          contact={summary.contact}
          isProtected={summary.person.protectedIdentity}
          revealedAddress={revealedAddress}
        />
        <div>
          <dt>Portkod</dt>
          <dd className="visit-summary__code">{summary.doorCode ?? <span className="muted">Ingen portkod</span>}</dd>
        </div>
        <div>
          <dt>Nyckelnummer</dt>
          <dd>
            {summary.keys.length === 0 ? (
              <span className="muted">Ingen nyckel registrerad</span>
            ) : (
              <ul className="plain-list">
                {summary.keys.map((key) => (
                  <li key={key.id}>
                    <strong className="visit-summary__code">{key.keyNumber}</strong>
                    {key.description && ` – ${key.description}`}
                  </li>
                ))}
              </ul>
            )}
          </dd>
        </div>
        <div className="facts__row--wide">
          <dt>Besöksinformation</dt>
          <dd className="preserve-lines">
            {summary.visitInfo ?? <span className="muted">Ingen besöksinformation</span>}
          </dd>
        </div>
      </dl>
      {summary.importantInfo && (
        <div className="visit-summary__important">
          <h3>Viktigt att veta</h3>
          <p className="preserve-lines">{summary.importantInfo}</p>
        </div>
      )}
      <h3>Insatser i dag, {formatDate(summary.today)}</h3>
      {summary.assignments.length === 0 ? (
        <p className="muted">Inga insatser på dina enheter i dag.</p>
      ) : (
        summary.assignments.map((assignment) => <AssignmentToday key={assignment.id} assignment={assignment} />)
      )}
      <Contacts summary={summary} />
    </>
  );
}

function AssignmentToday({ assignment }: { assignment: VisitAssignment }) {
  return (
    <div className="visit-summary__assignment">
      <h4>Uppdrag {assignment.assignmentNumber}</h4>
      <ul className="visit-summary__interventions">
        {assignment.interventions.map((row) => (
          <InterventionItem key={row.deliveryId} row={row} />
        ))}
      </ul>
      <dl className="visit-summary__notes">
        <div>
          <dt>Instruktioner</dt>
          <dd className="preserve-lines">{assignment.instructions ?? 'Inga särskilda instruktioner.'}</dd>
        </div>
        {assignment.needs.map((need) => (
          <div key={need.lifeArea}>
            <dt>{LIFE_AREA_NAMES[need.lifeArea]}</dt>
            <dd>
              <span className="muted">Behov: </span>
              <span className="preserve-lines">{need.need ?? '–'}</span>
            </dd>
            <dd>
              <span className="muted">Mål: </span>
              <span className="preserve-lines">{need.goal ?? '–'}</span>
            </dd>
          </div>
        ))}
      </dl>
    </div>
  );
}

function InterventionItem({ row }: { row: VisitIntervention }) {
  const parts = visitTimeParts(row);
  return (
    <li className={row.isToday ? 'visit-summary__intervention' : 'visit-summary__intervention row--inactive'}>
      <p className="visit-summary__intervention-name">
        <strong>{row.name}</strong> <span className="muted">{row.providerUnitName}</span>
        {row.isTwoStaff && <span className="tag">Två personal</span>}
        {!row.isToday && !row.interruption && <span className="tag">Inte i dag</span>}
      </p>
      {row.interruption && (
        <p>
          <strong>Avbrott</strong> från {formatDate(row.interruption.fromDate)}
          {row.interruption.toDate ? ` till ${formatDate(row.interruption.toDate)}` : ''}: {row.interruption.reason}
        </p>
      )}
      {parts.length > 0 && <p>{parts.join(' · ')}</p>}
      {row.note && <p className="preserve-lines muted">{row.note}</p>}
    </li>
  );
}

function Contacts({ summary }: { summary: VisitSummary }) {
  if (summary.relatives.length === 0 && summary.referencePersons.length === 0)
    return (
      <>
        <h3>Anhöriga och referenspersoner</h3>
        <p className="muted">Inga anhöriga eller referenspersoner registrerade.</p>
      </>
    );
  return (
    <>
      <h3>Anhöriga och referenspersoner</h3>
      <ul className="plain-list visit-summary__contacts">
        {summary.relatives.map((relative) => (
          <li key={relative.id}>
            {relative.name} <span className="muted">({relative.relation.toLowerCase()}</span>
            {relative.isNextOfKin && <span className="muted">, närmast anhörig</span>}
            <span className="muted">)</span>
            {relative.phone && (
              <>
                {' '}
                <TelLink phone={relative.phone} />
              </>
            )}
          </li>
        ))}
        {summary.referencePersons.map((reference) => (
          <li key={reference.id}>
            {reference.name}{' '}
            <span className="muted">
              ({[reference.role.toLowerCase(), reference.organisation].filter(Boolean).join(', ')})
            </span>
            {reference.phone && (
              <>
                {' '}
                <TelLink phone={reference.phone} />
              </>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}
