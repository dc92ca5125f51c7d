/**
 * The date rules of a person's case at a provider unit (genomförande): which day it may be closed.
 * Pure; the provider-cases module asks them with what it read, the unit tests beside this file try
 * every edge.
 */
import { isIsoDate } from './periods.ts';

export interface ClosingFacts {
  /** Today in Sweden. */
  today: string;
  /** The provider case's first day. */
  openedOn: string;
  /** The last day of the unit's latest delivery row for the person; null when it has none. */
  lastDeliveryEnd: string | null;
}

/**
 * Why the day cannot be the closing day, or null. Not in the future (closing is done, not
 * planned), not before the case opened, and not before the last delivery row ended: the case was
 * open while support was given.
 */
export function closingDateProblem(closedOn: string, facts: ClosingFacts): string | null {
  if (!isIsoDate(closedOn)) return 'Datumet finns inte.';
  if (closedOn > facts.today) return 'Avslutsdatum kan inte vara senare än i dag.';
  if (closedOn < facts.openedOn) return `Avslutsdatum kan inte vara före ${facts.openedOn}, då genomförandet öppnades.`;
  if (facts.lastDeliveryEnd !== null && closedOn < facts.lastDeliveryEnd) {
    return `Avslutsdatum kan inte vara före ${facts.lastDeliveryEnd}, den sista insatsens slutdatum.`;
  }
  return null;
}
