/**
 * Permission-matrix rows for messages and send lists (test/permission-matrix.test.ts runs them).
 * Written out by hand, not derived from messages.policy.ts, so a policy change that widens access
 * shows up here as a failing row.
 *
 * A message belongs to its sender and recipients, not to a unit, so the message rows use the
 * 'user' target: the row writes a message from the target user to the requesting user (in the
 * target's municipality), which every user may open and mark; another municipality's is 404.
 * Reading someone else's message is 404 too (messages.test.ts).
 */
import { randomBytes } from 'node:crypto';
import type { Db } from '../../src/server/platform/db/database.ts';
import { USER_KEYS, type UserKey } from '../factories.ts';
import type { MatrixTarget, PermissionRow } from '../permission-matrix.types.ts';
import { writeMessage } from '../../src/server/modules/messages/message-writer.ts';

/** Everyone who works with persons; the administrator has no person scope. */
const WITH_PERSONS = USER_KEYS.filter((key) => key !== 'administrator');
/** Keepers of their own unit's lists: managers, the coordinator, the alarm manager and the administrator. */
const LIST_KEEPERS: UserKey[] = [
  'authorityManager',
  'operationsManager',
  'unitManager',
  'otherUnitManager',
  'coordinator',
  'alarmManager',
  'administrator',
];

/** A message from the target user to the requesting user, in the target's municipality. */
async function messageToActor(target: MatrixTarget, ownerDb: Db): Promise<string> {
  const recipient = target.world.users[target.actor ?? 'caseOfficer'].userId;
  const written = await ownerDb.transaction().execute((trx) =>
    writeMessage(trx, {
      municipalityId: target.world.municipalityId,
      senderId: target.id,
      subject: 'Behörighetsmatris',
      body: 'Text',
      recipientUserIds: [recipient],
      addressedTo: 'Matris',
    }),
  );
  return written.id;
}

/** A list kept by the target unit, optionally with a member, straight into the database. */
async function listInUnit(target: MatrixTarget, ownerDb: Db, memberId?: string): Promise<string> {
  const row = await ownerDb
    .insertInto('send_lists')
    .values({
      municipality_id: target.world.municipalityId,
      unit_id: target.id,
      name: `Matrislista ${randomBytes(4).toString('hex')}`,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (memberId)
    await ownerDb
      .insertInto('send_list_members')
      .values({ municipality_id: target.world.municipalityId, send_list_id: row.id, user_id: memberId })
      .execute();
  return row.id;
}

export const permissionRows: PermissionRow[] = [
  {
    route: 'GET /api/messages/inbox',
    target: 'none',
    allowed: USER_KEYS,
    request: () => ({ method: 'GET', path: '/api/messages/inbox?unread=true' }),
  },
  {
    route: 'GET /api/messages/sent',
    target: 'none',
    allowed: USER_KEYS,
    request: () => ({ method: 'GET', path: '/api/messages/sent' }),
  },
  {
    route: 'GET /api/messages/unread-count',
    target: 'none',
    allowed: USER_KEYS,
    request: () => ({ method: 'GET', path: '/api/messages/unread-count' }),
  },
  {
    route: 'GET /api/messages/recipients',
    target: 'none',
    allowed: USER_KEYS,
    request: () => ({ method: 'GET', path: '/api/messages/recipients?q=Te' }),
  },
  {
    // Linking a person needs them in the sender's scope: outside it, or another municipality's, is 404.
    route: 'POST /api/messages',
    target: 'person',
    allowed: WITH_PERSONS,
    request: (target) => ({
      method: 'POST',
      path: '/api/messages',
      body: {
        recipientUserIds: [target.world.users.unitManager.userId],
        subject: 'Hemkomst från sjukhus',
        body: 'Kommer hem i dag.',
        personId: target.id,
      },
    }),
  },
  {
    route: 'GET /api/messages/:messageId',
    target: 'user',
    allowed: USER_KEYS,
    request: async (target, ownerDb) => ({
      method: 'GET',
      path: `/api/messages/${await messageToActor(target, ownerDb)}`,
    }),
  },
  {
    route: 'PUT /api/messages/:messageId/read',
    target: 'user',
    allowed: USER_KEYS,
    request: async (target, ownerDb) => ({
      method: 'PUT',
      path: `/api/messages/${await messageToActor(target, ownerDb)}/read`,
      body: { isRead: false },
    }),
  },
  {
    route: 'PUT /api/messages/:messageId/archive',
    target: 'user',
    allowed: USER_KEYS,
    request: async (target, ownerDb) => ({
      method: 'PUT',
      path: `/api/messages/${await messageToActor(target, ownerDb)}/archive`,
      body: { isArchived: true },
    }),
  },
  {
    route: 'GET /api/send-lists',
    target: 'none',
    allowed: USER_KEYS,
    request: () => ({ method: 'GET', path: '/api/send-lists?includeInactive=true' }),
  },
  {
    // The requesting user's own unit: care staff and case officers keep no lists (403).
    route: 'POST /api/send-lists',
    target: 'unit',
    allowed: LIST_KEEPERS,
    request: (target) => ({
      method: 'POST',
      path: '/api/send-lists',
      body: { unitId: target.id, name: `Ny lista ${randomBytes(4).toString('hex')}` },
    }),
  },
  {
    route: 'GET /api/send-lists/:sendListId',
    target: 'unit',
    allowed: USER_KEYS,
    request: async (target, ownerDb) => ({
      method: 'GET',
      path: `/api/send-lists/${await listInUnit(target, ownerDb)}`,
    }),
  },
  {
    route: 'PUT /api/send-lists/:sendListId',
    target: 'unit',
    allowed: LIST_KEEPERS,
    request: async (target, ownerDb) => ({
      method: 'PUT',
      path: `/api/send-lists/${await listInUnit(target, ownerDb)}`,
      body: { name: `Omdöpt ${randomBytes(4).toString('hex')}`, purpose: null, isActive: true, version: 1 },
    }),
  },
  {
    route: 'POST /api/send-lists/:sendListId/members',
    target: 'unit',
    allowed: LIST_KEEPERS,
    request: async (target, ownerDb) => ({
      method: 'POST',
      path: `/api/send-lists/${await listInUnit(target, ownerDb)}/members`,
      body: { userId: target.world.users.careStaff.userId },
    }),
  },
  {
    route: 'DELETE /api/send-lists/:sendListId/members/:userId',
    target: 'unit',
    allowed: LIST_KEEPERS,
    request: async (target, ownerDb) => {
      const memberId = target.world.users.careStaff.userId;
      return {
        method: 'DELETE',
        path: `/api/send-lists/${await listInUnit(target, ownerDb, memberId)}/members/${memberId}`,
      };
    },
  },
];
