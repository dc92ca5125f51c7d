/**
 * Messages: the inbox, the sent box, reading, marking and writing. A message belongs to its sender
 * and the users it reached; anyone else gets 404. A person a message links to is shown only to a
 * reader whose scope holds them (masked when protected), and showing or opening it is audited; an
 * assignment it links to only to a reader who may read it (assignments/assignment.policy.ts).
 */
import type { z } from 'zod';
import type { Db } from '../../platform/db/database.ts';
import { inTenant, type Trx } from '../../platform/db/tenant.ts';
import type { PositionedActor } from '../../platform/access/actor.ts';
import { writeAudit, writeAudits } from '../../platform/audit/audit.ts';
import { ForbiddenError, NotFoundError, ValidationError } from '../../platform/errors.ts';
import type * as contract from '../../../contract/messages.ts';
import * as repo from './message.repository.ts';
import * as recipients from './recipient.repository.ts';
import * as policy from './messages.policy.ts';
import { writeMessage } from './message-writer.ts';
import { isPersonVisible } from '../../platform/access/person-scope.ts';
import { loadAssignmentScope } from '../../platform/access/assignment-scope.ts';
import { listReadableAssignmentNumbers } from '../../platform/access/assignment-scope.ts';

/** What readers see as the sender of an event message. */
export const SYSTEM_SENDER_NAME = 'Systemet';
const SUGGESTED_USERS = 20;
const SUGGESTED_LISTS = 10;
/** messages.addressed_to holds at most this many characters. */
const ADDRESSED_TO_MAX = 2000;

type SendMessageInput = z.output<typeof contract.SendMessageRequest>;

export async function listInbox(db: Db, actor: PositionedActor, query: contract.InboxQuery): Promise<contract.Inbox> {
  const filter = { isUnreadOnly: query.unread === 'true', isArchive: query.archived === 'true' };
  return inTenant(db, actor.municipalityId, async (trx) => {
    const { items, total } = await repo.listInbox(
      trx,
      actor.userId,
      filter,
      query.pageSize,
      (query.page - 1) * query.pageSize,
    );
    const present = await presenter(trx, actor, items, filter.isArchive ? 'message_archive' : 'inbox');
    return {
      items: items.map((item) => ({
        ...present(item),
        isRead: item.readAt !== null,
        isArchived: item.archivedAt !== null,
        viaSendList: item.viaSendList,
      })),
      page: query.page,
      pageSize: query.pageSize,
      total,
      unreadCount: await repo.countUnread(trx, actor.userId),
    };
  });
}

export async function listSent(db: Db, actor: PositionedActor, query: contract.SentQuery): Promise<contract.SentBox> {
  return inTenant(db, actor.municipalityId, async (trx) => {
    const { items, total } = await repo.listSent(trx, actor.userId, query.pageSize, (query.page - 1) * query.pageSize);
    const present = await presenter(trx, actor, items, 'message_sent');
    return {
      items: items.map((item) => ({
        ...present(item),
        recipientCount: item.recipientCount,
        readCount: item.readCount,
      })),
      page: query.page,
      pageSize: query.pageSize,
      total,
    };
  });
}

/** Cheap enough to poll: one count over a partial index. */
export async function getUnreadCount(db: Db, actor: PositionedActor): Promise<contract.UnreadCount> {
  return inTenant(db, actor.municipalityId, async (trx) => ({
    unreadCount: await repo.countUnread(trx, actor.userId),
  }));
}

/** Opens a message; for a recipient, opening marks it read. A linked person makes it a read of their data. */
export async function getMessage(db: Db, actor: PositionedActor, messageId: string): Promise<contract.MessageDetail> {
  return inTenant(db, actor.municipalityId, async (trx) => {
    const message = await getReadableMessage(trx, actor, messageId);
    let inbox = message.inbox;
    if (inbox && !inbox.readAt) inbox = { ...inbox, ...(await repo.setRead(trx, messageId, actor.userId, true)) };
    if (message.personId) {
      await writeAudit(trx, actor, {
        action: 'message.read',
        entityType: 'message',
        entityId: messageId,
        personId: message.personId,
      });
    }
    const present = await presenter(trx, actor, [message], null);
    const sentTo = message.isSender ? await repo.listRecipients(trx, messageId) : null;
    return {
      ...present(message),
      body: message.body,
      isSender: message.isSender,
      isRecipient: inbox !== null,
      isRead: inbox?.readAt != null,
      isArchived: inbox?.archivedAt != null,
      recipients:
        sentTo?.map((recipient) => ({ ...recipient, readAt: recipient.readAt?.toISOString() ?? null })) ?? null,
    };
  });
}

/** Marks the message read or unread again in the actor's own inbox. */
export async function setMessageRead(
  db: Db,
  actor: PositionedActor,
  messageId: string,
  isRead: boolean,
): Promise<contract.MessageState> {
  return markOwnInboxRow(db, actor, messageId, isRead ? 'message.mark_read' : 'message.mark_unread', (trx) =>
    repo.setRead(trx, messageId, actor.userId, isRead),
  );
}

/** Moves the message out of the actor's inbox into the archive, or back. */
export async function setMessageArchived(
  db: Db,
  actor: PositionedActor,
  messageId: string,
  isArchived: boolean,
): Promise<contract.MessageState> {
  return markOwnInboxRow(db, actor, messageId, isArchived ? 'message.archive' : 'message.unarchive', (trx) =>
    repo.setArchived(trx, messageId, actor.userId, isArchived),
  );
}

async function markOwnInboxRow(
  db: Db,
  actor: PositionedActor,
  messageId: string,
  action: string,
  mark: (trx: Trx) => Promise<{ readAt: Date | null; archivedAt: Date | null } | undefined>,
): Promise<contract.MessageState> {
  return inTenant(db, actor.municipalityId, async (trx) => {
    const message = await getReadableMessage(trx, actor, messageId);
    // The sender can read it, so it is no secret: 403, not 404.
    if (!policy.canMarkMessage({ isRecipient: message.inbox !== null }))
      throw new ForbiddenError('Meddelandet finns inte i din inkorg.');
    const row = await mark(trx);
    if (!row) throw new NotFoundError('Meddelandet hittades inte.');
    await writeAudit(trx, actor, { action, entityType: 'message', entityId: messageId });
    return {
      id: messageId,
      isRead: row.readAt !== null,
      isArchived: row.archivedAt !== null,
      unreadCount: await repo.countUnread(trx, actor.userId),
    };
  });
}

async function getReadableMessage(trx: Trx, actor: PositionedActor, messageId: string): Promise<repo.MessageForReader> {
  const message = await repo.findMessageForReader(trx, messageId, actor.userId);
  if (!message || !policy.canReadMessage({ isSender: message.isSender, isRecipient: message.inbox !== null })) {
    throw new NotFoundError('Meddelandet hittades inte.');
  }
  return message;
}

/**
 * Writes a message to users and send lists at once (lists expanded to their active members now).
 * Unknown ids are 404; inactive ones are named per field. A linked person must be in the sender's
 * scope, and an assignment brings its person along.
 */
export async function sendMessage(
  db: Db,
  actor: PositionedActor,
  input: SendMessageInput,
): Promise<{ id: string; recipientCount: number }> {
  const userIds = [...new Set(input.recipientUserIds)];
  const sendListIds = [...new Set(input.sendListIds)];
  if (userIds.length + sendListIds.length === 0) throw new ValidationError({ recipients: 'Välj minst en mottagare.' });
  return inTenant(db, actor.municipalityId, async (trx) => {
    const [users, lists] = await Promise.all([
      recipients.findUsers(trx, userIds),
      recipients.findSendLists(trx, sendListIds),
    ]);
    if (userIds.some((id) => !users.has(id))) throw new NotFoundError('Mottagaren hittades inte.');
    if (sendListIds.some((id) => !lists.has(id))) throw new NotFoundError('Sändlistan hittades inte.');
    const problems: Record<string, string> = {};
    input.recipientUserIds.forEach((id, index) => {
      if (!users.get(id)!.isActive)
        problems[`recipientUserIds.${index}`] = `${users.get(id)!.displayName} är inte längre aktiv.`;
    });
    input.sendListIds.forEach((id, index) => {
      if (!lists.get(id)!.isActive)
        problems[`sendListIds.${index}`] = `Sändlistan ${lists.get(id)!.name} används inte längre.`;
    });
    if (Object.keys(problems).length > 0) throw new ValidationError(problems);

    const personId = await linkedPersonId(trx, actor, input);
    const names = [...sendListIds.map((id) => lists.get(id)!.name), ...userIds.map((id) => users.get(id)!.displayName)];
    const written = await writeMessage(trx, {
      municipalityId: actor.municipalityId,
      senderId: actor.userId,
      senderPositionId: actor.position.id,
      subject: input.subject,
      body: input.body,
      recipientUserIds: userIds,
      sendListIds,
      personId,
      assignmentId: input.assignmentId,
      addressedTo: addressLine(names),
    });
    // Rolled back with the message: a message that reaches nobody would only look sent.
    if (written.recipientCount === 0)
      throw new ValidationError({ recipients: 'Meddelandet når ingen: sändlistan har inga aktiva medlemmar.' });
    await writeAudit(trx, actor, {
      action: 'message.send',
      entityType: 'message',
      entityId: written.id,
      personId,
      details: { recipientCount: written.recipientCount, userIds, sendListIds, assignmentId: input.assignmentId },
    });
    return written;
  });
}

/** The person the message is about: given, or the assignment's; both must be the sender's to see. */
async function linkedPersonId(trx: Trx, actor: PositionedActor, input: SendMessageInput): Promise<string | null> {
  const scope = actor.position.personScopeUnitIds;
  if (input.personId && !(await isPersonVisible(trx, input.personId, scope)))
    throw new NotFoundError('Personen hittades inte.');
  if (!input.assignmentId) return input.personId;
  const assignment = await recipients.findAssignmentInScope(
    trx,
    input.assignmentId,
    scope,
    await loadAssignmentScope(trx, actor),
  );
  if (!assignment) throw new NotFoundError('Uppdraget hittades inte.');
  if (input.personId && assignment.personId !== input.personId)
    throw new ValidationError({ assignmentId: 'Uppdraget gäller en annan person än meddelandet.' });
  return assignment.personId;
}

/** "Nattpatrullen; Eva Lind", shortened with a count when it would not fit. */
export function addressLine(names: readonly string[]): string {
  const full = names.join('; ');
  if (full.length <= ADDRESSED_TO_MAX) return full;
  for (let shown = names.length - 1; shown > 0; shown--) {
    const line = `${names.slice(0, shown).join('; ')} och ${names.length - shown} till`;
    if (line.length <= ADDRESSED_TO_MAX) return line;
  }
  return `${names.length} mottagare`;
}

/** Users and send lists to write to, for the compose form. */
export async function suggestRecipients(
  db: Db,
  actor: PositionedActor,
  text: string,
): Promise<contract.RecipientSuggestions> {
  return inTenant(db, actor.municipalityId, async (trx) => ({
    users: await recipients.searchUsers(trx, text, SUGGESTED_USERS),
    sendLists: await recipients.searchSendLists(trx, text, SUGGESTED_LISTS),
  }));
}

/**
 * Loads what the messages link to and returns a function that shapes one message for this
 * reader. Listing shows the linked persons in scope, so each gets a person.list_hit audit row.
 */
async function presenter(
  trx: Trx,
  actor: PositionedActor,
  messages: readonly repo.MessageRecord[],
  list: string | null,
) {
  const persons = await repo.findLinkedPersons(
    trx,
    messages.flatMap((message) => message.personId ?? []),
    actor.position.personScopeUnitIds,
  );
  // Only the assignments the reader may open are linked: a message outlives the reader's need to know (ADR 0004).
  const assignmentIds = messages.flatMap((message) => message.assignmentId ?? []);
  const assignments =
    assignmentIds.length === 0
      ? new Map<string, string>()
      : await listReadableAssignmentNumbers(trx, await loadAssignmentScope(trx, actor), assignmentIds);
  if (list) {
    await writeAudits(
      trx,
      actor,
      [...persons.values()]
        .filter((person) => person.isInScope)
        .map((person) => ({
          action: 'person.list_hit',
          entityType: 'person',
          entityId: person.id,
          personId: person.id,
          details: { list },
        })),
    );
  }
  return (message: repo.MessageRecord) => ({
    id: message.id,
    kind: message.kind,
    subject: message.subject,
    senderId: message.senderId,
    senderName: message.kind === 'event' ? SYSTEM_SENDER_NAME : (message.senderName ?? ''),
    addressedTo: message.addressedTo,
    sentAt: message.sentAt.toISOString(),
    person: message.personId ? toMessagePerson(message.personId, persons.get(message.personId)) : null,
    assignment:
      message.assignmentId && assignments.has(message.assignmentId)
        ? { id: message.assignmentId, assignmentNumber: assignments.get(message.assignmentId)! }
        : null,
  });
}

/** Outside the reader's scope only the id remains; a protected identity keeps its name hidden. */
function toMessagePerson(personId: string, person: repo.LinkedPerson | undefined): contract.MessagePerson {
  if (!person?.isInScope)
    return {
      id: personId,
      isInScope: false,
      identityNumber: null,
      firstName: null,
      lastName: null,
      protectedIdentity: false,
    };
  const isMasked = person.protectedIdentity;
  return {
    id: person.id,
    isInScope: true,
    identityNumber: person.identityNumber,
    firstName: isMasked ? null : person.firstName,
    lastName: isMasked ? null : person.lastName,
    protectedIdentity: isMasked,
  };
}
