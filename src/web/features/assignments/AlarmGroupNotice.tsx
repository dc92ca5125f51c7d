/**
 * Said in the send dialogs of an assignment with a personal alarm (trygghetslarm) when no alarm
 * group will be told of it: none is kept for its service area (src/domain/alarm-groups.ts), or it
 * is sent outside Vardag, where nobody gets a message. The officer must not find out afterwards.
 */
import { Alert } from '../../components/Alert.tsx';
import { SERVICE_AREA_SHORT } from '../../i18n/labels.ts';
import type { AssignmentDetail } from './assignments.api.ts';

export function AlarmGroupNotice({ assignment, via }: { assignment: AssignmentDetail; via: 'system' | 'outside' }) {
  if (!assignment.interventions.some((intervention) => intervention.isPersonalAlarm)) return null;
  if (via === 'system') {
    if (assignment.alarmGroups.length > 0) return null;
    return (
      <Alert tone="warning" role="note" title="Ingen larmgrupp får meddelandet.">
        <p>
          Uppdraget gäller trygghetslarm, men det finns ingen aktiv larmgrupp (sändlista för trygghetslarm) som tar emot
          larm inom {SERVICE_AREA_SHORT[assignment.serviceArea]}. Meddela larmgruppen på annat sätt, och be enheten som
          sköter trygghetslarmen att lägga upp en larmgrupp.
        </p>
      </Alert>
    );
  }
  const groups = assignment.alarmGroups.length > 0 ? assignment.alarmGroups.join(', ') : 'larmgruppen';
  return (
    <Alert tone="warning" role="note" title="Larmgruppen får inget meddelande.">
      <p>
        Uppdraget gäller trygghetslarm. När det skickas utanför Vardag får ingen larmgrupp något meddelande: meddela{' '}
        {groups} själv.
      </p>
    </Alert>
  );
}
