/**
 * The rules for changing delivery rows (verkställighet) once distributed: which statuses may
 * change how, the change of time (withdraw from a day: the row ends the day before, a new row
 * continues it), ending, the change of provider, whether a row is still ongoing or planned, and
 * interruptions (avbrott) with their three-month reporting rule, and a row's start: its first day
 * after a change of time or of provider, and the start date (verkställighetsdatum) registered and
 * corrected. Pure; the server and the web both use them, and the messages are the Swedish the
 * forms show.
 */
import { addDays, addMonths, dayBefore, isIsoDate, periodsOverlap, type Period } from './periods.ts';
import { decisionLastDay, type DecisionPeriod } from './decision-rules.ts';

/** What a row is called in messages, lists and the history: the intervention, and the provider's label when the row is one of a split ("Personlig omvårdnad (Morgon)"). */
export function deliveryRowName(interventionName: string, label: string | null): string {
  return label ? `${interventionName} (${label})` : interventionName;
}

export const DELIVERY_STATUSES = ['under_distribution', 'sent_to_delivery', 'withdrawn', 'ended'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/**
 * Which status a row may move to. A row under distribution is sent or dropped (ended, e.g. a
 * continuation that will never be registered); a row sent to delivery is withdrawn (change of
 * time) or ended (ending, change of provider). Withdrawn and ended are final: a correction is a
 * new row, so the history stays as it was.
 */
export const DELIVERY_TRANSITIONS: Readonly<Record<DeliveryStatus, readonly DeliveryStatus[]>> = {
  under_distribution: ['sent_to_delivery', 'ended'],
  sent_to_delivery: ['withdrawn', 'ended'],
  withdrawn: [],
  ended: [],
};

export function canChangeDeliveryStatus(from: DeliveryStatus, to: DeliveryStatus): boolean {
  return DELIVERY_TRANSITIONS[from].includes(to);
}

export function isFinalDeliveryStatus(status: DeliveryStatus): boolean {
  return DELIVERY_TRANSITIONS[status].length === 0;
}

/** What the rules need to know about a row. */
export interface DeliveryRowFacts {
  status: DeliveryStatus;
  periodFrom: string;
  /** Last day, inclusive; null = tills vidare. */
  periodTo: string | null;
  /** Verkställighetsdatum, when registered. */
  startedOn?: string | null;
}

/** Why the row cannot take this status change, as the form shows it; null when it can. */
export function statusChangeProblem(status: DeliveryStatus, to: 'withdrawn' | 'ended'): string | null {
  if (canChangeDeliveryStatus(status, to)) return null;
  if (status === 'withdrawn') return 'Raden är redan återkallad; ändra den nya raden i stället.';
  if (status === 'ended') return 'Raden är redan avslutad.';
  return 'Bara rader som är skickade till genomförande kan återkallas.';
}

/** The change of time from a day: the current row until the day before, a new row from the day. */
export interface WithdrawalPlan {
  /** The withdrawn row's new last day: the day before the change. */
  withdrawnTo: string;
  /** The new row "Under fördelning", registered with the new time. */
  continuation: Period;
}

type DecisionFacts = Pick<DecisionPeriod, 'periodFrom' | 'periodTo' | 'endedOn'>;

/**
 * Why the row cannot be withdrawn from the day, or null. The day must come after the row's first
 * day (else there is nothing left of the old row: change the row itself instead) and not after its
 * last day, nor after the decision's last day (nothing left to continue).
 */
export function withdrawalProblem(row: DeliveryRowFacts, decision: DecisionFacts, changeFrom: string): string | null {
  const statusProblem = statusChangeProblem(row.status, 'withdrawn');
  if (statusProblem) return statusProblem;
  if (!isIsoDate(changeFrom)) return 'Datumet finns inte.';
  if (changeFrom <= row.periodFrom)
    return `Ändringen kan gälla tidigast dagen efter radens första dag, ${addDays(row.periodFrom, 1)}.`;
  if (row.periodTo !== null && changeFrom > row.periodTo)
    return `Raden gäller till och med ${row.periodTo}; ändringen kan gälla senast den dagen.`;
  const lastDay = decisionLastDay(decision);
  if (lastDay !== null && changeFrom > lastDay)
    return `Beslutet gäller till och med ${lastDay}; ändringen kan gälla senast den dagen.`;
  return null;
}

/** The plan for a change of time; call withdrawalProblem first. The new row never outlasts the decision. */
export function planWithdrawal(row: DeliveryRowFacts, decision: DecisionFacts, changeFrom: string): WithdrawalPlan {
  const problem = withdrawalProblem(row, decision, changeFrom);
  if (problem) throw new RangeError(problem);
  return {
    withdrawnTo: dayBefore(changeFrom),
    continuation: { from: changeFrom, to: earlierEnd(row.periodTo, decisionLastDay(decision)) },
  };
}

function earlierEnd(a: string | null, b: string | null): string | null {
  if (a === null) return b;
  if (b === null) return a;
  return a < b ? a : b;
}

/**
 * Why the row cannot end on the day, or null. The day lies within the row's period (an end
 * before the first day would leave no period; after the last day it already ends), and not before
 * the support started: the start date drives billing and the statutory reports.
 */
export function endProblem(row: DeliveryRowFacts, endOn: string): string | null {
  const statusProblem = statusChangeProblem(row.status, 'ended');
  if (statusProblem) return statusProblem;
  if (!isIsoDate(endOn)) return 'Datumet finns inte.';
  if (endOn < row.periodFrom) return `Slutdatum kan inte vara före radens första dag, ${row.periodFrom}.`;
  if (row.periodTo !== null && endOn > row.periodTo)
    return `Raden gäller till och med ${row.periodTo}; slutdatum kan vara senast den dagen.`;
  if (row.startedOn && endOn < row.startedOn)
    return `Insatsen startade ${row.startedOn}; slutdatum kan inte vara före det.`;
  return null;
}

/** What deciding whether a row may be cancelled before it began needs to know. */
export interface CancelFacts {
  status: DeliveryStatus;
  periodFrom: string;
  startedOn: string | null;
  /** The withdrawn row this one continues after a change of time, if any. */
  continuesDeliveryId: string | null;
  hasInterruptions: boolean;
}

/**
 * Why the row cannot be cancelled before it began (Avbryt före start), or null. A row that never
 * began ends the day before its first day, so it covers no day at all (the same as a row whose
 * decision ended before it began, migration 0023): the person declined, moved or died before the
 * first visit, or the row was registered by mistake. Ending (endProblem) cannot say this: its last
 * day lies within the row. A row has begun when its start date (verkställighetsdatum) is
 * registered, or an interruption is (an interruption says support had begun); a continuation
 * after a change of time never gets a start date — support began on the row it continues — so it
 * has begun once its first day has come.
 */
export function cancelProblem(row: CancelFacts, today: string): string | null {
  const statusProblem = statusChangeProblem(row.status, 'ended');
  if (statusProblem) return statusProblem;
  const endInstead = 'avsluta den med Rätta/Avsluta i stället.';
  if (row.startedOn !== null) return `Insatsen startade ${row.startedOn}; ${endInstead}`;
  if (row.hasInterruptions) return `Raden har avbrott, så insatsen har börjat; ${endInstead}`;
  if (row.continuesDeliveryId !== null && row.periodFrom <= today)
    return `Raden fortsätter en rad som ändrats i tid och gäller sedan ${row.periodFrom}; ${endInstead}`;
  return null;
}

/** The last day of a row cancelled before it began: the day before its first. */
export function cancelledLastDay(periodFrom: string): string {
  return dayBefore(periodFrom);
}

/** Whether a row ended without covering a day: cancelled before it began, or its decision ended first. */
export function hasEndedBeforeStart(row: { periodFrom: string; periodTo: string | null }): boolean {
  return row.periodTo !== null && row.periodTo < row.periodFrom;
}

/**
 * Why the row cannot move to another provider from the day, or null. Only rows sent to delivery
 * move; the old row ends the day before, so the day must come after its first day and not after
 * its last.
 */
export function providerChangeProblem(row: DeliveryRowFacts, changeDate: string): string | null {
  if (row.status !== 'sent_to_delivery') return 'Bara rader som är skickade till genomförande kan byta utförare.';
  if (!isIsoDate(changeDate)) return 'Datumet finns inte.';
  if (changeDate <= row.periodFrom)
    return `Bytet kan gälla tidigast dagen efter radens första dag, ${addDays(row.periodFrom, 1)}.`;
  if (row.periodTo !== null && changeDate > row.periodTo)
    return `Raden gäller till och med ${row.periodTo}; bytet kan gälla senast den dagen.`;
  return null;
}

/** The last day the old provider delivers in a change of provider from the day. */
export function providerChangeLastDay(changeDate: string): string {
  return dayBefore(changeDate);
}

/**
 * Whether a row still runs on the day or will: its last day is open or not before the day. A
 * person with no such row in a unit is "Ej aktuell – att avsluta" there.
 */
export function isOngoingOrPlanned(row: { periodTo: string | null }, day: string): boolean {
  return row.periodTo === null || row.periodTo >= day;
}

/** An interruption (avbrott): the first and last day without delivery; toDate null while not resumed. */
export interface InterruptionPeriod {
  fromDate: string;
  toDate: string | null;
}

/** Problems with an interruption, keyed by the form field (fromDate, toDate); empty when it fits. */
export function interruptionProblems(
  interruption: InterruptionPeriod,
  row: DeliveryRowFacts,
  others: readonly InterruptionPeriod[],
): Partial<Record<'fromDate' | 'toDate', string>> {
  if (row.status === 'under_distribution')
    return { fromDate: 'Raden är inte skickad till genomförande; den kan inte ha avbrott.' };
  if (!isIsoDate(interruption.fromDate)) return { fromDate: 'Datumet finns inte.' };
  if (interruption.toDate !== null && !isIsoDate(interruption.toDate)) return { toDate: 'Datumet finns inte.' };
  if (interruption.toDate !== null && interruption.toDate < interruption.fromDate)
    return { toDate: 'Avbrottet kan inte sluta före det börjar.' };
  if (interruption.fromDate < row.periodFrom)
    return { fromDate: `Avbrottet kan inte börja före radens första dag, ${row.periodFrom}.` };
  if (row.periodTo !== null && interruption.fromDate > row.periodTo)
    return { fromDate: `Raden gäller till och med ${row.periodTo}; avbrottet måste börja senast då.` };
  if (row.periodTo !== null && interruption.toDate !== null && interruption.toDate > row.periodTo) {
    return { toDate: `Raden gäller till och med ${row.periodTo}; avbrottet kan inte pågå efter det.` };
  }
  const asPeriod = (value: InterruptionPeriod): Period => ({ from: value.fromDate, to: value.toDate });
  const clash = others.find((other) => periodsOverlap(asPeriod(other), asPeriod(interruption)));
  if (clash)
    return {
      fromDate: `Avbrottet överlappar ett annat avbrott (från ${clash.fromDate}${clash.toDate ? ` till ${clash.toDate}` : ', ej återupptaget'}).`,
    };
  return {};
}

/** The last day an interruption may last and still count as resumed within three months of its first day. */
export function interruptionReportDeadline(fromDate: string): string {
  return addMonths(fromDate, 3);
}

/**
 * Whether the interruption must be reported to IVO: it was not resumed within three months of its
 * first day (SoL 34 kap., LSS 28 f–h §§). Resumed means delivery again on the day after its last
 * day; it must happen on or before the deadline (three calendar months later, clamped at month
 * end). One still open is reportable only once the deadline has passed: until then it may resume.
 */
export function isInterruptionReportable(interruption: InterruptionPeriod, today: string): boolean {
  const deadline = interruptionReportDeadline(interruption.fromDate);
  if (today <= deadline) return false;
  return interruption.toDate === null || addDays(interruption.toDate, 1) > deadline;
}

// ---- A row's start: its first day, and the day support actually started (verkställighetsdatum) ----

/**
 * Why a row that continues a withdrawn one (a change of time) cannot start on the day, or null:
 * it starts no earlier than the day after the withdrawn row's last day, so the two never overlap.
 */
export function continuationStartProblem(periodFrom: string, continuesAfter: string): string | null {
  if (periodFrom > continuesAfter) return null;
  return `Raden fortsätter en återkallad rad som gäller till och med ${continuesAfter}; börja tidigast ${addDays(continuesAfter, 1)}.`;
}

/**
 * Why a row of an assignment sent by a change of provider cannot start on the day, or null. The
 * old provider's rows end the day before the change date when the new provider accepts; a row
 * starting earlier would have two providers delivering the same support at once.
 */
export function providerChangeStartProblem(periodFrom: string, changeDate: string): string | null {
  if (periodFrom >= changeDate) return null;
  return `Uppdraget är ett byte av utförare fr.o.m. ${changeDate}; raden kan börja tidigast ${changeDate}.`;
}

/**
 * Whether the support can be registered as started on the day (verkställighetsdatum), or why not:
 * within the row's period, and not in the future — it records what happened.
 */
export function startDateProblem(
  row: { periodFrom: string; periodTo: string | null },
  startedOn: string,
  today: string,
): string | null {
  if (startedOn > today) return 'Verkställighetsdatum kan inte vara i framtiden.';
  if (startedOn < row.periodFrom)
    return `Verkställighetsdatum kan inte vara före radens period (från ${row.periodFrom}).`;
  if (row.periodTo !== null && startedOn > row.periodTo)
    return `Verkställighetsdatum kan inte vara efter radens period (till ${row.periodTo}).`;
  return null;
}

/** What deciding about a row's start date needs to know. */
export interface StartFacts {
  status: DeliveryStatus;
  periodFrom: string;
  periodTo: string | null;
  startedOn: string | null;
  /** The withdrawn row this one continues after a change of time, if any. */
  continuesDeliveryId: string | null;
}

/** Said when a continuation is offered a start date. */
const CONTINUATION_HAS_NO_START =
  'Raden fortsätter en rad som ändrats i tid. Verkställighetsdatum står kvar på raden där insatsen började.';

/**
 * Why the row cannot take a start date now, or null: only a row sent to delivery, once, and never
 * a continuation after a change of time — the support began on the row it continues, and a second
 * date would tell the case officer twice that it started.
 */
export function startRegistrationProblem(
  row: Pick<StartFacts, 'status' | 'startedOn' | 'continuesDeliveryId'>,
): string | null {
  if (row.status !== 'sent_to_delivery')
    return 'Bara rader som är skickade till genomförande kan få ett verkställighetsdatum.';
  if (row.continuesDeliveryId !== null) return CONTINUATION_HAS_NO_START;
  if (row.startedOn !== null) return `Verkställighetsdatum är redan registrerat: ${row.startedOn}.`;
  return null;
}

/**
 * Why a row cannot be corrected (Rätta) at all, or null. Every row that was delivered can be:
 * one sent to delivery, and one since withdrawn or ended — after a change of time the start date
 * stays on the withdrawn row, and billing and the statutory reports read past rows too. A row
 * under distribution is changed by registering it again; one ended without ever being sent was
 * never delivered, so there is nothing to correct.
 */
export function correctionProblem(row: { status: DeliveryStatus; wasSentToDelivery: boolean }): string | null {
  if (row.status === 'under_distribution') return 'Raden är under fördelning; ändra den med Registrera.';
  if (!row.wasSentToDelivery) return 'Raden skickades aldrig till genomförande, så det finns inget att rätta.';
  return null;
}

/**
 * Why a correction (Rätta) cannot set the row's start date to this (null = remove it), or null.
 * Unchanged is always fine. A correction changes or removes a registered date; the first one is
 * registered as such (the case officer is told it started). A continuation has none. A new date
 * keeps the rules of registering one. Removing is for a date registered although support has not
 * begun, so not on a row with interruptions: an interruption says support had begun.
 */
export function startDateCorrectionProblem(
  row: StartFacts & { hasInterruptions: boolean },
  startedOn: string | null,
  today: string,
): string | null {
  if (startedOn === row.startedOn) return null;
  if (row.continuesDeliveryId !== null) return CONTINUATION_HAS_NO_START;
  if (row.startedOn === null)
    return 'Inget verkställighetsdatum är registrerat att rätta. Registrera det med Registrera verkställighetsdatum.';
  if (startedOn === null) {
    return row.hasInterruptions
      ? 'Raden har avbrott, så insatsen har börjat; verkställighetsdatum kan rättas men inte tas bort.'
      : null;
  }
  return startDateProblem(row, startedOn, today);
}
