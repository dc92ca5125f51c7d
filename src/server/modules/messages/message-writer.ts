/**
 * Writing a message: one messages row and one inbox row per recipient, send lists expanded to
 * their members at the moment of sending. Event messages (new assignment, stopped assignment, …)
 * are written by the services of those events inside their own transaction, so the event and its
 * message commit together.
 */
import type { Trx } from '../../platform/db/tenant.ts';

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
  const row = await trx.insertInto('messages').values({
    municipality_id: message.municipalityId,
    kind: message.senderId ? 'personal' : 'event',
    sender_id: message.senderId,
    sender_position_id: message.senderPositionId ?? null,
    subject: message.subject,
    body: message.body,
    person_id: message.personId ?? null,
    assignment_id: message.assignmentId ?? null,
    addressed_to: message.addressedTo,
  }).returning(['id', 'created_at']).executeTakeFirstOrThrow();

  const recipients = new Map<string, string | null>();
  for (const userId of message.recipientUserIds ?? []) recipients.set(userId, null);
  if (message.sendListIds?.length) {
    const members = await trx.selectFrom('send_list_members')
      .innerJoin('send_lists', (join) => join.onRef('send_lists.municipality_id', '=', 'send_list_members.municipality_id').onRef('send_lists.id', '=', 'send_list_members.send_list_id'))
      .innerJoin('users', (join) => join.onRef('users.municipality_id', '=', 'send_list_members.municipality_id').onRef('users.id', '=', 'send_list_members.user_id'))
      .select(['send_list_members.user_id', 'send_list_members.send_list_id'])
      .where('send_list_members.send_list_id', 'in', [...message.sendListIds])
      .where('send_lists.is_active', '=', true)
      .where('users.is_active', '=', true)
      .execute();
    for (const member of members) if (!recipients.has(member.user_id)) recipients.set(member.user_id, member.send_list_id);
  }
  if (recipients.size) {
    await trx.insertInto('message_recipients').values([...recipients].map(([userId, sendListId]) => ({
      municipality_id: message.municipalityId, message_id: row.id, user_id: userId, send_list_id: sendListId, sent_at: row.created_at,
    }))).execute();
  }
  return { id: row.id, recipientCount: recipients.size };
}
