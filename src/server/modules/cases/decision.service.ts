/**
 * Decisions: record one in an open case (checked by src/domain/decision-rules.ts against the
 * catalogue), and end one early — with what that does at the provider (decision-end.service.ts),
 * which the officer can see first. A recorded decision is fixed by the database except its ending.
 */
import type { Db } from '../../platform/db/database.ts';
import { inTenant, type Trx } from '../../platform/db/tenant.ts';
import type { PositionedActor } from '../../platform/access/actor.ts';
import { writeAudit } from '../../platform/audit/audit.ts';
import { ConflictError, NotFoundError, ValidationError } from '../../platform/errors.ts';
import { formatRunningNumber, takeNextNumber } from '../../platform/db/number-series.ts';
import { todayInSweden } from '../../../domain/dates.ts';
import { DECISION_NUMBER_PREFIX, decisionProblems, endDecisionProblem } from '../../../domain/decision-rules.ts';
import type * as contract from '../../../contract/cases.ts';
import * as repo from './decision.repository.ts';
import { getCaseForActor, loadCaseView, requireOpenCase } from './case.service.ts';
import { findCaseInScope } from './case.repository.ts';
import { applyDecisionEnd, planDecisionEnd, toEffects } from './decision-end.service.ts';

type RecordDecisionInput = Omit<contract.RecordDecisionRequest, 'justification' | 'interventions'> & {
  justification: string | null;
  interventions: { interventionTypeId: string; grantedAmount: number | null; note: string | null }[];
};

/** Records a decision with a new decision number; the scope unit of each intervention is copied from its type. */
export async function recordDecision(
  db: Db,
  actor: PositionedActor,
  caseId: string,
  input: RecordDecisionInput,
): Promise<{ id: string; decisionNumber: string }> {
  return inTenant(db, actor.municipalityId, async (trx) => {
    // Locking the case keeps a closing from slipping in between the check and the insert.
    const caseRecord = await getCaseForActor(trx, actor, caseId, true);
    requireOpenCase(caseRecord);
    const legalBasis = await repo.findLegalBasis(trx, input.legalBasisId);
    const types = await repo.findInterventionTypes(
      trx,
      input.interventions.map((intervention) => intervention.interventionTypeId),
    );
    const problems = decisionProblems(
      {
        outcome: input.outcome,
        decisionDate: input.decisionDate,
        periodFrom: input.periodFrom,
        periodTo: input.periodTo,
        legalBasis,
        interventions: input.interventions.map((intervention) => ({
          ...intervention,
          type: types.get(intervention.interventionTypeId),
        })),
      },
      { today: todayInSweden(), serviceArea: caseRecord.serviceArea },
    );
    if (Object.keys(problems).length) throw new ValidationError(problems);

    const year = Number(input.decisionDate.slice(0, 4));
    const decisionNumber = formatRunningNumber(
      DECISION_NUMBER_PREFIX,
      year,
      await takeNextNumber(trx, actor.municipalityId, 'decision', year),
    );
    const id = await repo.insertDecision(trx, {
      municipalityId: actor.municipalityId,
      caseId,
      decisionNumber,
      outcome: input.outcome,
      legalBasisId: input.legalBasisId,
      decisionDate: input.decisionDate,
      periodFrom: input.periodFrom,
      periodTo: input.periodTo,
      justification: input.justification,
      decidedById: actor.userId,
      interventions: input.interventions.map((intervention) => {
        const scopeUnit = types.get(intervention.interventionTypeId)!.scopeUnit;
        return { ...intervention, scopeUnit, grantedAmount: scopeUnit === 'none' ? null : intervention.grantedAmount };
      }),
    });
    await writeAudit(trx, actor, {
      action: 'decision.record',
      entityType: 'decision',
      entityId: id,
      personId: caseRecord.personId,
      details: { caseId, decisionNumber, outcome: input.outcome },
    });
    return { id, decisionNumber };
  });
}

/** The decision to end, checked as ending it on the day would check it: 404, 409, or 400 on endedOn. */
async function getDecisionToEnd(trx: Trx, actor: PositionedActor, decisionId: string, endedOn: string) {
  const decision = await repo.findDecisionInScopeForUpdate(trx, actor.position.personScopeUnitIds, decisionId);
  if (!decision) throw new NotFoundError('Beslutet hittades inte.');
  const caseRecord = await getCaseForActor(trx, actor, decision.caseId);
  requireOpenCase(caseRecord);
  const problem = endDecisionProblem(decision, endedOn);
  if (problem && decision.endedOn === null && decision.outcome === 'granted')
    throw new ValidationError({ endedOn: problem });
  if (problem) throw new ConflictError(problem);
  return { decision, caseRecord };
}

/** What ending the decision on the day would do at the provider, for the officer to read before confirming. */
export async function previewDecisionEnd(
  db: Db,
  actor: PositionedActor,
  decisionId: string,
  endedOn: string,
): Promise<contract.DecisionEndEffects> {
  return inTenant(db, actor.municipalityId, async (trx) => {
    const { caseRecord } = await getDecisionToEnd(trx, actor, decisionId, endedOn);
    const plan = await planDecisionEnd(trx, decisionId, endedOn, todayInSweden());
    await writeAudit(trx, actor, {
      action: 'person.read',
      entityType: 'decision',
      entityId: decisionId,
      personId: caseRecord.personId,
      details: { section: 'decision_end_preview' },
    });
    return toEffects(plan);
  });
}

/**
 * Ends a decision early (or before it starts) with a reason, and with it what was sent from it:
 * rows end on the day, waiting assignments are withdrawn, the provider units are told. The case
 * view comes back.
 */
export async function endDecision(
  db: Db,
  actor: PositionedActor,
  decisionId: string,
  input: contract.EndDecisionRequest,
): Promise<contract.CaseView> {
  return inTenant(db, actor.municipalityId, async (trx) => {
    const { decision, caseRecord } = await getDecisionToEnd(trx, actor, decisionId, input.endedOn);
    if (
      !(await repo.endDecision(trx, decisionId, input.version, {
        endedOn: input.endedOn,
        endReason: input.endReason,
        endedById: actor.userId,
      }))
    ) {
      throw new ConflictError();
    }
    const effects = await applyDecisionEnd(
      trx,
      actor,
      { id: decisionId, decisionNumber: decision.decisionNumber, personId: caseRecord.personId },
      input.endedOn,
      input.endReason,
      todayInSweden(),
      'endedOn',
    );
    await writeAudit(trx, actor, {
      action: 'decision.end',
      entityType: 'decision',
      entityId: decisionId,
      personId: caseRecord.personId,
      details: {
        caseId: caseRecord.id,
        decisionNumber: decision.decisionNumber,
        endedOn: input.endedOn,
        endReason: input.endReason,
        endedDeliveryIds: effects.rows.map((row) => row.id),
        withdrawnAssignmentIds: effects.withdrawn.map((assignment) => assignment.id),
      },
    });
    return loadCaseView(trx, actor, (await findCaseInScope(trx, actor.position.personScopeUnitIds, caseRecord.id))!);
  });
}
