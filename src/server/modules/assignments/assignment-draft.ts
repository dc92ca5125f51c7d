/**
 * The rules of a draft: what it may be written from (a granted, ongoing decision in an open case),
 * to whom (an active provider of the case's service area), with which interventions (the
 * decision's own), the hand-over's time (not in the future), and the totals it stores. Every failure names the body field it concerns.
 */
import { ValidationError } from '../../platform/errors.ts';
import type { Trx } from '../../platform/db/tenant.ts';
import { todayInSweden } from '../../../domain/dates.ts';
import { totalGrantedMinutes, totalStaffMinutes } from '../../../domain/assignment-time.ts';
import { handoverTimeProblem, parseSwedishDateTime } from '../../../domain/handover.ts';
import type { AssignmentDraft } from '../../../contract/assignments.ts';
import * as context from './assignment-context.repository.ts';
import type { DraftRow } from './assignment-write.repository.ts';

/** Why no assignment can be written from the decision now, or null when one can. */
export function writeBlockedReason(decision: context.DecisionContext, today = todayInSweden()): string | null {
  if (decision.caseClosedOn) return 'Ärendet är avslutat.';
  if (decision.decision.outcome !== 'granted')
    return 'Beslutet är ett avslag. Uppdrag skrivs bara från bifallna beslut.';
  if (decision.decision.endedOn) return 'Beslutet är avslutat.';
  if (decision.decision.periodTo !== null && decision.decision.periodTo < today) return 'Beslutsperioden har gått ut.';
  return null;
}

/** Refuses with 400 on `decisionId` when the decision cannot carry an assignment now. */
export function assertDecisionOpen(decision: context.DecisionContext): void {
  const reason = writeBlockedReason(decision);
  if (reason) throw new ValidationError({ decisionId: reason }, reason);
}

/** Checks the draft against the decision and the organisation and computes its totals. */
export async function buildDraftRow(
  trx: Trx,
  decision: context.DecisionContext,
  input: AssignmentDraft,
  assignmentId?: string,
): Promise<DraftRow> {
  const fieldErrors: Record<string, string> = {};

  const provider = await context.findUnitAsProvider(trx, input.providerId);
  if (provider?.kind !== 'provider') fieldErrors.providerId = 'Välj en utförare i listan.';
  else if (provider.serviceArea !== decision.serviceArea)
    fieldErrors.providerId = 'Utföraren hör till ett annat verksamhetsområde än ärendet.';
  else if (!provider.isActive) fieldErrors.providerId = 'Utföraren är inte längre aktiv.';

  const granted = new Map(
    (await context.listGrantedInterventions(trx, decision.decision.id)).map((row) => [row.id, row]),
  );
  const seen = new Set<string>();
  const interventions: DraftRow['interventions'][number][] = [];
  input.interventions.forEach((row, index) => {
    const grantedRow = granted.get(row.decisionInterventionId);
    if (!grantedRow) fieldErrors[`interventions.${index}.decisionInterventionId`] = 'Insatsen finns inte i beslutet.';
    else if (seen.has(row.decisionInterventionId))
      fieldErrors[`interventions.${index}.decisionInterventionId`] = 'Insatsen finns redan med i uppdraget.';
    else
      interventions.push({
        ...row,
        granted: grantedRow,
        minutesPerOccasion: row.minutesPerOccasion === null ? null : roundToHundredths(row.minutesPerOccasion),
      });
    seen.add(row.decisionInterventionId);
  });

  if (input.replacesAssignmentId) {
    const replaceable = await context.listReplaceable(trx, decision.caseId);
    if (
      input.replacesAssignmentId === assignmentId ||
      !replaceable.some((row) => row.id === input.replacesAssignmentId)
    ) {
      fieldErrors.replacesAssignmentId = 'Välj ett skickat uppdrag i samma ärende som inte redan är ersatt.';
    }
  }

  let handoverAt: Date | null = null;
  if (input.handoverAt) {
    // It records a hand-over that was made: a real time, not in the future (src/domain/handover.ts).
    const problem = handoverTimeProblem(input.handoverAt, new Date());
    if (problem) fieldErrors.handoverAt = problem;
    else handoverAt = parseSwedishDateTime(input.handoverAt);
  }

  if (Object.keys(fieldErrors).length > 0) throw new ValidationError(fieldErrors);
  const times = interventions.map((row) => ({
    scopeUnit: row.granted.scopeUnit,
    grantedAmount: row.granted.grantedAmount,
    minutesPerOccasion: row.minutesPerOccasion,
    isTwoStaff: row.isTwoStaff,
  }));
  return {
    interventions,
    lifeAreas: input.lifeAreas.filter((area) => area.need !== null || area.goal !== null),
    providerId: input.providerId,
    instructions: input.instructions,
    isNewClient: input.isNewClient,
    handoverBy: input.handoverBy,
    handoverAt,
    replacesAssignmentId: input.replacesAssignmentId,
    totalGrantedMinutes: totalGrantedMinutes(times),
    totalStaffMinutes: totalStaffMinutes(times),
  };
}

/** A new client needs the telephone hand-over (who and when) before the assignment leaves. */
export function assertHandoverRecorded(assignment: {
  isNewClient: boolean;
  handoverBy: string | null;
  handoverAt: Date | null;
}): void {
  if (!assignment.isNewClient) return;
  const fieldErrors: Record<string, string> = {};
  if (!assignment.handoverBy) fieldErrors.handoverBy = 'Ange vem hos utföraren som tog emot överlämningen.';
  if (!assignment.handoverAt) fieldErrors.handoverAt = 'Ange när överlämningen per telefon gjordes.';
  if (Object.keys(fieldErrors).length > 0) {
    throw new ValidationError(
      fieldErrors,
      'Ny brukare: överlämningen per telefon ska vara gjord och registrerad innan uppdraget skickas.',
    );
  }
}

// numeric(7, 2) keeps hundredths; the totals are computed from what is stored.
function roundToHundredths(value: number): number {
  return Math.round(value * 100) / 100;
}
