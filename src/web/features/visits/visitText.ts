/**
 * How the summary words an intervention's time, the way the provider manual writes it on a row:
 * "0,5 tim/besök · 2 ggr/dygn · Hela veckan · morgon och kväll".
 */
import { DELIVERY_DAYS_LABELS, FREQUENCY_UNIT_LABELS } from '../../i18n/labels.ts';
import { formatNumber } from '../../format.ts';
import { weekdaysText } from '../assignments/assignmentLabels.ts';
import type { VisitIntervention } from './visits.api.ts';

/**
 * The time of a visit, how often and which days, as registered on the row, with the assignment's
 * minutes, planned days and times where the row says nothing of them.
 */
export function visitTimeParts(row: VisitIntervention): string[] {
  const parts: string[] = [];
  if (row.hoursPerVisit !== null) {
    const extra = row.extraHoursTwoStaff ? ` (+${formatNumber(row.extraHoursTwoStaff)} tim vid dubbel)` : '';
    parts.push(`${formatNumber(row.hoursPerVisit)} tim/besök${extra}`);
  } else if (row.minutesPerOccasion !== null) {
    parts.push(`${formatNumber(row.minutesPerOccasion)} min/besök`);
  }
  if (row.frequency !== null && row.frequencyUnit !== null)
    parts.push(`${formatNumber(row.frequency)} ${FREQUENCY_UNIT_LABELS[row.frequencyUnit]}`);
  if (row.days !== null) parts.push(DELIVERY_DAYS_LABELS[row.days]);
  else if (row.plannedDays.length > 0) parts.push(weekdaysText(row.plannedDays));
  if (row.plannedTimes) parts.push(row.plannedTimes);
  return parts;
}
