/**
 * In the end-decision dialog, before the officer confirms: what ending the decision on the day
 * typed does at the provider — which rows at which units end, which assignments leave the
 * provider's Nya uppdrag, and that each unit is told. Read from the server's preview, so it is
 * what the ending will do.
 */
import { Alert } from '../../components/Alert.tsx';
import { Spinner } from '../../components/Spinner.tsx';
import { deliveryRowName } from '../../../domain/delivery-rules.ts';
import { useDecisionEndPreview, type DecisionEndEffects } from './cases.api.ts';

type PlannedRow = DecisionEndEffects['rows'][number];

const KIND_NOTES: Record<PlannedRow['kind'], string> = {
  end: '',
  never_begins: ' (skulle börja senare, påbörjas inte)',
  cut: ' (redan återkallad eller avslutad, slutar tidigare)',
};

function rowName(row: PlannedRow): string {
  return `${deliveryRowName(row.interventionName, row.label)}, uppdrag ${row.assignmentNumber}${KIND_NOTES[row.kind]}`;
}

function countText(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** The rows grouped by provider unit, in the order the server gave them. */
function byUnit(rows: readonly PlannedRow[]): [string, PlannedRow[]][] {
  const units = new Map<string, PlannedRow[]>();
  for (const row of rows) units.set(row.providerUnit.name, [...(units.get(row.providerUnit.name) ?? []), row]);
  return [...units];
}

export function DecisionEndPreview({ decisionId, endedOn }: { decisionId: string; endedOn: string }) {
  const preview = useDecisionEndPreview(decisionId, endedOn);
  if (preview.fetchStatus === 'idle' && preview.isPending)
    return <p className="muted">Ange sista dag för att se vad som händer hos utförarna.</p>;
  if (preview.isPending) return <Spinner label="Hämtar vad som påverkas hos utförarna …" />;
  // A day the decision cannot end on: the form says why when it is sent.
  if (preview.error)
    return <p className="muted">Ange en dag inom beslutsperioden för att se vad som händer hos utförarna.</p>;
  const effects = preview.data;
  if (effects.problems.length) {
    return (
      <Alert tone="error" title={`Beslutet kan inte avslutas ${effects.endedOn}`}>
        <ul className="case-list">
          {effects.problems.map((problem) => (
            <li key={problem}>{problem}</li>
          ))}
        </ul>
      </Alert>
    );
  }
  const isQuiet =
    effects.rows.length === 0 && effects.withdrawnAssignments.length === 0 && effects.waitingAssignments.length === 0;
  return (
    <Alert tone="warning" title="Detta händer hos utförarna" className="decision-end-preview">
      {isQuiet && <p>Inga verkställighetsrader eller väntande uppdrag påverkas.</p>}
      {effects.rows.length > 0 && (
        <>
          <p>
            {countText(effects.rows.length, 'verkställighetsrad avslutas', 'verkställighetsrader avslutas')}{' '}
            {effects.endedOn}:
          </p>
          <ul className="case-list">
            {byUnit(effects.rows).map(([unit, rows]) => (
              <li key={unit}>
                <strong>{unit}</strong>: {countText(rows.length, 'rad', 'rader')} – {rows.map(rowName).join('; ')}
              </li>
            ))}
          </ul>
        </>
      )}
      {effects.withdrawnAssignments.length > 0 && (
        <>
          <p>Återkallas från utförarens Nya uppdrag:</p>
          <ul className="case-list">
            {effects.withdrawnAssignments.map((assignment) => (
              <li key={assignment.id}>
                Uppdrag {assignment.assignmentNumber} till {assignment.provider.name}
              </li>
            ))}
          </ul>
        </>
      )}
      {effects.waitingAssignments.length > 0 && (
        <>
          <p>Ligger kvar under Nya uppdrag och kan verkställas till och med {effects.endedOn}:</p>
          <ul className="case-list">
            {effects.waitingAssignments.map((assignment) => (
              <li key={assignment.id}>
                Uppdrag {assignment.assignmentNumber} till {assignment.provider.name}
              </li>
            ))}
          </ul>
        </>
      )}
      {!isQuiet && <p>Varje berörd enhet får ett meddelande i inkorgen.</p>}
    </Alert>
  );
}
