/**
 * Authority cases: list a person's cases, open one, read the case view with its history, change
 * the case officer, close it, and "Mina ärenden". Each opens the tenant transaction and writes
 * its audit row in it. Access: the person must be in scope (else 404); then only authority staff
 * (else 403), and only for cases of their own service area (else 404).
 */
import type { Db } from '../../platform/db/database.ts';
import { inTenant, type Trx } from '../../platform/db/tenant.ts';
import type { PositionedActor } from '../../platform/access/actor.ts';
import { writeAudit, writeAudits } from '../../platform/audit/audit.ts';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../platform/errors.ts';
import { formatRunningNumber, takeNextNumber } from '../../platform/db/number-series.ts';
import { todayInSweden } from '../../../domain/dates.ts';
import {
  CASE_NUMBER_PREFIX,
  closeCaseProblem,
  decisionLastDay,
  decisionStatus,
  decisionsRunningAfter,
} from '../../../domain/decision-rules.ts';
import type * as contract from '../../../contract/cases.ts';
import { getPersonInScope, maskSummary } from '../persons/index.ts';
import * as repo from './case.repository.ts';
import * as decisions from './decision.repository.ts';
import { buildCaseHistory } from './case.history.ts';
import { listCaseHistorySources } from './case-history.repository.ts';
import * as policy from './case.policy.ts';
import { applyDecisionEnd } from './decision-end.service.ts';

const NOT_FOUND = 'Ärendet hittades inte.';
const MY_CASES_LIMIT = 500;

function requireCaseRole(actor: PositionedActor): void {
  if (!policy.canWorkWithCases(actor.position)) throw new ForbiddenError('Ärenden hanteras av myndigheten.');
}

/** The case if the actor may work with it: 404 out of scope or another area, 403 for non-authority readers of the person. */
export async function getCaseForActor(
  trx: Trx,
  actor: PositionedActor,
  caseId: string,
  forUpdate = false,
): Promise<repo.CaseRecord> {
  const caseRecord = await repo.findCaseInScope(trx, actor.position.personScopeUnitIds, caseId, forUpdate);
  if (!caseRecord) throw new NotFoundError(NOT_FOUND);
  requireCaseRole(actor);
  if (!policy.isCaseOfActorsServiceArea(actor.position, caseRecord)) throw new NotFoundError(NOT_FOUND);
  return caseRecord;
}

/**
 * For a module that links to a case (a personal watch): the case if the reader may open it — in
 * scope, an authority reader of its service area — else undefined, never an error.
 */
export async function findCaseForReader(
  trx: Trx,
  actor: PositionedActor,
  caseId: string,
): Promise<{ id: string; personId: string; caseNumber: string } | undefined> {
  const caseRecord = await repo.findCaseInScope(trx, actor.position.personScopeUnitIds, caseId);
  if (!caseRecord || !policy.canWorkWithCases(actor.position)) return undefined;
  if (!policy.isCaseOfActorsServiceArea(actor.position, caseRecord)) return undefined;
  return { id: caseRecord.id, personId: caseRecord.personId, caseNumber: caseRecord.caseNumber };
}

/** A change needs an open case. */
export function requireOpenCase(caseRecord: repo.CaseRecord): void {
  if (caseRecord.closedOn !== null)
    throw new ConflictError(`Ärendet ${caseRecord.caseNumber} är avslutat ${caseRecord.closedOn}.`);
}

function toDecisionSummary(
  decision: decisions.DecisionRecord,
  today: string,
): contract.CaseSummary['decisions'][number] {
  return {
    id: decision.id,
    decisionNumber: decision.decisionNumber,
    outcome: decision.outcome,
    decisionDate: decision.decisionDate,
    periodFrom: decision.periodFrom,
    periodTo: decision.periodTo,
    endedOn: decision.endedOn,
    status: decisionStatus(decision, today),
    interventionNames: decision.interventions.map((intervention) => intervention.name),
  };
}

function toSummary(
  caseRecord: repo.CaseRecord,
  caseDecisions: decisions.DecisionRecord[],
  today: string,
): contract.CaseSummary {
  return {
    id: caseRecord.id,
    caseNumber: caseRecord.caseNumber,
    serviceArea: caseRecord.serviceArea,
    status: caseRecord.closedOn === null ? 'open' : 'closed',
    openedOn: caseRecord.openedOn,
    closedOn: caseRecord.closedOn,
    endReason: caseRecord.endReason,
    authorityUnit: caseRecord.authorityUnit,
    caseOfficer: caseRecord.caseOfficer,
    version: caseRecord.version,
    decisions: caseDecisions
      .filter((decision) => decision.caseId === caseRecord.id)
      .map((decision) => toDecisionSummary(decision, today)),
  };
}

/** The person's cases in the actor's service area, open first, with their decisions. */
export async function listPersonCases(db: Db, actor: PositionedActor, personId: string): Promise<contract.PersonCases> {
  return inTenant(db, actor.municipalityId, async (trx) => {
    await getPersonInScope(trx, actor, personId);
    requireCaseRole(actor);
    const cases = await repo.listCasesOfPerson(trx, personId, actor.position.serviceArea);
    const caseDecisions = await decisions.listDecisionsOfCases(
      trx,
      cases.map((caseRecord) => caseRecord.id),
    );
    await writeAudit(trx, actor, { action: 'case.list', entityType: 'person', entityId: personId, personId });
    const today = todayInSweden();
    return {
      cases: cases.map((caseRecord) => toSummary(caseRecord, caseDecisions, today)),
      canOpenCase: cases.every((caseRecord) => caseRecord.closedOn !== null),
    };
  });
}

/** Opens a case in the actor's service area and links the person to its authority unit. */
export async function openCase(
  db: Db,
  actor: PositionedActor,
  personId: string,
  input: { authorityUnitId: string | null; caseOfficerId: string | null },
): Promise<{ id: string; caseNumber: string }> {
  const { serviceArea } = actor.position;
  return inTenant(db, actor.municipalityId, async (trx) => {
    await getPersonInScope(trx, actor, personId);
    requireCaseRole(actor);
    const authorityUnitId = input.authorityUnitId ?? actor.position.unitId;
    const caseOfficerId = input.caseOfficerId ?? actor.userId;
    await checkStaffing(trx, serviceArea, authorityUnitId, caseOfficerId, input.caseOfficerId === null);
    await repo.lockPersonServiceArea(trx, personId, serviceArea);
    const openNumber = await repo.findOpenCaseNumber(trx, personId, serviceArea);
    if (openNumber)
      throw new ConflictError(`Personen har redan ett öppet ärende i verksamhetsområdet: ${openNumber}.`, {
        openCaseNumber: openNumber,
      });
    const openedOn = todayInSweden();
    const year = Number(openedOn.slice(0, 4));
    const caseNumber = formatRunningNumber(
      CASE_NUMBER_PREFIX[serviceArea],
      year,
      await takeNextNumber(trx, actor.municipalityId, 'case', year),
    );
    const id = await repo.insertCase(trx, {
      municipalityId: actor.municipalityId,
      personId,
      serviceArea,
      caseNumber,
      authorityUnitId,
      caseOfficerId,
      openedOn,
    });
    await writeAudit(trx, actor, {
      action: 'case.open',
      entityType: 'case',
      entityId: id,
      personId,
      details: { caseNumber, authorityUnitId, caseOfficerId },
    });
    return { id, caseNumber };
  });
}

async function checkStaffing(
  trx: Trx,
  serviceArea: repo.CaseRecord['serviceArea'],
  authorityUnitId: string,
  caseOfficerId: string,
  isOfficerDefaulted: boolean,
): Promise<void> {
  const fieldErrors: Record<string, string> = {};
  if (!(await repo.isActiveAuthorityUnit(trx, authorityUnitId, serviceArea))) {
    fieldErrors.authorityUnitId = 'Välj en myndighetsenhet inom ditt verksamhetsområde.';
  }
  if ((await repo.listCaseOfficers(trx, serviceArea, caseOfficerId)).length === 0) {
    fieldErrors.caseOfficerId = isOfficerDefaulted
      ? 'Du är inte handläggare i verksamhetsområdet: välj en handläggare.'
      : 'Välj en handläggare inom verksamhetsområdet.';
  }
  if (Object.keys(fieldErrors).length) throw new ValidationError(fieldErrors);
}

/** The case view, audited as a read of the person. */
export async function getCase(db: Db, actor: PositionedActor, caseId: string): Promise<contract.CaseView> {
  return inTenant(db, actor.municipalityId, async (trx) => {
    const caseRecord = await getCaseForActor(trx, actor, caseId);
    const view = await loadCaseView(trx, actor, caseRecord);
    await writeAudit(trx, actor, {
      action: 'case.read',
      entityType: 'case',
      entityId: caseId,
      personId: caseRecord.personId,
    });
    return view;
  });
}

/** Builds the case view inside the caller's transaction (after a change, too). */
export async function loadCaseView(
  trx: Trx,
  actor: PositionedActor,
  caseRecord: repo.CaseRecord,
): Promise<contract.CaseView> {
  const person = maskSummary(await getPersonInScope(trx, actor, caseRecord.personId));
  const caseDecisions = await decisions.listDecisionsOfCases(trx, [caseRecord.id]);
  const history = buildCaseHistory(
    caseRecord,
    await listCaseHistorySources(trx, caseRecord.id, [...caseDecisions].reverse()),
  );
  const today = todayInSweden();
  const canChange = policy.canChangeCase(actor.position, caseRecord);
  const { decisions: _summaries, ...summary } = toSummary(caseRecord, [], today);
  return {
    ...summary,
    person: {
      id: person.id,
      identityNumber: person.identityNumber,
      firstName: person.firstName,
      lastName: person.lastName,
      protectedIdentity: person.protectedIdentity,
    },
    decisions: caseDecisions.map(({ caseId: _caseId, createdAt: _createdAt, updatedAt: _updatedAt, ...decision }) => ({
      ...decision,
      status: decisionStatus(decision, today),
      interventions: decision.interventions.map(({ decisionId: _decisionId, ...intervention }) => intervention),
    })),
    history,
    permissions: {
      canRecordDecision: canChange,
      canEndDecision: canChange,
      canClose: canChange,
      canChangeCaseOfficer: canChange,
    },
  };
}

export async function changeCaseOfficer(
  db: Db,
  actor: PositionedActor,
  caseId: string,
  input: contract.ChangeCaseOfficerRequest,
): Promise<contract.CaseView> {
  return inTenant(db, actor.municipalityId, async (trx) => {
    const caseRecord = await getCaseForActor(trx, actor, caseId, true);
    requireOpenCase(caseRecord);
    if ((await repo.listCaseOfficers(trx, caseRecord.serviceArea, input.caseOfficerId)).length === 0) {
      throw new ValidationError({ caseOfficerId: 'Välj en handläggare inom verksamhetsområdet.' });
    }
    if (!(await repo.updateCaseOfficer(trx, caseId, input.version, input.caseOfficerId))) throw new ConflictError();
    if (input.caseOfficerId !== caseRecord.caseOfficer.id) {
      await repo.insertOfficerChange(trx, {
        municipalityId: actor.municipalityId,
        caseId,
        fromOfficerId: caseRecord.caseOfficer.id,
        toOfficerId: input.caseOfficerId,
        changedById: actor.userId,
      });
    }
    await writeAudit(trx, actor, {
      action: 'case.change_officer',
      entityType: 'case',
      entityId: caseId,
      personId: caseRecord.personId,
      details: { from: caseRecord.caseOfficer.id, to: input.caseOfficerId },
    });
    return loadCaseView(trx, actor, (await repo.findCaseInScope(trx, actor.position.personScopeUnitIds, caseId))!);
  });
}

/**
 * Closes the case when every decision has ended or run out by the closing day (else 409 naming
 * them: ending a decision is the officer's own step, with its own date and reason); the person's
 * link to the unit ends then. What each decision's end does at the provider is applied once more
 * (decision-end.service.ts): assignments of a decision that ran out, still waiting in Nya uppdrag,
 * are withdrawn, and a row left running past its decision by older data ends.
 */
export async function closeCase(
  db: Db,
  actor: PositionedActor,
  caseId: string,
  input: contract.CloseCaseRequest,
): Promise<contract.CaseView> {
  return inTenant(db, actor.municipalityId, async (trx) => {
    const caseRecord = await getCaseForActor(trx, actor, caseId, true);
    requireOpenCase(caseRecord);
    const problem = closeCaseProblem(caseRecord.openedOn, input.closedOn, todayInSweden());
    if (problem) throw new ValidationError({ closedOn: problem });
    const caseDecisions = await decisions.listDecisionsOfCases(trx, [caseId]);
    const running = decisionsRunningAfter(caseDecisions, input.closedOn);
    if (running.length) {
      const numbers = running.map((decision) => decision.decisionNumber).join(', ');
      throw new ConflictError(`Avsluta först beslut som gäller efter ${input.closedOn}: ${numbers}.`, {
        decisionNumbers: running.map((decision) => decision.decisionNumber),
      });
    }
    if (
      !(await repo.closeCase(trx, caseId, input.version, {
        closedOn: input.closedOn,
        endReason: input.endReason,
        closedById: actor.userId,
      }))
    ) {
      throw new ConflictError();
    }
    for (const decision of caseDecisions) {
      const lastDay = decisionLastDay(decision);
      if (decision.outcome !== 'granted' || lastDay === null) continue;
      await applyDecisionEnd(
        trx,
        actor,
        { id: decision.id, decisionNumber: decision.decisionNumber, personId: caseRecord.personId },
        lastDay,
        decision.endReason ?? input.endReason,
        todayInSweden(),
        'closedOn',
      );
    }
    await writeAudit(trx, actor, {
      action: 'case.close',
      entityType: 'case',
      entityId: caseId,
      personId: caseRecord.personId,
      details: { closedOn: input.closedOn, endReason: input.endReason },
    });
    return loadCaseView(trx, actor, (await repo.findCaseInScope(trx, actor.position.personScopeUnitIds, caseId))!);
  });
}

/** "Mina ärenden": open cases where the actor is case officer; each person listed is audited. */
export async function listMyCases(db: Db, actor: PositionedActor): Promise<contract.MyCases> {
  requireCaseRole(actor);
  return inTenant(db, actor.municipalityId, async (trx) => {
    const rows = await repo.listMyOpenCases(
      trx,
      actor.userId,
      actor.position.personScopeUnitIds,
      todayInSweden(),
      MY_CASES_LIMIT,
    );
    await writeAudits(
      trx,
      actor,
      rows.map((row) => ({
        action: 'person.list_hit',
        entityType: 'person',
        entityId: row.person.id,
        personId: row.person.id,
        details: { list: 'my_cases' },
      })),
    );
    return {
      cases: rows.map(({ person, ...row }) => {
        const masked = maskSummary(person);
        return {
          ...row,
          person: {
            id: masked.id,
            identityNumber: masked.identityNumber,
            firstName: masked.firstName,
            lastName: masked.lastName,
            protectedIdentity: masked.protectedIdentity,
          },
        };
      }),
    };
  });
}

/** The authority units and case officers of the actor's service area, for the forms. */
export async function getCaseStaffing(db: Db, actor: PositionedActor): Promise<contract.CaseStaffing> {
  requireCaseRole(actor);
  return inTenant(db, actor.municipalityId, async (trx) => ({
    authorityUnits: await repo.listAuthorityUnits(trx, actor.position.serviceArea),
    caseOfficers: await repo.listCaseOfficers(trx, actor.position.serviceArea),
  }));
}
