/**
 * SQL for writing a message (message-writer.ts): the messages row, the active members of send
 * lists at the moment of sending, and one inbox row per recipient.
 */
import type { Trx } from '../../platform/db/tenant.ts';
import type { NewMessage } from './message-writer.ts';

export async function insertMessage(trx: Trx, message: NewMessage): Promise<{ id: string; createdAt: Date }> {
  const row = await trx
    .insertInto('messages')
    .values({
      municipality_id: message.municipalityId,
      kind: message.senderId ? 'personal' : 'event',
      sender_id: message.senderId,
      sender_position_id: message.senderPositionId ?? null,
      subject: message.subject,
      body: message.body,
      person_id: message.personId ?? null,
      assignment_id: message.assignmentId ?? null,
      addressed_to: message.addressedTo,
    })
    .returning(['id', 'created_at'])
    .executeTakeFirstOrThrow();
  return { id: row.id, createdAt: row.created_at };
}

/** The active users on the active send lists, each with the list that reached them. */
export async function listActiveSendListMembers(
  trx: Trx,
  sendListIds: readonly string[],
): Promise<{ userId: string; sendListId: string }[]> {
  const members = await trx
    .selectFrom('send_list_members')
    .innerJoin('send_lists', (join) =>
      join
        .onRef('send_lists.municipality_id', '=', 'send_list_members.municipality_id')
        .onRef('send_lists.id', '=', 'send_list_members.send_list_id'),
    )
    .innerJoin('users', (join) =>
      join
        .onRef('users.municipality_id', '=', 'send_list_members.municipality_id')
        .onRef('users.id', '=', 'send_list_members.user_id'),
    )
    .select(['send_list_members.user_id', 'send_list_members.send_list_id'])
    .where('send_list_members.send_list_id', 'in', [...sendListIds])
    .where('send_lists.is_active', '=', true)
    .where('users.is_active', '=', true)
    .execute();
  return members.map((member) => ({ userId: member.user_id, sendListId: member.send_list_id }));
}

/** One inbox row per recipient (user id → the send list that reached them, or null). */
export async function insertRecipients(
  trx: Trx,
  municipalityId: string,
  messageId: string,
  sentAt: Date,
  recipients: ReadonlyMap<string, string | null>,
): Promise<void> {
  if (recipients.size === 0) return;
  await trx
    .insertInto('message_recipients')
    .values(
      [...recipients].map(([userId, sendListId]) => ({
        municipality_id: municipalityId,
        message_id: messageId,
        user_id: userId,
        send_list_id: sendListId,
        sent_at: sentAt,
      })),
    )
    .execute();
}
