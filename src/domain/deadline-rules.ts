/**
 * The statutory deadlines Vardag watches (issue 16; DOMAIN.md §4). Each rule is a pure function
 * from the facts of one item and the time to a finding — or null when nothing is due. The server
 * loads the facts, asks the rule and sends each step's message once (modules/watches/); adding a
 * rule is a function here and a registration there.
 *
 * A finding's state: `approaching` (the reminder time has come, the deadline not yet), `due` (the
 * day itself, or an item that is simply waiting to be done) and `overdue` (the deadline passed).
 * Its steps are the notifications the item has reached by now, in order; each is sent once.
 */
import { addDays, addMonths } from './periods.ts';
import { undeliveredDeadline } from './undelivered.ts';
import type { WATCH_STATES } from './vocabulary.ts';

export type WatchState = (typeof WATCH_STATES)[number];

export interface WatchSettings {
  /** Months after the decision (or interruption) date when provider and case officer are reminded. */
  reminderMonths: number;
  /** Hours a sent assignment may wait unacknowledged before its provider's manager is told. */
  acknowledgeHours: number;
  /** The same for an assignment with a personal alarm. */
  acknowledgeHoursAlarm: number;
  /** Days before a decision's last day when the case officer sees that a new assessment is due. */
  periodEndingDays: number;
}

/** Defaults: reminder at two months (issue 16), 24 hours and 4 hours for a personal alarm, 30 days. */
export const DEFAULT_WATCH_SETTINGS: WatchSettings = {
  reminderMonths: 2,
  acknowledgeHours: 24,
  acknowledgeHoursAlarm: 4,
  periodEndingDays: 30,
};

export interface Finding<Step extends string = string> {
  state: WatchState;
  /** The deadline (a date) or, for hour-reckoned rules, the time the first step was due. */
  dueOn: string;
  steps: readonly Step[];
}

/** The reminder day: `reminderMonths` on, never after the deadline itself. */
function reminderDay(start: string, settings: WatchSettings): string {
  const deadline = undeliveredDeadline(start);
  const reminder = addMonths(start, settings.reminderMonths);
  return [reminder, deadline].sort()[0]!;
}

function threeMonthFinding(start: string, today: string, settings: WatchSettings): Finding<UndeliveredStep> | null {
  const deadline = undeliveredDeadline(start);
  if (today < reminderDay(start, settings)) return null;
  if (today <= deadline) return { state: 'approaching', dueOn: deadline, steps: ['reminder'] };
  return { state: 'overdue', dueOn: deadline, steps: ['reminder', 'reportable'] };
}

export type UndeliveredStep = 'reminder' | 'reportable';

export interface UndeliveredFacts {
  decisionDate: string;
  /** The first delivery start of the granted intervention, if any. */
  deliveredOn: string | null;
  /** The decision's last day when the officer ended it early. */
  endedOn: string | null;
}

/**
 * A granted intervention not delivered within three months of the decision date (SoL 2025:400
 * 34 kap. 1 §, LSS 28 f §): reminded at `reminderMonths`, reportable the day after the deadline.
 * A delivery start ends the watch (the IVO report then carries the delivery date); so does the
 * decision ending. A declined offer does not: only a start or an ending does.
 */
export function undeliveredDecision(
  facts: UndeliveredFacts,
  today: string,
  settings: WatchSettings,
): Finding<UndeliveredStep> | null {
  if (facts.deliveredOn !== null) return null;
  if (facts.endedOn !== null && facts.endedOn < today) return null;
  return threeMonthFinding(facts.decisionDate, today, settings);
}

export interface InterruptionFacts {
  /** First day without delivery. */
  fromDate: string;
  /** Last day without delivery, when known (registered or planned). */
  toDate: string | null;
  /** The delivery row's last day, when it has ended. */
  deliveryEndedOn: string | null;
}

/**
 * A delivery interrupted and not resumed within three months of the interruption (LSS 28 f §,
 * SoL 34 kap. 2 §): delivery resumes the day after toDate, so an interruption that resumes on or
 * before the deadline — or already has — is not watched; one planned to last longer is.
 */
export function interruptionNotResumed(
  facts: InterruptionFacts,
  today: string,
  settings: WatchSettings,
): Finding<UndeliveredStep> | null {
  if (facts.deliveryEndedOn !== null && facts.deliveryEndedOn < today) return null;
  if (facts.toDate !== null && facts.toDate < today) return null;
  if (facts.toDate !== null && addDays(facts.toDate, 1) <= undeliveredDeadline(facts.fromDate)) return null;
  return threeMonthFinding(facts.fromDate, today, settings);
}

export type AcknowledgeStep = 'manager' | 'officer';

export interface UnacknowledgedFacts {
  /** When the assignment was sent (ISO timestamp). */
  sentAt: string;
  hasPersonalAlarm: boolean;
}

/**
 * A sent assignment nobody at the provider has accepted or stopped: within its time it waits
 * (`due`); after `acknowledgeHours` (or the alarm's hours) the provider's manager is told and it is
 * overdue; after the same time again the case officer who sent it is told.
 */
export function unacknowledgedAssignment(
  facts: UnacknowledgedFacts,
  now: Date,
  settings: WatchSettings,
): Finding<AcknowledgeStep> {
  const hours = facts.hasPersonalAlarm ? settings.acknowledgeHoursAlarm : settings.acknowledgeHours;
  const sent = Date.parse(facts.sentAt);
  const managerAt = sent + hours * 3_600_000;
  const officerAt = sent + 2 * hours * 3_600_000;
  const dueOn = new Date(managerAt).toISOString();
  const at = now.getTime();
  if (at < managerAt) return { state: 'due', dueOn, steps: [] };
  return { state: 'overdue', dueOn, steps: at < officerAt ? ['manager'] : ['manager', 'officer'] };
}

export interface StartToRegisterFacts {
  /** The row's first day. */
  periodFrom: string;
  startedOn: string | null;
}

/** A row sent to delivery whose first day has come with no start registered (it drives billing). */
export function deliveryStartNotRegistered(facts: StartToRegisterFacts, today: string): Finding<never> | null {
  if (facts.startedOn !== null || facts.periodFrom > today) return null;
  return { state: facts.periodFrom < today ? 'overdue' : 'due', dueOn: facts.periodFrom, steps: [] };
}

export interface ShortTermStayFacts {
  decisionDate: string;
  periodFrom: string;
  /**
   * The first day at a short-term place. Today the first delivery start at the place's unit; a
   * housing contract will give it too when housing is built.
   */
  placeFrom: string | null;
  endedOn: string | null;
  periodTo: string | null;
}

/**
 * A short-term stay granted with no short-term place registered (the national statistics count
 * places): listed from the decision, overdue once the period it was granted for has begun.
 */
export function shortTermStayWithoutPlace(facts: ShortTermStayFacts, today: string): Finding<never> | null {
  if (facts.placeFrom !== null) return null;
  const lastDay = [facts.endedOn, facts.periodTo].filter((d): d is string => d !== null).sort()[0] ?? null;
  if (lastDay !== null && lastDay < today) return null;
  if (facts.decisionDate > today) return null;
  return { state: facts.periodFrom <= today ? 'overdue' : 'due', dueOn: facts.periodFrom, steps: [] };
}

export interface PeriodEndingFacts {
  periodTo: string | null;
  endedOn: string | null;
  /** A later granted decision in the case already runs past this one's last day. */
  isContinued: boolean;
}

/**
 * A decision whose period ends within `periodEndingDays`: a new assessment is due. Not for a
 * decision the officer ended, one a later decision continues, or one already over.
 */
export function decisionPeriodEnding(
  facts: PeriodEndingFacts,
  today: string,
  settings: WatchSettings,
): Finding<never> | null {
  if (facts.periodTo === null || facts.endedOn !== null || facts.isContinued) return null;
  if (facts.periodTo < today) return null;
  if (addDays(today, settings.periodEndingDays) < facts.periodTo) return null;
  return { state: facts.periodTo === today ? 'due' : 'approaching', dueOn: facts.periodTo, steps: [] };
}
