/**
 * Swedish words for the assignment codes, typed over the contract's lists so a new code without a
 * label fails the type check; the life areas' names come from the contract (the PDF prints the same).
 */
import type { AssignmentStatus, Weekday } from '../../../contract/assignments.ts';
import { type ASSIGNMENT_EVENTS, WEEKDAYS, type SentOutsideVia, type SentVia } from '../../../domain/vocabulary.ts';
import type { Role } from '../../../domain/roles.ts';
import { formatMinutesAsHours } from '../../../domain/granted-time.ts';
import { formatNumber } from '../../format.ts';
import { scopeUnitLabel } from '../../i18n/labels.ts';

export const ASSIGNMENT_STATUS_LABELS: Record<AssignmentStatus, string> = {
  draft: 'Utkast',
  new: 'Skickat – nytt hos utföraren',
  accepted: 'Accepterat',
  stopped: 'Stoppat av utföraren',
  replaced: 'Ersatt',
  withdrawn: 'Återkallat – beslutet avslutat',
  sent_outside: 'Skickat utanför Vardag',
};

/** How it was sent; for one sent outside Vardag this says how, in place of the status's word. */
export const SENT_VIA_LABELS: Record<SentVia, string> = {
  system: 'Skickat i Vardag',
  secure_mail: 'Skickat med säker e-post',
  post: 'Skickat per post',
};

/** The choices in "Registrera som skickat". */
export const SENT_OUTSIDE_CHOICES: Record<SentOutsideVia, string> = {
  secure_mail: 'Med säker e-post',
  post: 'Per post',
};

export const ASSIGNMENT_EVENT_LABELS: Record<(typeof ASSIGNMENT_EVENTS)[number], string> = {
  sent: 'Skickat i Vardag',
  sent_outside: 'Registrerat som skickat utanför Vardag',
  accepted: 'Accepterat av utföraren',
  stopped: 'Stoppat av utföraren',
  acknowledged: 'Kvitterat',
  replaced: 'Ersatt av ett nytt uppdrag',
  withdrawn: 'Återkallat av myndigheten',
};

export const WEEKDAY_LABELS: Record<Weekday, string> = {
  mon: 'Måndag',
  tue: 'Tisdag',
  wed: 'Onsdag',
  thu: 'Torsdag',
  fri: 'Fredag',
  sat: 'Lördag',
  sun: 'Söndag',
};
const WEEKDAY_SHORT: Record<Weekday, string> = {
  mon: 'mån',
  tue: 'tis',
  wed: 'ons',
  thu: 'tor',
  fri: 'fre',
  sat: 'lör',
  sun: 'sön',
};

/** "mån, ons, fre", in week order. */
export function weekdaysText(days: readonly Weekday[]): string {
  if (days.length === 0) return '–';
  return WEEKDAYS.filter((day) => days.includes(day))
    .map((day) => WEEKDAY_SHORT[day])
    .join(', ');
}

/** Who writes assignments: mirrors canWriteAssignments (the authority). */
export const ASSIGNMENT_WRITER_ROLES: readonly Role[] = ['case_officer', 'authority_manager'];
/** Who has "Nya uppdrag": mirrors canListNewAssignments. */
export const NEW_ASSIGNMENT_ROLES: readonly Role[] = [
  'operations_manager',
  'unit_manager',
  'coordinator',
  'alarm_manager',
];

/** "20 tim/månad", or "Enligt beslut" for a scope without amount (trygghetslarm). */
export function scopeText(amount: number | null, unit: string): string {
  if (unit === 'none' || amount === null) return 'Enligt beslut';
  return `${formatNumber(amount)} ${scopeUnitLabel(unit)}`;
}

/** 1935 → "32 tim 15 min". */
export function minutesText(minutes: number): string {
  return formatMinutesAsHours(Math.round(minutes));
}
