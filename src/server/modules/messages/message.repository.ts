/**
 * All SQL for reading and marking messages. A message is reached only through its sender or an
 * inbox row (message_recipients); row-level security adds the tenant. Rows become records here.
 */
import { sql, type Expression, type SqlBool } from 'kysely';
import type { Trx } from '../../platform/db/tenant.ts';
import { isPersonInScope } from '../../platform/access/person-scope.ts';

export interface MessageRecord {
  id: string;
  kind: 'personal' | 'event';
  subject: string;
  senderId: string | null;
  senderName: string | null;
  addressedTo: string;
  sentAt: Date;
  personId: string | null;
  assignmentId: string | null;
}

export interface InboxRecord extends MessageRecord {
  readAt: Date | null;
  archivedAt: Date | null;
  viaSendList: string | null;
}

const MESSAGE_COLUMNS = [
  'm.id',
  'm.kind',
  'm.subject',
  'm.sender_id',
  'sender.display_name as sender_name',
  'm.addressed_to',
  'm.created_at',
  'm.person_id',
  'm.assignment_id',
] as const;

interface MessageRow {
  id: string;
  kind: string;
  subject: string;
  sender_id: string | null;
  sender_name: string | null;
  addressed_to: string;
  created_at: Date;
  person_id: string | null;
  assignment_id: string | null;
}

function toMessage(row: MessageRow): MessageRecord {
  return {
    id: row.id,
    kind: row.kind as MessageRecord['kind'],
    subject: row.subject,
    senderId: row.sender_id,
    senderName: row.sender_name,
    addressedTo: row.addressed_to,
    sentAt: row.created_at,
    personId: row.person_id,
    assignmentId: row.assignment_id,
  };
}

/** Messages with their writer's name (none for event messages). */
function messagesWithSender(trx: Trx) {
  return trx
    .selectFrom('messages as m')
    .leftJoin('users as sender', (join) =>
      join.onRef('sender.municipality_id', '=', 'm.municipality_id').onRef('sender.id', '=', 'm.sender_id'),
    );
}

export interface InboxFilter {
  isUnreadOnly: boolean;
  isArchive: boolean;
}

function inboxConditions(userId: string, filter: InboxFilter): Expression<SqlBool>[] {
  return [
    sql<SqlBool>`r.user_id = ${userId}`,
    filter.isArchive ? sql<SqlBool>`r.archived_at is not null` : sql<SqlBool>`r.archived_at is null`,
    ...(filter.isUnreadOnly ? [sql<SqlBool>`r.read_at is null`] : []),
  ];
}

/** One page of the user's inbox (or archive), newest first, and how many match in all. */
export async function listInbox(
  trx: Trx,
  userId: string,
  filter: InboxFilter,
  limit: number,
  offset: number,
): Promise<{ items: InboxRecord[]; total: number }> {
  const conditions = inboxConditions(userId, filter);
  const rows = await messagesWithSender(trx)
    .innerJoin('message_recipients as r', (join) =>
      join.onRef('r.municipality_id', '=', 'm.municipality_id').onRef('r.message_id', '=', 'm.id'),
    )
    .leftJoin('send_lists as via', (join) =>
      join.onRef('via.municipality_id', '=', 'r.municipality_id').onRef('via.id', '=', 'r.send_list_id'),
    )
    .select([...MESSAGE_COLUMNS, 'r.read_at', 'r.archived_at', 'via.name as via_send_list'])
    .where((eb) => eb.and(conditions))
    // The recipient's own copy of the time, so the inbox comes in order from message_recipients_inbox_order_idx.
    .orderBy('r.sent_at', 'desc')
    .orderBy('r.message_id', 'desc')
    .limit(limit)
    .offset(offset)
    .execute();
  const { total } = await trx
    .selectFrom('message_recipients as r')
    .select((eb) => eb.fn.countAll<number>().as('total'))
    .where((eb) => eb.and(conditions))
    .executeTakeFirstOrThrow();
  return {
    items: rows.map((row) => ({
      ...toMessage(row),
      readAt: row.read_at,
      archivedAt: row.archived_at,
      viaSendList: row.via_send_list,
    })),
    total: Number(total),
  };
}

/** Unread messages still in the inbox: a count over the partial index message_recipients_unread_idx. */
export async function countUnread(trx: Trx, userId: string): Promise<number> {
  const row = await trx
    .selectFrom('message_recipients')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .where('archived_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export interface SentRecord extends MessageRecord {
  recipientCount: number;
  readCount: number;
}

/** One page of what the user wrote, newest first (messages_sender_idx), with how many have read each. */
export async function listSent(
  trx: Trx,
  userId: string,
  limit: number,
  offset: number,
): Promise<{ items: SentRecord[]; total: number }> {
  const rows = await messagesWithSender(trx)
    .select([
      ...MESSAGE_COLUMNS,
      (eb) =>
        eb
          .selectFrom('message_recipients as r')
          .select((count) => count.fn.countAll<number>().as('n'))
          .whereRef('r.municipality_id', '=', 'm.municipality_id')
          .whereRef('r.message_id', '=', 'm.id')
          .as('recipient_count'),
      (eb) =>
        eb
          .selectFrom('message_recipients as r')
          .select((count) => count.fn.countAll<number>().as('n'))
          .whereRef('r.municipality_id', '=', 'm.municipality_id')
          .whereRef('r.message_id', '=', 'm.id')
          .where('r.read_at', 'is not', null)
          .as('read_count'),
    ])
    .where('m.sender_id', '=', userId)
    .orderBy('m.created_at', 'desc')
    .orderBy('m.id', 'desc')
    .limit(limit)
    .offset(offset)
    .execute();
  const { total } = await trx
    .selectFrom('messages')
    .select((eb) => eb.fn.countAll<number>().as('total'))
    .where('sender_id', '=', userId)
    .executeTakeFirstOrThrow();
  return {
    items: rows.map((row) => ({
      ...toMessage(row),
      recipientCount: Number(row.recipient_count ?? 0),
      readCount: Number(row.read_count ?? 0),
    })),
    total: Number(total),
  };
}

export interface MessageForReader extends MessageRecord {
  body: string;
  isSender: boolean;
  /** The reader's inbox row, when the message reached them. */
  inbox: { readAt: Date | null; archivedAt: Date | null; viaSendList: string | null } | null;
}

/** The message if the user wrote it or it reached them; anyone else gets undefined, the same as missing. */
export async function findMessageForReader(
  trx: Trx,
  messageId: string,
  userId: string,
): Promise<MessageForReader | undefined> {
  const row = await messagesWithSender(trx)
    .leftJoin('message_recipients as r', (join) =>
      join
        .onRef('r.municipality_id', '=', 'm.municipality_id')
        .onRef('r.message_id', '=', 'm.id')
        .on('r.user_id', '=', userId),
    )
    .leftJoin('send_lists as via', (join) =>
      join.onRef('via.municipality_id', '=', 'r.municipality_id').onRef('via.id', '=', 'r.send_list_id'),
    )
    .select([
      ...MESSAGE_COLUMNS,
      'm.body',
      'r.user_id as recipient_id',
      'r.read_at',
      'r.archived_at',
      'via.name as via_send_list',
    ])
    .where('m.id', '=', messageId)
    .where((eb) => eb.or([eb('m.sender_id', '=', userId), eb('r.user_id', 'is not', null)]))
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    ...toMessage(row),
    body: row.body,
    isSender: row.sender_id === userId,
    inbox: row.recipient_id
      ? { readAt: row.read_at, archivedAt: row.archived_at, viaSendList: row.via_send_list }
      : null,
  };
}

/** Everyone a message reached, in name order, with when they read it. */
export async function listRecipients(
  trx: Trx,
  messageId: string,
): Promise<{ userId: string; displayName: string; viaSendList: string | null; readAt: Date | null }[]> {
  const rows = await trx
    .selectFrom('message_recipients as r')
    .innerJoin('users as u', (join) =>
      join.onRef('u.municipality_id', '=', 'r.municipality_id').onRef('u.id', '=', 'r.user_id'),
    )
    .leftJoin('send_lists as via', (join) =>
      join.onRef('via.municipality_id', '=', 'r.municipality_id').onRef('via.id', '=', 'r.send_list_id'),
    )
    .select(['r.user_id', 'u.display_name', 'via.name as via_send_list', 'r.read_at'])
    .where('r.message_id', '=', messageId)
    .orderBy(sql`u.display_name collate "sv-x-icu"`)
    .orderBy('r.user_id')
    .execute();
  return rows.map((row) => ({
    userId: row.user_id,
    displayName: row.display_name,
    viaSendList: row.via_send_list,
    readAt: row.read_at,
  }));
}

/**
 * Sets or clears the read mark on the user's own inbox row. Marking read keeps the first time it
 * was read; returns the row as it now stands.
 */
export async function setRead(
  trx: Trx,
  messageId: string,
  userId: string,
  isRead: boolean,
): Promise<{ readAt: Date | null; archivedAt: Date | null } | undefined> {
  const row = await trx
    .updateTable('message_recipients')
    .set({ read_at: isRead ? sql<Date>`coalesce(read_at, now())` : null })
    .where('message_id', '=', messageId)
    .where('user_id', '=', userId)
    .returning(['read_at', 'archived_at'])
    .executeTakeFirst();
  return row && { readAt: row.read_at, archivedAt: row.archived_at };
}

/** Moves the message out of the user's inbox (or back). */
export async function setArchived(
  trx: Trx,
  messageId: string,
  userId: string,
  isArchived: boolean,
): Promise<{ readAt: Date | null; archivedAt: Date | null } | undefined> {
  const row = await trx
    .updateTable('message_recipients')
    .set({ archived_at: isArchived ? sql<Date>`coalesce(archived_at, now())` : null })
    .where('message_id', '=', messageId)
    .where('user_id', '=', userId)
    .returning(['read_at', 'archived_at'])
    .executeTakeFirst();
  return row && { readAt: row.read_at, archivedAt: row.archived_at };
}

export interface LinkedPerson {
  id: string;
  isInScope: boolean;
  identityNumber: string;
  firstName: string;
  lastName: string;
  protectedIdentity: boolean;
}

/** The persons messages link to, each with whether the reader's scope holds them. */
export async function findLinkedPersons(
  trx: Trx,
  personIds: readonly string[],
  scopeUnitIds: readonly string[],
): Promise<Map<string, LinkedPerson>> {
  if (personIds.length === 0) return new Map();
  const rows = await trx
    .selectFrom('persons')
    .select([
      'id',
      'identity_number',
      'first_name',
      'last_name',
      'protected_identity',
      isPersonInScope('persons.id', scopeUnitIds).as('is_in_scope'),
    ])
    .where('id', '=', sql<string>`any(${[...new Set(personIds)]}::uuid[])`)
    .execute();
  return new Map(
    rows.map((row) => [
      row.id,
      {
        id: row.id,
        isInScope: Boolean(row.is_in_scope),
        identityNumber: row.identity_number,
        firstName: row.first_name,
        lastName: row.last_name,
        protectedIdentity: row.protected_identity,
      },
    ]),
  );
}
