/**
 * What the case officer records for a late item (a granted intervention not delivered, an
 * interruption not resumed): the reason for the delay, the consequences for the person, interim
 * support, the offers made. Editable with an optimistic version until a quarter marked reported has
 * closed the item (reported its delivery or end); the reports already marked keep their own copy.
 * Every change is audited with what it was and what it became.
 */
import type { Db } from '../../platform/db/database.ts';
import { inTenant } from '../../platform/db/tenant.ts';
import type { PositionedActor } from '../../platform/access/actor.ts';
import { writeAudit } from '../../platform/audit/audit.ts';
import { systemClock, todayBy, type Clock } from '../../platform/clock.ts';
import { ConflictError, ForbiddenError, NotFoundError } from '../../platform/errors.ts';
import { undeliveredDeadline } from '../../../domain/undelivered.ts';
import { missingFreeTexts, type IvoSubjectKind } from '../../../domain/ivo-report.ts';
import type * as c from '../../../contract/ivo-reports.ts';
import * as repo from './ivo-report.repository.ts';
import * as policy from './ivo-report.policy.ts';
import { scopeOrNotFound } from './ivo-report.service.ts';
import { findCaseForReader } from '../cases/index.ts';

function isClosed(item: repo.IvoItemRecord): boolean {
  return item.earlier.some((report) => report.kind === 'delivered' || report.kind === 'ended');
}

function toDetails(item: repo.IvoItemRecord, actor: PositionedActor, today: string): c.IvoLateDetails {
  const deadline = undeliveredDeadline(item.interruptionDate ?? item.decisionDate);
  const isDelivered = item.deliveredOn !== null && item.deliveredOn <= today;
  const isEnded = item.endedOn !== null && item.endedOn < today;
  const { person, details } = item;
  return {
    subjectKind: item.subjectKind,
    subjectId: item.subjectId,
    person: {
      id: person.id,
      identityNumber: person.identityNumber,
      firstName: person.protectedIdentity ? null : person.firstName,
      lastName: person.protectedIdentity ? null : person.lastName,
      protectedIdentity: person.protectedIdentity,
    },
    caseId: item.caseId,
    caseNumber: item.caseNumber,
    decisionId: item.decisionId,
    decisionNumber: item.decisionNumber,
    interventionType: item.interventionType,
    legalBasis: item.legalBasis,
    decisionDate: item.decisionDate,
    interruptionDate: item.interruptionDate,
    deadline,
    isReportable: deadline < today && !isDelivered && !isEnded,
    isClosed: isClosed(item),
    delayReason: details?.delayReason ?? null,
    consequences: details?.consequences ?? null,
    interimSupport: details?.interimSupport ?? null,
    offers: details?.offers ?? [],
    version: details?.version ?? null,
    updatedAt: details?.updatedAt ?? null,
    canEdit: policy.canRecordLateDetails(actor.position) && !isClosed(item),
  };
}

export async function getLateDetails(
  db: Db,
  actor: PositionedActor,
  kind: IvoSubjectKind,
  subjectId: string,
  clock: Clock = systemClock,
): Promise<c.IvoLateDetails> {
  const scope = scopeOrNotFound(actor);
  return inTenant(db, actor.municipalityId, async (trx) => {
    const item = await repo.findItem(trx, scope, kind, subjectId);
    if (!item) throw new NotFoundError('Beslutet hittades inte.');
    await writeAudit(trx, actor, {
      action: 'person.read',
      entityType: kind === 'decision' ? 'decision_intervention' : 'interruption',
      entityId: subjectId,
      personId: item.person.id,
      details: { section: 'ivo_late_details' },
    });
    return toDetails(item, actor, todayBy(clock));
  });
}

export async function saveLateDetails(
  db: Db,
  actor: PositionedActor,
  kind: IvoSubjectKind,
  subjectId: string,
  body: c.IvoLateDetailsBody,
  clock: Clock = systemClock,
): Promise<c.IvoLateDetails> {
  const scope = scopeOrNotFound(actor);
  if (!policy.canRecordLateDetails(actor.position)) throw new ForbiddenError();
  return inTenant(db, actor.municipalityId, async (trx) => {
    const item = await repo.findItem(trx, scope, kind, subjectId);
    if (!item) throw new NotFoundError('Beslutet hittades inte.');
    if (isClosed(item)) {
      throw new ConflictError('Rapporteringen till IVO är avslutad för detta beslut; uppgifterna kan inte ändras.');
    }
    const values: repo.LateDetailsWrite = {
      delayReason: body.delayReason,
      consequences: body.consequences,
      interimSupport: body.interimSupport,
      offers: [...body.offers].sort((a, b) => a.offeredOn.localeCompare(b.offeredOn)),
    };
    const target = { kind, subjectId, personId: item.person.id };
    const isSaved =
      body.version === null
        ? await repo.insertLateDetails(trx, target, values, actor.municipalityId, actor.userId)
        : await repo.updateLateDetails(trx, target, body.version, values, actor.userId);
    if (!isSaved) throw new ConflictError();
    const before = item.details;
    await writeAudit(trx, actor, {
      action: 'ivo.details_update',
      entityType: kind === 'decision' ? 'decision_intervention' : 'interruption',
      entityId: subjectId,
      personId: item.person.id,
      details: {
        before: before && {
          delayReason: before.delayReason,
          consequences: before.consequences,
          interimSupport: before.interimSupport,
          offers: before.offers,
        },
        after: values,
      },
    });
    const saved = await repo.findItem(trx, scope, kind, subjectId);
    return toDetails(saved ?? item, actor, todayBy(clock));
  });
}

/**
 * The case's items to report today, for a note on each decision that links to their details.
 * A case the caller may not open answers 404; one they may, lists only the items in their scope.
 */
export async function listCaseLateItems(
  db: Db,
  actor: PositionedActor,
  caseId: string,
  clock: Clock = systemClock,
): Promise<c.IvoCaseItems> {
  const scope = scopeOrNotFound(actor);
  const today = todayBy(clock);
  const records = await inTenant(db, actor.municipalityId, async (trx) => {
    // A case the caller may not open is missing, as on the case's own page.
    if (!(await findCaseForReader(trx, actor, caseId))) throw new NotFoundError('Ärendet hittades inte.');
    return repo.listCaseItems(trx, scope, caseId, today);
  });
  const items = records
    .map((item) => toDetails(item, actor, today))
    .filter((details) => details.isReportable)
    .map((details) => ({
      subjectKind: details.subjectKind,
      subjectId: details.subjectId,
      decisionId: details.decisionId,
      interventionType: details.interventionType,
      deadline: details.deadline,
      isMissingTexts: missingFreeTexts('new', details).length > 0,
    }));
  return { items };
}
