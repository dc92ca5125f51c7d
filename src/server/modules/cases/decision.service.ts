/**
 * Decisions: record one in an open case (checked by src/domain/decision-rules.ts against the
 * catalogue), and end one early. A recorded decision is fixed by the database except its ending.
 */
import type { Db } from '../../platform/db/database.ts';
import { inTenant } from '../../platform/db/tenant.ts';
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

type RecordDecisionInput = Omit<contract.RecordDecisionRequest, 'justification' | 'interventions'> & {
  justification: string | null;
  interventions: { interventionTypeId: string; grantedAmount: number | null; note: string | null }[];
};

/** Records a decision with a new decision number; the scope unit of each intervention is copied from its type. */
export async function recordDecision(db: Db, actor: PositionedActor, caseId: string, input: RecordDecisionInput): Promise<{ id: string; decisionNumber: string }> {
  return inTenant(db, actor.municipalityId, async (trx) => {
    // Locking the case keeps a closing from slipping in between the check and the insert.
    const caseRecord = await getCaseForActor(trx, actor, caseId, true);
    requireOpenCase(caseRecord);
    const legalBasis = await repo.findLegalBasis(trx, input.legalBasisId);
    const types = await repo.findInterventionTypes(trx, input.interventions.map((intervention) => intervention.interventionTypeId));
    const problems = decisionProblems({
      outcome: input.outcome, decisionDate: input.decisionDate, periodFrom: input.periodFrom, periodTo: input.periodTo, legalBasis,
      interventions: input.interventions.map((intervention) => ({ ...intervention, type: types.get(intervention.interventionTypeId) })),
    }, { today: todayInSweden(), serviceArea: caseRecord.serviceArea });
    if (Object.keys(problems).length) throw new ValidationError(problems);

    const year = Number(input.decisionDate.slice(0, 4));
    const decisionNumber = formatRunningNumber(DECISION_NUMBER_PREFIX, year, await takeNextNumber(trx, actor.municipalityId, 'decision', year));
    const id = await repo.insertDecision(trx, {
      municipalityId: actor.municipalityId, caseId, decisionNumber, outcome: input.outcome, legalBasisId: input.legalBasisId,
      decisionDate: input.decisionDate, periodFrom: input.periodFrom, periodTo: input.periodTo, justification: input.justification,
      decidedById: actor.userId,
      interventions: input.interventions.map((intervention) => {
        const scopeUnit = types.get(intervention.interventionTypeId)!.scopeUnit;
        return { ...intervention, scopeUnit, grantedAmount: scopeUnit === 'none' ? null : intervention.grantedAmount };
      }),
    });
    await writeAudit(trx, actor, {
      action: 'decision.record', entityType: 'decision', entityId: id, personId: caseRecord.personId,
      details: { caseId, decisionNumber, outcome: input.outcome },
    });
    return { id, decisionNumber };
  });
}

/** Ends a decision early (or before it starts) with a reason; the case view comes back. */
export async function endDecision(db: Db, actor: PositionedActor, decisionId: string, input: contract.EndDecisionRequest): Promise<contract.CaseView> {
  return inTenant(db, actor.municipalityId, async (trx) => {
    const decision = await repo.findDecisionInScopeForUpdate(trx, actor.position.personScopeUnitIds, decisionId);
    if (!decision) throw new NotFoundError('Beslutet hittades inte.');
    const caseRecord = await getCaseForActor(trx, actor, decision.caseId);
    requireOpenCase(caseRecord);
    const problem = endDecisionProblem(decision, input.endedOn);
    if (problem && decision.endedOn === null && decision.outcome === 'granted') throw new ValidationError({ endedOn: problem });
    if (problem) throw new ConflictError(problem);
    if (!(await repo.endDecision(trx, decisionId, input.version, { endedOn: input.endedOn, endReason: input.endReason, endedById: actor.userId }))) {
      throw new ConflictError();
    }
    await writeAudit(trx, actor, {
      action: 'decision.end', entityType: 'decision', entityId: decisionId, personId: caseRecord.personId,
      details: { caseId: caseRecord.id, decisionNumber: decision.decisionNumber, endedOn: input.endedOn, endReason: input.endReason },
    });
    return loadCaseView(trx, actor, (await findCaseInScope(trx, actor.position.personScopeUnitIds, caseRecord.id))!);
  });
}
