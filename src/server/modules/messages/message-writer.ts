/**
 * Writing a message: one messages row and one inbox row per recipient, send lists expanded to
 * their members at the moment of sending. Event messages (new assignment, stopped assignment, …)
 * are written by the services of those events inside their own transaction, so the event and its
 * message commit together.
 */
import { randomUUID } from 'node:crypto';
import type { Trx } from '../../platform/db/tenant.ts';
import * as repo from './message-write.repository.ts';

export interface NewMessage {
  municipalityId: string;
  /** Null for an event message written by the system. */
  senderId: string | null;
  senderPositionId?: string | null;
  subject: string;
  body: string;
  recipientUserIds?: readonly string[];
  sendListIds?: readonly string[];
  personId?: string | null;
  assignmentId?: string | null;
  /** Addressees as shown to readers, e.g. "Nattpatrullen; Lars Wallin". */
  addressedTo: string;
}

/** Writes the message; returns its id and how many users it reached. */
export async function writeMessage(trx: Trx, message: NewMessage): Promise<{ id: string; recipientCount: number }> {
  const row = await repo.insertMessage(trx, message);
  const recipients = new Map<string, string | null>();
  for (const userId of message.recipientUserIds ?? []) recipients.set(userId, null);
  if (message.sendListIds?.length) {
    for (const member of await repo.listActiveSendListMembers(trx, message.sendListIds)) {
      if (!recipients.has(member.userId)) recipients.set(member.userId, member.sendListId);
    }
  }
  await repo.insertRecipients(trx, message.municipalityId, row.id, row.createdAt, recipients);
  return { id: row.id, recipientCount: recipients.size };
}

/** An event message the system writes to users (no send lists), for writeEventMessages. */
export interface NewEventMessage {
  subject: string;
  body: string;
  recipientUserIds: readonly string[];
  personId?: string | null;
  assignmentId?: string | null;
  addressedTo: string;
}

/**
 * Many event messages in two statements, for a job that sends thousands at once (the watch
 * checks after downtime); returns their ids in the order given. Messages without recipients are
 * not written (their id is null).
 */
export async function writeEventMessages(
  trx: Trx,
  municipalityId: string,
  messages: readonly NewEventMessage[],
): Promise<(string | null)[]> {
  const ids = messages.map((message) => (message.recipientUserIds.length ? randomUUID() : null));
  await repo.insertEventMessages(
    trx,
    municipalityId,
    messages.flatMap((message, index) => {
      const id = ids[index];
      if (!id) return [];
      return [
        {
          id,
          subject: message.subject,
          body: message.body,
          personId: message.personId ?? null,
          assignmentId: message.assignmentId ?? null,
          addressedTo: message.addressedTo,
          recipientUserIds: [...new Set(message.recipientUserIds)],
        },
      ];
    }),
  );
  return ids;
}
