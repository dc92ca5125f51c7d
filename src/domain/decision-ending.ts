/**
 * What ending a decision does to what was sent from it: the delivery rows of its assignments and
 * the assignments still waiting at the provider (DOMAIN.md §3: a delivery period never extends
 * beyond the decision period). Pure; the server applies it when the decision ends and shows it to
 * the officer first (the preview), the case closing applies it for every decision once more.
 * Messages are the Swedish the dialog shows.
 */
import { endProblem, type DeliveryRowFacts } from './delivery-rules.ts';

/**
 * - `end`: the row runs past the day; it ends on the day, as the provider's Avsluta would end it.
 * - `never_begins`: the row was to begin after the day; it ends on the day without ever beginning
 *   (its last day before its first, which migration 0023 allows only for a row never started).
 * - `cut`: the row is already withdrawn or ended, but on a later day (a change of time or an
 *   ending planned ahead); its status stays and its last day becomes the day.
 */
export const ROW_ENDING_KINDS = ['end', 'never_begins', 'cut'] as const;
export type RowEndingKind = (typeof ROW_ENDING_KINDS)[number];

export interface RowEnding {
  kind: RowEndingKind;
  /** The row's new last day: the decision's. */
  periodTo: string;
}

/** Either what happens to the row (null: nothing, it ends by the day already) or why the decision cannot end on the day. */
export type RowEndingPlan = { ending: RowEnding | null; problem: null } | { ending: null; problem: string };

const STARTED_AFTER = (startedOn: string) =>
  `Insatsen startade ${startedOn}; beslutet kan inte avslutas före det. Be utföraren rätta verkställighetsdatum om det är fel.`;

/**
 * What ending the decision on `lastDay` does to one of its rows. A row whose support started
 * (verkställighetsdatum) after that day cannot be ended by it: the start date drives billing and
 * the statutory reports, so either the day or the start date is wrong and a person must say which.
 */
export function rowEndingOnDecisionEnd(row: DeliveryRowFacts, lastDay: string): RowEndingPlan {
  if (row.periodTo !== null && row.periodTo <= lastDay) return { ending: null, problem: null };
  if (row.startedOn && row.startedOn > lastDay) return { ending: null, problem: STARTED_AFTER(row.startedOn) };
  if (row.status === 'withdrawn' || row.status === 'ended')
    return { ending: { kind: 'cut', periodTo: lastDay }, problem: null };
  if (row.periodFrom > lastDay) return { ending: { kind: 'never_begins', periodTo: lastDay }, problem: null };
  // The provider's own rule for Avsluta: within the row's period, not before it started, a status that may end.
  const problem = endProblem(row, lastDay);
  if (problem) return { ending: null, problem };
  return { ending: { kind: 'end', periodTo: lastDay }, problem: null };
}

/**
 * Whether an assignment still waiting in the provider's Nya uppdrag is withdrawn when its decision
 * ends on `lastDay`: when no day is left on which the provider could begin — the day is today or
 * past, or it comes before the date a change of provider would have begun from. A decision ended
 * ahead (a planned move) leaves the assignment waiting: support is still due until then, and the
 * distribution form keeps every row within the decision.
 */
export function isWaitingAssignmentWithdrawn(
  lastDay: string,
  today: string,
  providerChangeDate: string | null = null,
): boolean {
  return lastDay <= today || (providerChangeDate !== null && lastDay < providerChangeDate);
}
