/**
 * Which alarm groups are told of a personal alarm (trygghetslarm). An alarm group is a send list
 * with the purpose alarm_group, kept by a unit, and so belongs to that unit's service area (seed
 * 004: the ÄO routine sends every alarm assignment to "Jourlarmgruppen"). A personal alarm can be
 * granted in other areas too (FH has its own Trygghetslarm), and many municipalities run one alarm
 * group for all of them, kept under ÄO. So an assignment's alarm goes to:
 *
 * 1. the alarm groups of its own service area, when it has any;
 * 2. else, when the municipality keeps its alarm groups in one service area only, that area's —
 *    one alarm group for the whole municipality;
 * 3. else ÄO's, when it keeps any: the personal alarm is an elderly-care service at heart (DOMAIN
 *    §1), and ÄO's group is the one that installs alarms for the others;
 * 4. else none — the officer is warned before sending, never left to find out.
 *
 * The alarm managers of the area whose groups are told read those assignments too (the message
 * must open for them). Pure.
 */
import { SERVICE_AREAS, type ServiceAreaCode } from './organisation.ts';

/** The service area whose alarm groups are told of a personal alarm in `serviceArea`, or null when none is. */
export function alarmGroupServiceArea(
  serviceArea: ServiceAreaCode,
  areasWithAlarmGroups: readonly ServiceAreaCode[],
): ServiceAreaCode | null {
  const areas = new Set(areasWithAlarmGroups);
  if (areas.has(serviceArea)) return serviceArea;
  if (areas.size === 1) return [...areas][0]!;
  if (areas.has('AO')) return 'AO';
  return null;
}

/**
 * The service areas whose personal alarms an alarm manager of `area` handles: the area's own
 * (whether or not it keeps a group: the alarm manager works there), and every area whose alarms
 * fall back to the groups of `area`.
 */
export function alarmAreasHandledFrom(
  area: ServiceAreaCode,
  areasWithAlarmGroups: readonly ServiceAreaCode[],
): ServiceAreaCode[] {
  return SERVICE_AREAS.filter((other) => other === area || alarmGroupServiceArea(other, areasWithAlarmGroups) === area);
}
