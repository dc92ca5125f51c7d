/**
 * Sending an assignment. In Vardag: it becomes an official record (frozen by the database), lands
 * in the provider's "Nya uppdrag", the provider may now see the person, and the provider's
 * receivers (and, for a personal alarm, the alarm groups) get a message — all in one transaction,
 * so an assignment is never sent without its message or the other way round. By secure mail or by
 * post: the officer sent the PDF outside the system and records that it was sent, and how.
 */
import type { Db } from '../../platform/db/database.ts';
import { inTenant, type Trx } from '../../platform/db/tenant.ts';
import type { PositionedActor } from '../../platform/access/actor.ts';
import { writeAudit } from '../../platform/audit/audit.ts';
import { ConflictError, ValidationError } from '../../platform/errors.ts';
import { formatMinutesAsHours } from '../../../domain/granted-time.ts';
import type * as c from '../../../contract/assignments.ts';
import type { SentOutsideVia, SentVia } from '../../../domain/vocabulary.ts';
import { writeMessage } from '../messages/index.ts';
import { findPersonContact } from '../persons/index.ts';
import * as repo from './assignment.repository.ts';
import * as write from './assignment-write.repository.ts';
import { getWritableAssignment } from './assignment.service.ts';
import { assertDecisionOpen, assertHandoverRecorded } from './assignment-draft.ts';
import { resolveReceivers, type Receivers } from './assignment-detail.ts';
import { toDetail } from './assignment.presenter.ts';

type Via = SentVia;

export async function sendAssignment(
  db: Db,
  actor: PositionedActor,
  assignmentId: string,
  version: number,
): Promise<c.AssignmentDetail> {
  return send(db, actor, assignmentId, version, 'system');
}

/** The officer sent the PDF outside Vardag, by secure mail or by post (skickat per post), and records it. */
export async function recordSentOutside(
  db: Db,
  actor: PositionedActor,
  assignmentId: string,
  version: number,
  via: SentOutsideVia = 'secure_mail',
): Promise<c.AssignmentDetail> {
  return send(db, actor, assignmentId, version, via);
}

/** The event's note says how an assignment sent outside Vardag went, for the history and the page. */
const OUTSIDE_NOTE: Partial<Record<Via, string>> = {
  secure_mail: 'Skickat med säker e-post.',
  post: 'Skickat per post.',
};

async function send(
  db: Db,
  actor: PositionedActor,
  assignmentId: string,
  version: number,
  via: Via,
): Promise<c.AssignmentDetail> {
  return inTenant(db, actor.municipalityId, async (trx) => {
    const record = await getWritableAssignment(trx, actor, assignmentId);
    if (record.sentAt) throw new ConflictError('Uppdraget är redan skickat.');
    if (record.version !== version) throw new ConflictError();
    // The record carries its decision and case as they are now: ended or closed since the draft was written stops it here.
    assertDecisionOpen(record);
    assertProviderFits(record.provider, via);
    assertHandoverRecorded(record);
    const interventions = await repo.listAssignmentInterventions(trx, assignmentId);

    const sentAt = await write.markSent(trx, assignmentId, version, actor.userId, via);
    if (!sentAt) throw new ConflictError();
    if (via === 'system') await write.insertNewState(trx, actor.municipalityId, assignmentId, actor.userId);
    const event = via === 'system' ? ('sent' as const) : ('sent_outside' as const);
    const occurredAt = await write.insertEvent(
      trx,
      actor.municipalityId,
      assignmentId,
      event,
      actor.userId,
      OUTSIDE_NOTE[via],
    );
    await write.linkPersonToProvider(trx, actor.municipalityId, record.person.id, record.provider.id, assignmentId);
    if (record.replacesAssignment) await replace(trx, actor, record.replacesAssignment.id, record.assignmentNumber);

    let recipientCount = 0;
    if (via === 'system') {
      const receivers = await resolveReceivers(
        trx,
        record.provider.id,
        record.serviceArea,
        interventions.some((row) => row.isPersonalAlarm),
      );
      recipientCount = (await writeMessage(trx, newAssignmentMessage(actor, record, interventions, receivers)))
        .recipientCount;
    }
    await writeAudit(trx, actor, {
      action: via === 'system' ? 'assignment.send' : 'assignment.record_sent_outside',
      entityType: 'assignment',
      entityId: assignmentId,
      personId: record.person.id,
      details: { assignmentNumber: record.assignmentNumber, providerId: record.provider.id, recipientCount, via },
    });
    // The record as sent, from what this transaction wrote: a draft had no events and nothing replaced it.
    const sent: repo.AssignmentRecord = {
      ...record,
      sentAt,
      sentByName: actor.displayName,
      sentVia: via,
      updatedAt: sentAt,
      version: record.version + 1,
      state: via === 'system' ? { status: 'new', changedAt: sentAt, message: null } : null,
    };
    return toDetail({
      record: sent,
      interventions,
      lifeAreas: await repo.listLifeAreas(trx, assignmentId),
      events: [{ event, occurredAt, actorName: actor.displayName, message: OUTSIDE_NOTE[via] ?? null }],
      replacedBy: undefined,
      receivers: [],
      alarmGroups: [],
      isWriter: true,
      personContact: (await findPersonContact(trx, record.person.id)) ?? null,
    });
  });
}

function assertProviderFits(provider: repo.ProviderRecord, via: Via): void {
  const fail = (message: string) => {
    throw new ValidationError({ providerId: message }, message);
  };
  if (!provider.isActive) fail('Utföraren är inte längre aktiv. Välj en annan utförare i utkastet.');
  if (via === 'system' && !provider.hasSystemAccess) {
    fail(
      'Utföraren har inte tillgång till Vardag. Ladda ned uppdraget som PDF, skicka det med säker e-post och registrera det som skickat.',
    );
  }
  if (via !== 'system' && provider.hasSystemAccess)
    fail('Utföraren har tillgång till Vardag: skicka uppdraget i systemet.');
}

/** The earlier assignment leaves the provider's new ones and keeps a "replaced" event; replacing twice is a conflict. */
async function replace(trx: Trx, actor: PositionedActor, replacedId: string, byNumber: string): Promise<void> {
  if (!(await write.markReplaced(trx, actor.municipalityId, replacedId, actor.userId))) {
    throw new ConflictError('Det uppdrag som ersätts har redan ersatts av ett annat uppdrag. Läs in uppgifterna igen.');
  }
  await write.insertEvent(trx, actor.municipalityId, replacedId, 'replaced', actor.userId, `Ersatt av ${byNumber}.`);
}

/**
 * The event message. It names the assignment, not the person: it is read in inboxes and lists, and
 * the assignment it links to shows the person to those who may see them.
 */
function newAssignmentMessage(
  actor: PositionedActor,
  record: repo.AssignmentRecord,
  interventions: readonly repo.AssignmentInterventionRecord[],
  receivers: Receivers,
) {
  const lines = [
    `${record.authorityUnitName} har skickat uppdrag ${record.assignmentNumber} till ${record.provider.name}.`,
    `Insatser: ${interventions.map((row) => row.name).join(', ')}.`,
    `Beviljad tid totalt: ${formatMinutesAsHours(record.totalGrantedMinutes)} per månad (avrundat uppåt till närmaste kvart).`,
  ];
  if (interventions.some((row) => row.isTwoStaff))
    lines.push(
      `Dubbelbemanning: ${interventions
        .filter((row) => row.isTwoStaff)
        .map((row) => row.name)
        .join(', ')}.`,
    );
  if (interventions.some((row) => row.isPersonalAlarm)) lines.push('Uppdraget gäller trygghetslarm.');
  if (record.isNewClient) lines.push(`Ny brukare. Överlämning per telefon till ${record.handoverBy ?? '–'}.`);
  if (record.replacesAssignment) lines.push(`Ersätter uppdrag ${record.replacesAssignment.assignmentNumber}.`);
  lines.push('Öppna uppdraget under Nya uppdrag för att läsa det.');
  return {
    municipalityId: actor.municipalityId,
    senderId: null,
    subject: `Nytt uppdrag ${record.assignmentNumber}`,
    body: lines.join('\n'),
    recipientUserIds: receivers.users.map((user) => user.id),
    sendListIds: receivers.alarmGroups.map((group) => group.id),
    assignmentId: record.id,
    addressedTo: [
      `${record.provider.name} (mottagare av nya uppdrag)`,
      ...receivers.alarmGroups.map((group) => group.name),
    ].join('; '),
  };
}
