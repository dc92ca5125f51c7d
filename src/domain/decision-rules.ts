/**
 * Rules for decisions (beslut): what a recordable decision looks like, when it may be ended, when
 * a case may close, and — for the provider side's delivery rows — that a delivery period never runs
 * past the decision period unless the decision is "tills vidare". Pure; messages are Swedish
 * because the web shows them next to the field.
 */
import { addDays, isIsoDate, isValidPeriod, type Period } from './periods.ts';
import type { ServiceAreaCode } from './organisation.ts';

/** Case numbers lead with the service area as staff write it: ÄO-2026-00017. */
export const CASE_NUMBER_PREFIX: Record<ServiceAreaCode, string> = { AO: 'ÄO', FH: 'FH', LSS: 'LSS', IFO: 'IFO' };
/** Decision numbers: B-2026-00042. */
export const DECISION_NUMBER_PREFIX = 'B';

export type DecisionOutcome = 'granted' | 'refused';
export type ScopeUnitCode =
  | 'hours_per_month'
  | 'hours_per_week'
  | 'times_per_day'
  | 'times_per_week'
  | 'times_per_month'
  | 'days_per_month'
  | 'nights_per_month'
  | 'none';

/**
 * The largest scope that can exist in each unit (a month has at most 744 hours, 31 days); a larger
 * figure is a typing mistake, not a decision. Times are capped at one every half hour.
 */
export const MAX_GRANTED_AMOUNT: Record<Exclude<ScopeUnitCode, 'none'>, number> = {
  hours_per_month: 744,
  hours_per_week: 168,
  times_per_day: 48,
  times_per_week: 336,
  times_per_month: 1488,
  days_per_month: 31,
  nights_per_month: 31,
};

/** The catalogue facts about an intervention type a decision needs; undefined = not found. */
export interface InterventionTypeFacts {
  serviceArea: ServiceAreaCode;
  isActive: boolean;
  scopeUnit: ScopeUnitCode;
}

/** The catalogue facts about a legal basis a decision needs. */
export interface LegalBasisFacts {
  validFrom: string;
  validTo: string | null;
  /** The service areas whose decisions may rest on it. */
  serviceAreas: readonly ServiceAreaCode[];
}

export interface DecisionInput {
  outcome: DecisionOutcome;
  decisionDate: string;
  periodFrom: string;
  /** Null = tills vidare. */
  periodTo: string | null;
  /** The chosen legal basis's validity and service areas, or undefined when it does not exist. */
  legalBasis: LegalBasisFacts | undefined;
  interventions: readonly {
    interventionTypeId: string;
    grantedAmount: number | null;
    type: InterventionTypeFacts | undefined;
  }[];
}

export interface DecisionContext {
  /** Today in Sweden (dates.ts todayInSweden). */
  today: string;
  /** The case's service area: the legal basis and every intervention must belong to it. */
  serviceArea: ServiceAreaCode;
}

/**
 * Problems with a decision before it is recorded, keyed by the request's field path
 * ("periodTo", "interventions.0.grantedAmount"); empty when it may be recorded. A refused decision
 * lists what was applied for, so it needs interventions with their scope just as a granted one.
 */
export function decisionProblems(input: DecisionInput, context: DecisionContext): Record<string, string> {
  const problems: Record<string, string> = {};
  if (!isIsoDate(input.decisionDate)) problems.decisionDate = 'Datumet finns inte.';
  else if (input.decisionDate > context.today) problems.decisionDate = 'Beslutsdatum kan inte vara i framtiden.';
  if (!isIsoDate(input.periodFrom)) problems.periodFrom = 'Datumet finns inte.';
  if (input.periodTo !== null && !isIsoDate(input.periodTo)) problems.periodTo = 'Datumet finns inte.';
  else if (!problems.periodFrom && !isValidPeriod({ from: input.periodFrom, to: input.periodTo })) {
    problems.periodTo = 'Periodens slut kan inte vara före dess början.';
  }
  if (!input.legalBasis) problems.legalBasisId = 'Lagrummet finns inte.';
  else if (!isLegalBasisForServiceArea(input.legalBasis, context.serviceArea)) {
    problems.legalBasisId = `Lagrummet hör inte till ärendets verksamhetsområde (${CASE_NUMBER_PREFIX[context.serviceArea]}).`;
  } else if (!problems.decisionDate && !isLegalBasisValidOn(input.legalBasis, input.decisionDate)) {
    problems.legalBasisId = `Lagrummet gäller inte på beslutsdatumet ${input.decisionDate}.`;
  }
  if (input.interventions.length === 0) {
    problems.interventions =
      input.outcome === 'granted' ? 'Ange minst en beviljad insats.' : 'Ange minst en insats som ansökan gällde.';
  }
  const seen = new Set<string>();
  input.interventions.forEach((intervention, index) => {
    const typeProblem = interventionTypeProblem(intervention.type, context.serviceArea);
    if (typeProblem) problems[`interventions.${index}.interventionTypeId`] = typeProblem;
    else if (seen.has(intervention.interventionTypeId))
      problems[`interventions.${index}.interventionTypeId`] = 'Insatsen finns redan i beslutet.';
    seen.add(intervention.interventionTypeId);
    const amountProblem = intervention.type
      ? grantedAmountProblem(intervention.grantedAmount, intervention.type.scopeUnit)
      : null;
    if (amountProblem) problems[`interventions.${index}.grantedAmount`] = amountProblem;
  });
  return problems;
}

/** Whether a legal basis may be used for a decision made on the day. */
export function isLegalBasisValidOn(basis: { validFrom: string; validTo: string | null }, day: string): boolean {
  return basis.validFrom <= day && (basis.validTo === null || day <= basis.validTo);
}

/**
 * Whether decisions in the area may rest on the legal basis: an ÄO decision never on an LSS
 * paragraph, a home-care decision never on LVU.
 */
export function isLegalBasisForServiceArea(
  basis: Pick<LegalBasisFacts, 'serviceAreas'>,
  serviceArea: ServiceAreaCode,
): boolean {
  return basis.serviceAreas.includes(serviceArea);
}

function interventionTypeProblem(type: InterventionTypeFacts | undefined, serviceArea: ServiceAreaCode): string | null {
  if (!type) return 'Insatstypen finns inte.';
  if (type.serviceArea !== serviceArea) return 'Insatstypen hör till ett annat verksamhetsområde än ärendet.';
  if (!type.isActive) return 'Insatstypen används inte längre för nya beslut.';
  return null;
}

/** A scope measured in a unit needs a positive amount within what the unit allows; 'none' takes no amount. */
export function grantedAmountProblem(amount: number | null, scopeUnit: ScopeUnitCode): string | null {
  if (scopeUnit === 'none') return null;
  if (amount === null || !Number.isFinite(amount)) return 'Ange omfattning.';
  if (amount <= 0) return 'Omfattningen måste vara större än noll.';
  if (Math.abs(amount * 100 - Math.round(amount * 100)) > 1e-6) return 'Ange omfattningen med högst två decimaler.';
  const max = MAX_GRANTED_AMOUNT[scopeUnit];
  if (amount > max) return `Omfattningen kan vara högst ${max}.`;
  return null;
}

/** What ending needs to know about a decision. */
export interface DecisionPeriod {
  outcome?: DecisionOutcome;
  periodFrom: string;
  /** Null = tills vidare. */
  periodTo: string | null;
  /** Set when ended early: the last day it applies. */
  endedOn: string | null;
}

/** The last day a decision applies: the ending if ended early, else its period's end; null = tills vidare. */
export function decisionLastDay(decision: DecisionPeriod): string | null {
  if (decision.endedOn !== null && (decision.periodTo === null || decision.endedOn < decision.periodTo))
    return decision.endedOn;
  return decision.periodTo;
}

/**
 * Whether a decision can be ended on the day, or why not. The day may lie anywhere in the period,
 * or be the day before it starts (the decision then never applies, e.g. the person moved away
 * before the start); it may be in the future (a planned move).
 */
export function endDecisionProblem(decision: DecisionPeriod, endedOn: string): string | null {
  if (decision.outcome === 'refused') return 'Ett avslagsbeslut gäller ingen insats och kan inte avslutas.';
  if (decision.endedOn !== null) return `Beslutet är redan avslutat ${decision.endedOn}.`;
  if (!isIsoDate(endedOn)) return 'Datumet finns inte.';
  if (endedOn < addDays(decision.periodFrom, -1))
    return `Slutdatum kan inte vara före beslutsperioden (från ${decision.periodFrom}).`;
  if (decision.periodTo !== null && endedOn > decision.periodTo)
    return `Slutdatum kan inte vara efter beslutsperioden (till ${decision.periodTo}).`;
  return null;
}

/**
 * Where a decision stands on a day. A refused decision grants nothing and has no period in force.
 * A decision the officer has ended counts as ended from its last day on, and as `ending` before it:
 * a case closed today must not show its decision as running (issue 15).
 */
export type DecisionStatus = 'refused' | 'upcoming' | 'ongoing' | 'ending' | 'ended';

export function decisionStatus(decision: DecisionPeriod, today: string): DecisionStatus {
  if (decision.outcome === 'refused') return 'refused';
  if (decision.endedOn !== null) return decision.endedOn <= today ? 'ended' : 'ending';
  const lastDay = decisionLastDay(decision);
  if (lastDay !== null && lastDay < today) return 'ended';
  if (decision.periodFrom > today) return 'upcoming';
  return 'ongoing';
}

/**
 * The granted decisions that still apply after the case's closing day: a case closes only when
 * every decision has ended or run out by then.
 */
export function decisionsRunningAfter<T extends DecisionPeriod>(decisions: readonly T[], closedOn: string): T[] {
  return decisions.filter((decision) => {
    if (decision.outcome === 'refused') return false;
    const lastDay = decisionLastDay(decision);
    return lastDay === null || lastDay > closedOn;
  });
}

/** Whether a case can close on the day: not before it opened and not in the future. */
export function closeCaseProblem(openedOn: string, closedOn: string, today: string): string | null {
  if (!isIsoDate(closedOn)) return 'Datumet finns inte.';
  if (closedOn < openedOn) return `Ärendet kan inte avslutas före den dag det öppnades (${openedOn}).`;
  if (closedOn > today) return 'Ärendet kan inte avslutas i förväg; ange dagens datum eller ett tidigare.';
  return null;
}

/**
 * Whether a delivery period (verkställighet) fits its decision, or why not, as a Swedish message
 * for the delivery form; null when it fits.
 *
 * - The delivery may not start before the decision period starts.
 * - A decision "tills vidare" that has not been ended takes any end, open or not.
 * - Otherwise the decision's last day is its period end, or the day it was ended (`endedOn`) if
 *   earlier: the delivery must end by then, so an open-ended delivery does not fit, and nor does
 *   one that starts after it.
 * - A delivery whose own end is before its start is refused first.
 */
export function deliveryPeriodProblem(
  delivery: Period,
  decision: Pick<DecisionPeriod, 'periodFrom' | 'periodTo' | 'endedOn'>,
): string | null {
  if (!isIsoDate(delivery.from) || (delivery.to !== null && !isIsoDate(delivery.to))) return 'Datumet finns inte.';
  if (!isValidPeriod(delivery)) return 'Verkställighetens slut kan inte vara före dess början.';
  if (delivery.from < decision.periodFrom)
    return `Verkställigheten kan inte börja före beslutsperioden (från ${decision.periodFrom}).`;
  const lastDay = decisionLastDay(decision);
  if (lastDay === null) return null;
  if (delivery.from > lastDay)
    return `Beslutet gäller till och med ${lastDay}; verkställigheten kan inte börja efter det.`;
  if (delivery.to === null)
    return `Beslutet gäller till och med ${lastDay}; ange ett slutdatum för verkställigheten, senast ${lastDay}.`;
  if (delivery.to > lastDay)
    return `Verkställigheten kan inte pågå efter beslutsperioden: beslutet gäller till och med ${lastDay}.`;
  return null;
}
