/**
 * SQL for writing a message (message-writer.ts): the messages row, the active members of send
 * lists at the moment of sending, and one inbox row per recipient.
 */
import { sql } from 'kysely';
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

export interface EventMessageRow {
  id: string;
  subject: string;
  body: string;
  personId: string | null;
  assignmentId: string | null;
  addressedTo: string;
  recipientUserIds: readonly string[];
}

/**
 * Many event messages to users at once: two statements whatever the count. The ids are made by the
 * caller, so each message's inbox rows find it; each row takes its own message's time.
 */
export async function insertEventMessages(
  trx: Trx,
  municipalityId: string,
  rows: readonly EventMessageRow[],
): Promise<void> {
  if (rows.length === 0) return;
  await sql`
    insert into messages (municipality_id, id, kind, subject, body, person_id, assignment_id, addressed_to, created_at)
    select ${municipalityId}, m.id, 'event', m.subject, m.body, m."personId", m."assignmentId", m."addressedTo", clock_timestamp()
      from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
        as m(id uuid, subject text, body text, "personId" uuid, "assignmentId" uuid, "addressedTo" text)`.execute(trx);
  const recipients = rows.flatMap((row) => row.recipientUserIds.map((userId) => ({ messageId: row.id, userId })));
  await sql`
    insert into message_recipients (municipality_id, message_id, user_id, sent_at)
    select m.municipality_id, m.id, r."userId", m.created_at
      from jsonb_to_recordset(${JSON.stringify(recipients)}::jsonb) as r("messageId" uuid, "userId" uuid)
      join messages m on m.municipality_id = ${municipalityId} and m.id = r."messageId"`.execute(trx);
}
