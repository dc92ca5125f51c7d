/**
 * Assignments: write and change drafts, read one (authority or provider), the case's list and what
 * the form needs. Every read of the person's data and every change writes its audit row in the
 * same transaction.
 */
import type { Db } from '../../platform/db/database.ts';
import { inTenant, type Trx } from '../../platform/db/tenant.ts';
import type { PositionedActor } from '../../platform/access/actor.ts';
import { writeAudit } from '../../platform/audit/audit.ts';
import { ConflictError, NotFoundError } from '../../platform/errors.ts';
import { formatRunningNumber, takeNextNumber } from '../../platform/db/number-series.ts';
import { todayInSweden } from '../../../domain/dates.ts';
import type * as c from '../../../contract/assignments.ts';
import * as context from './assignment-context.repository.ts';
import * as write from './assignment-write.repository.ts';
import * as repo from './assignment.repository.ts';
import { writerScope } from '../../platform/access/assignment-scope.ts';
import { assertDecisionOpen, buildDraftRow, writeBlockedReason } from './assignment-draft.ts';
import { toDecisionSummary, toPersonRef } from './assignment.presenter.ts';
import { readDetail } from './assignment-detail.ts';

/** Assignment numbers: U-2026-00017. */
export const ASSIGNMENT_NUMBER_PREFIX = 'U';
const SENT_CANNOT_CHANGE = 'Ett skickat uppdrag kan inte ändras. Skriv ett nytt uppdrag som ersätter det.';

/**
 * Writing is for the authority of the case's service area with the person in scope
 * (assignment.policy.ts canWriteAssignments), decided in each query's WHERE: everything else is
 * 404, never 403 — they cannot see the case.
 */
export async function getWritableAssignment(
  trx: Trx,
  actor: PositionedActor,
  assignmentId: string,
): Promise<repo.AssignmentRecord> {
  const found = await repo.findReadableAssignment(trx, assignmentId, writerScope(actor));
  if (!found?.isWriter) throw new NotFoundError('Uppdraget hittades inte.');
  return found.record;
}

/** A decision to write an assignment from. */
async function getWritableDecision(
  trx: Trx,
  actor: PositionedActor,
  decisionId: string,
): Promise<context.DecisionContext> {
  const decision = await context.findDecisionContext(trx, decisionId, writerScope(actor).writer);
  if (!decision) throw new NotFoundError('Beslutet hittades inte.');
  return decision;
}

/** A case whose assignments the authority reads. */
async function getReadableCase(trx: Trx, actor: PositionedActor, caseId: string): Promise<context.CaseContext> {
  const found = await context.findCaseContext(trx, caseId, writerScope(actor).writer);
  if (!found) throw new NotFoundError('Ärendet hittades inte.');
  return found;
}

const audit = (assignmentId: string, personId: string, action: string, details: Record<string, unknown> = {}) => ({
  action,
  entityType: 'assignment',
  entityId: assignmentId,
  personId,
  details,
});

export async function createDraft(
  db: Db,
  actor: PositionedActor,
  decisionId: string,
  input: c.AssignmentDraft,
): Promise<c.CreatedAssignment> {
  return inTenant(db, actor.municipalityId, async (trx) => {
    const decision = await getWritableDecision(trx, actor, decisionId);
    assertDecisionOpen(decision);
    const row = await buildDraftRow(trx, decision, input);
    const year = Number(todayInSweden().slice(0, 4));
    const assignmentNumber = formatRunningNumber(
      ASSIGNMENT_NUMBER_PREFIX,
      year,
      await takeNextNumber(trx, actor.municipalityId, 'assignment', year),
    );
    const id = await write.insertDraft(trx, {
      ...row,
      municipalityId: actor.municipalityId,
      assignmentNumber,
      caseId: decision.caseId,
      decisionId,
      personId: decision.person.id,
      createdById: actor.userId,
    });
    await writeAudit(
      trx,
      actor,
      audit(id, decision.person.id, 'assignment.create', { assignmentNumber, providerId: row.providerId }),
    );
    return { id, assignmentNumber };
  });
}

export async function updateDraft(
  db: Db,
  actor: PositionedActor,
  assignmentId: string,
  version: number,
  input: c.AssignmentDraft,
): Promise<c.AssignmentDetail> {
  return inTenant(db, actor.municipalityId, async (trx) => {
    const record = await getWritableAssignment(trx, actor, assignmentId);
    if (record.sentAt) throw new ConflictError(SENT_CANNOT_CHANGE);
    assertDecisionOpen(record);
    const row = await buildDraftRow(trx, record, input, assignmentId);
    if (!(await write.updateDraft(trx, actor.municipalityId, assignmentId, version, row))) throw new ConflictError();
    await writeAudit(
      trx,
      actor,
      audit(assignmentId, record.person.id, 'assignment.update', { providerId: row.providerId }),
    );
    return readDetail(trx, actor, assignmentId);
  });
}

export async function deleteDraft(
  db: Db,
  actor: PositionedActor,
  assignmentId: string,
  version: number,
): Promise<{ ok: true }> {
  return inTenant(db, actor.municipalityId, async (trx) => {
    const record = await getWritableAssignment(trx, actor, assignmentId);
    if (record.sentAt)
      throw new ConflictError('Ett skickat uppdrag kan inte tas bort. Skriv ett nytt uppdrag som ersätter det.');
    if (!(await write.deleteDraft(trx, assignmentId, version))) throw new ConflictError();
    // The audit row keeps the number: the assignment it names no longer exists.
    await writeAudit(trx, actor, {
      action: 'assignment.delete',
      entityType: 'assignment',
      entityId: null,
      personId: record.person.id,
      details: { assignmentNumber: record.assignmentNumber },
    });
    return { ok: true };
  });
}

export async function getAssignment(db: Db, actor: PositionedActor, assignmentId: string): Promise<c.AssignmentDetail> {
  return inTenant(db, actor.municipalityId, async (trx) => {
    const detail = await readDetail(trx, actor, assignmentId);
    await writeAudit(trx, actor, audit(assignmentId, detail.person.id, 'person.read', { section: 'assignment' }));
    return detail;
  });
}

/** What the assignment form needs: the decision's interventions, the providers, what may be replaced. */
export async function getAssignmentOptions(
  db: Db,
  actor: PositionedActor,
  decisionId: string,
): Promise<c.AssignmentOptions> {
  return inTenant(db, actor.municipalityId, async (trx) => {
    const decision = await getWritableDecision(trx, actor, decisionId);
    const [interventions, providers, replaceable] = [
      await context.listGrantedInterventions(trx, decisionId),
      await context.listProviders(trx, decision.serviceArea),
      await context.listReplaceable(trx, decision.caseId),
    ];
    await writeAudit(trx, actor, {
      action: 'person.read',
      entityType: 'decision',
      entityId: decisionId,
      personId: decision.person.id,
      details: { section: 'assignment_options' },
    });
    return {
      caseId: decision.caseId,
      caseNumber: decision.caseNumber,
      serviceArea: decision.serviceArea,
      person: toPersonRef(decision.person),
      decision: { ...toDecisionSummary(decision.decision), interventions },
      providers: providers.map(({ id, name, ownership, hasSystemAccess }) => ({
        id,
        name,
        ownership,
        hasSystemAccess,
      })),
      replaceable,
      writeBlockedReason: writeBlockedReason(decision),
    };
  });
}

export async function listCaseAssignments(
  db: Db,
  actor: PositionedActor,
  caseId: string,
): Promise<c.CaseAssignmentList> {
  return inTenant(db, actor.municipalityId, async (trx) => {
    const found = await getReadableCase(trx, actor, caseId);
    const rows = await context.listCaseAssignments(trx, caseId);
    await writeAudit(trx, actor, {
      action: 'person.read',
      entityType: 'case',
      entityId: caseId,
      personId: found.personId,
      details: { section: 'case_assignments' },
    });
    return {
      assignments: rows.map((row) => ({
        ...row,
        createdAt: row.createdAt.toISOString(),
        sentAt: row.sentAt?.toISOString() ?? null,
        stateChangedAt: row.stateChangedAt?.toISOString() ?? null,
      })),
      canWrite: found.closedOn === null,
    };
  });
}
