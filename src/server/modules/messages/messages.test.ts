import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { TestServer } from '../../../../test/harness.ts';
import { startModuleTest } from '../../../../test/module-setup.ts';
import { auditRows } from '../../../../test/audit.ts';
import { createTestUser, type TestWorld } from '../../../../test/factories.ts';
import { TestClient } from '../../../../test/http-client.ts';
import { inTenant } from '../../platform/db/tenant.ts';
import { createCase, createDecision } from '../../../../seeds/lib/cases.ts';
import { writeMessage } from './message-writer.ts';

let server: TestServer;
let world: TestWorld;
let otherWorld: TestWorld;
/** Nattpatrullen-like list in Hemtjänst Norr: the unit manager, the coordinator and a switched-off user. */
let nightList: string;
let goneUserId: string;

const MISSING = '00000000-0000-4000-8000-000000000000';

beforeAll(async () => {
  ({ server, world, foreign: otherWorld } = await startModuleTest());
  goneUserId = (
    await createTestUser(server.ownerDb, world, {
      name: 'slutat',
      positions: [{ unit: 'homeCareNorth', title: 'Undersköterska', roles: ['care_staff'] }],
    })
  ).userId;
  await server.ownerDb.updateTable('users').set({ is_active: false }).where('id', '=', goneUserId).execute();
  nightList = await createList(world, 'homeCareNorth', 'Nattpatrullen', [
    world.users.unitManager.userId,
    world.users.coordinator.userId,
    goneUserId,
  ]);
});
afterAll(async () => server?.close());

async function createList(
  target: TestWorld,
  unit: keyof TestWorld['units'],
  name: string,
  memberIds: string[],
  isActive = true,
): Promise<string> {
  const row = await server.ownerDb
    .insertInto('send_lists')
    .values({ municipality_id: target.municipalityId, unit_id: target.units[unit], name, is_active: isActive })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const userId of memberIds)
    await server.ownerDb
      .insertInto('send_list_members')
      .values({ municipality_id: target.municipalityId, send_list_id: row.id, user_id: userId })
      .execute();
  return row.id;
}

const unreadOf = async (client: TestClient) =>
  (await client.get('/api/messages/unread-count')).body.unreadCount as number;

describe('writing a message', () => {
  it('reaches a send list and a user at once (the hospital-discharge routine), skipping inactive members and doubles', async () => {
    const person = await world.createPerson(['aoAuthority', 'homeCareNorth'], {
      firstName: 'Moira',
      lastName: 'Mustafsson',
    });
    const officer = await world.signIn('caseOfficer');
    const before = await unreadOf(await world.signIn('coordinator'));
    const response = await officer.post('/api/messages', {
      sendListIds: [nightList],
      recipientUserIds: [world.users.coordinator.userId, world.users.alarmManager.userId],
      subject: 'Hemkomst från sjukhus',
      body: 'Moira kommer hem i dag kl. 14.\nTrygghetslarmet är kontrollerat.',
      personId: person.id,
    });
    expect(response.status).toBe(200);
    // Unit manager and coordinator through the list (the coordinator once), the alarm manager directly; the inactive user not at all.
    expect(response.body.recipientCount).toBe(3);
    const reached = await server.ownerDb
      .selectFrom('message_recipients')
      .select(['user_id', 'send_list_id'])
      .where('message_id', '=', response.body.id)
      .execute();
    expect(reached.map((row) => row.user_id).sort()).toEqual(
      [world.users.unitManager.userId, world.users.coordinator.userId, world.users.alarmManager.userId].sort(),
    );
    expect(reached.find((row) => row.user_id === world.users.alarmManager.userId)?.send_list_id).toBeNull();
    const [message] = await server.ownerDb
      .selectFrom('messages')
      .selectAll()
      .where('id', '=', response.body.id)
      .execute();
    expect(message).toMatchObject({
      kind: 'personal',
      sender_id: world.users.caseOfficer.userId,
      sender_position_id: world.users.caseOfficer.positionId,
      person_id: person.id,
      addressed_to: 'Nattpatrullen; Samordnare coordinator; Larmansvarig alarmManager',
    });
    const [audit] = await auditRows(server.ownerDb, { response: response, action: 'message.send' });
    expect(audit).toMatchObject({
      user_id: world.users.caseOfficer.userId,
      person_id: person.id,
      entity_type: 'message',
      entity_id: response.body.id,
    });
    expect(audit!.details).toMatchObject({ recipientCount: 3, sendListIds: [nightList] });
    expect(await unreadOf(await world.signIn('coordinator'))).toBe(before + 1);
  });

  it('refuses bad input with field errors, never a 500', async () => {
    const officer = await world.signIn('caseOfficer');
    const inactiveList = await createList(
      world,
      'homeCareNorth',
      'Gammal lista',
      [world.users.careStaff.userId],
      false,
    );
    const emptyList = await createList(world, 'homeCareNorth', 'Tom lista', [goneUserId]);
    const cases: [object, Record<string, string>][] = [
      [{ recipientUserIds: [world.users.careStaff.userId], subject: '  ', body: 'x' }, { subject: 'Obligatoriskt.' }],
      [{ subject: 'Hej', body: 'x' }, { recipients: 'Välj minst en mottagare.' }],
      [
        { recipientUserIds: [world.users.careStaff.userId, goneUserId], subject: 'Hej', body: 'x' },
        { 'recipientUserIds.1': expect.stringContaining('inte längre aktiv') },
      ],
      [
        { sendListIds: [inactiveList], subject: 'Hej', body: 'x' },
        { 'sendListIds.0': 'Sändlistan Gammal lista används inte längre.' },
      ],
      [{ sendListIds: [emptyList], subject: 'Hej', body: 'x' }, { recipients: expect.stringContaining('når ingen') }],
      [{ recipientUserIds: ['not-a-uuid'], subject: 'Hej', body: 'x' }, { 'recipientUserIds.0': 'Ogiltigt id.' }],
      [
        { recipientUserIds: [world.users.careStaff.userId], subject: 'x'.repeat(201), body: 'x' },
        { subject: 'Högst 200 tecken.' },
      ],
    ];
    for (const [body, fieldErrors] of cases) {
      const response = await officer.post('/api/messages', body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(response.body.fieldErrors).toEqual(fieldErrors);
    }
    expect(await server.ownerDb.selectFrom('messages').select('id').where('subject', '=', 'Hej').execute()).toEqual([]);
  });

  it("answers 404 for another municipality's users and lists, a person outside the scope and an unknown assignment", async () => {
    const staff = await world.signIn('careStaff');
    const south = await world.createPerson(['homeCareSouth']);
    const otherList = await createList(otherWorld, 'homeCareNorth', 'Annan kommun', [
      otherWorld.users.careStaff.userId,
    ]);
    const base = { subject: 'Hej', body: 'x' };
    const to = { recipientUserIds: [world.users.coordinator.userId] };
    expect(
      (await staff.post('/api/messages', { ...base, recipientUserIds: [otherWorld.users.coordinator.userId] })).status,
    ).toBe(404);
    expect((await staff.post('/api/messages', { ...base, sendListIds: [otherList] })).status).toBe(404);
    expect((await staff.post('/api/messages', { ...base, ...to, personId: south.id })).body).toMatchObject({
      error: 'not_found',
      message: 'Personen hittades inte.',
    });
    expect(
      (
        await staff.post('/api/messages', {
          ...base,
          ...to,
          personId: (await otherWorld.createPerson(['homeCareNorth'])).id,
        })
      ).status,
    ).toBe(404);
    expect((await staff.post('/api/messages', { ...base, ...to, assignmentId: MISSING })).body.message).toBe(
      'Uppdraget hittades inte.',
    );
  });

  it('links an assignment and its person, and refuses an assignment of another person', async () => {
    // Sent to Hemtjänst egen regi and not distributed: its managers read it, its care staff not yet (assignments/README.md).
    const person = await world.createPerson(['aoAuthority', 'homeCareNorth']);
    const caseRecord = await createCase(server.ownerDb, {
      municipalityId: world.municipalityId,
      personId: person.id,
      serviceArea: 'AO',
      authorityUnitId: world.units.aoAuthority,
      caseOfficerId: world.users.caseOfficer.userId,
    });
    const decision = await createDecision(server.ownerDb, {
      municipalityId: world.municipalityId,
      caseId: caseRecord.id,
      decidedById: world.users.caseOfficer.userId,
      legalBasisId: world.catalogue.legalBases.get('SoL 11 kap. 1 §')!,
      decisionDate: '2026-01-10',
      periodFrom: '2026-01-10',
      interventions: [],
    });
    const assignment = await server.ownerDb
      .insertInto('assignments')
      .values({
        municipality_id: world.municipalityId,
        assignment_number: 'U-2026-90001',
        case_id: caseRecord.id,
        decision_id: decision.id,
        person_id: person.id,
        provider_id: world.units.homeCare,
        created_by_id: world.users.caseOfficer.userId,
        sent_at: new Date(),
        sent_by_id: world.users.caseOfficer.userId,
        sent_via: 'system',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const officer = await world.signIn('caseOfficer');
    const sent = await officer.post('/api/messages', {
      recipientUserIds: [world.users.unitManager.userId, world.users.careStaff.userId],
      subject: 'Uppdraget',
      body: 'Se uppdraget.',
      assignmentId: assignment.id,
    });
    expect(sent.status).toBe(200);
    const opened = await (await world.signIn('unitManager')).get(`/api/messages/${sent.body.id}`);
    expect(opened.body.assignment).toEqual({ id: assignment.id, assignmentNumber: 'U-2026-90001' });
    expect(opened.body.person).toMatchObject({ id: person.id, isInScope: true });
    // Care staff see the person, who is theirs, but no link to an assignment they may not open yet.
    const staff = await (await world.signIn('careStaff')).get(`/api/messages/${sent.body.id}`);
    expect(staff.body.person).toMatchObject({ id: person.id, isInScope: true });
    expect(staff.body.assignment).toBeNull();
    const other = await world.createPerson(['aoAuthority']);
    const mismatch = await officer.post('/api/messages', {
      recipientUserIds: [world.users.unitManager.userId],
      subject: 'x',
      body: 'x',
      assignmentId: assignment.id,
      personId: other.id,
    });
    expect(mismatch.body.fieldErrors).toEqual({ assignmentId: 'Uppdraget gäller en annan person än meddelandet.' });
  });
});

describe('the inbox', () => {
  it('lists newest first a page at a time, shows linked persons only in scope (masked when protected), and audits those shown', async () => {
    const reader = await createTestUser(server.ownerDb, world, {
      name: 'lasare',
      positions: [{ unit: 'homeCareNorth', title: 'Undersköterska', roles: ['care_staff'] }],
    });
    const mine = await world.createPerson(['homeCareNorth'], { firstName: 'Synlig', lastName: 'Person' });
    const hidden = await world.createPerson(['homeCareNorth'], {
      firstName: 'Hemlig',
      lastName: 'Skyddad',
      protectedIdentity: true,
    });
    const outside = await world.createPerson(['homeCareSouth'], { firstName: 'Annan', lastName: 'Enhet' });
    const write = (
      subject: string,
      personId: string | null,
      senderId: string | null = world.users.caseOfficer.userId,
    ) =>
      server.ownerDb.transaction().execute((trx) =>
        writeMessage(trx, {
          municipalityId: world.municipalityId,
          senderId,
          subject,
          body: 'Text',
          recipientUserIds: [reader.userId],
          personId,
          addressedTo: 'Läsare',
        }),
      );
    for (const [subject, personId] of [
      ['Första', null],
      ['Om synlig', mine.id],
      ['Om skyddad', hidden.id],
      ['Om annan', outside.id],
    ] as const)
      await write(subject, personId);
    await write('Nytt uppdrag', null, null);
    const client = await new TestClient(server.baseUrl).signIn(reader.username, 'test-password-123');

    const first = await client.get('/api/messages/inbox?pageSize=3');
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ page: 1, pageSize: 3, total: 5, unreadCount: 5 });
    expect(first.body.items.map((item: { subject: string }) => item.subject)).toEqual([
      'Nytt uppdrag',
      'Om annan',
      'Om skyddad',
    ]);
    expect(first.body.items[0]).toMatchObject({
      kind: 'event',
      senderId: null,
      senderName: 'Systemet',
      isRead: false,
      isArchived: false,
      person: null,
    });
    expect(first.body.items[1].person).toEqual({
      id: outside.id,
      isInScope: false,
      identityNumber: null,
      firstName: null,
      lastName: null,
      protectedIdentity: false,
    });
    expect(first.body.items[2].person).toMatchObject({
      id: hidden.id,
      isInScope: true,
      firstName: null,
      lastName: null,
      protectedIdentity: true,
    });
    expect(JSON.stringify(first.body)).not.toMatch(/Hemlig|Annan|Enhet/);
    const hits = await auditRows(server.ownerDb, { response: first, action: 'person.list_hit' });
    expect(hits.map((hit) => hit.person_id)).toEqual([hidden.id]);

    const second = await client.get('/api/messages/inbox?pageSize=3&page=2');
    expect(second.body.items.map((item: { subject: string }) => item.subject)).toEqual(['Om synlig', 'Första']);
    expect(second.body.items[0]).toMatchObject({
      senderName: 'Biståndshandläggare caseOfficer',
      person: { firstName: 'Synlig', lastName: 'Person', isInScope: true },
    });
    expect((await client.get('/api/messages/inbox?page=0')).status).toBe(400);
    expect((await client.get('/api/messages/inbox?unread=yes')).status).toBe(400);
  });

  it('counts unread, marks read on opening, unread again on request, and archives out of the inbox', async () => {
    const person = await world.createPerson(['aoAuthority', 'homeCareNorth']);
    const officer = await world.signIn('caseOfficer');
    const staff = await world.signIn('licensedStaff');
    const start = await unreadOf(staff);
    const sent = await officer.post('/api/messages', {
      recipientUserIds: [world.users.licensedStaff.userId],
      subject: 'Läkemedel',
      body: 'Ring mig.',
      personId: person.id,
    });
    const id = sent.body.id as string;
    expect(await unreadOf(staff)).toBe(start + 1);
    expect(
      (await staff.get('/api/messages/inbox?unread=true')).body.items.map((item: { id: string }) => item.id),
    ).toContain(id);

    const opened = await staff.get(`/api/messages/${id}`);
    expect(opened.body).toMatchObject({
      id,
      body: 'Ring mig.',
      isRecipient: true,
      isSender: false,
      isRead: true,
      recipients: null,
    });
    const [readAudit] = await auditRows(server.ownerDb, { response: opened, action: 'message.read' });
    expect(readAudit).toMatchObject({ person_id: person.id, entity_id: id, user_id: world.users.licensedStaff.userId });
    expect(await unreadOf(staff)).toBe(start);
    expect(
      (await staff.get('/api/messages/inbox?unread=true')).body.items.map((item: { id: string }) => item.id),
    ).not.toContain(id);

    const unread = await staff.put(`/api/messages/${id}/read`, { isRead: false });
    expect(unread.body).toEqual({ id, isRead: false, isArchived: false, unreadCount: start + 1 });
    expect(await auditRows(server.ownerDb, { response: unread, action: 'message.mark_unread' })).toHaveLength(1);

    const archived = await staff.put(`/api/messages/${id}/archive`, { isArchived: true });
    expect(archived.body).toEqual({ id, isRead: false, isArchived: true, unreadCount: start });
    expect((await staff.get('/api/messages/inbox')).body.items.map((item: { id: string }) => item.id)).not.toContain(
      id,
    );
    expect(
      (await staff.get('/api/messages/inbox?archived=true')).body.items.map((item: { id: string }) => item.id),
    ).toEqual([id]);
    expect((await staff.put(`/api/messages/${id}/archive`, { isArchived: false })).body.isArchived).toBe(false);

    expect((await staff.put(`/api/messages/${id}/read`, { isRead: true })).body.isRead).toBe(true);

    // The sender sees who has read it, and may not mark what is not in their inbox.
    const asSender = await officer.get(`/api/messages/${id}`);
    expect(asSender.body).toMatchObject({ isSender: true, isRecipient: false, isRead: false });
    expect(asSender.body.recipients).toEqual([
      {
        userId: world.users.licensedStaff.userId,
        displayName: 'Sjuksköterska licensedStaff',
        viaSendList: null,
        readAt: expect.any(String),
      },
    ]);
    expect((await officer.put(`/api/messages/${id}/read`, { isRead: true })).status).toBe(403);
    const sentBox = await officer.get('/api/messages/sent');
    expect(sentBox.body.items[0]).toMatchObject({ id, recipientCount: 1, readCount: 1, subject: 'Läkemedel' });
  });

  it("answers 404 for someone else's message, another municipality's and a missing one, and 401 signed out", async () => {
    const sent = await (await world.signIn('caseOfficer')).post('/api/messages', {
      recipientUserIds: [world.users.coordinator.userId],
      subject: 'Privat',
      body: 'x',
    });
    const foreign = await (await otherWorld.signIn('caseOfficer')).post('/api/messages', {
      recipientUserIds: [otherWorld.users.careStaff.userId],
      subject: 'Annan',
      body: 'x',
    });
    const bystander = await world.signIn('careStaff');
    for (const id of [sent.body.id, foreign.body.id, MISSING]) {
      expect((await bystander.get(`/api/messages/${id}`)).status, id).toBe(404);
      expect((await bystander.put(`/api/messages/${id}/read`, { isRead: true })).status, id).toBe(404);
      expect((await bystander.put(`/api/messages/${id}/archive`, { isArchived: true })).status, id).toBe(404);
    }
    expect((await bystander.get('/api/messages/not-a-uuid')).status).toBe(400);
    expect((await (await world.signIn('coordinator')).get(`/api/messages/${sent.body.id}`)).status).toBe(200);
    const anonymous = new TestClient(server.baseUrl);
    for (const path of [
      '/api/messages/inbox',
      '/api/messages/sent',
      '/api/messages/unread-count',
      '/api/messages/recipients?q=ab',
      `/api/messages/${sent.body.id}`,
    ]) {
      expect((await anonymous.get(path)).status, path).toBe(401);
    }
    expect((await anonymous.post('/api/messages', { subject: 'x', body: 'x' })).status).toBe(401);
  });
});

describe('recipients for the compose form', () => {
  it('finds active users by any part of the name, in any case, and active send lists by name or unit', async () => {
    const client = await world.signIn('caseOfficer');
    const users = (await client.get('/api/messages/recipients?q=SAMORD')).body;
    expect(users.users).toEqual([
      {
        id: world.users.coordinator.userId,
        displayName: 'Samordnare coordinator',
        description: 'Samordnare, Hemtjänst Norr',
      },
    ]);
    const lists = (await client.get('/api/messages/recipients?q=nattpat')).body;
    expect(lists.sendLists).toEqual([
      { id: nightList, name: 'Nattpatrullen', unitName: 'Hemtjänst Norr', memberCount: 2 },
    ]);
    expect((await client.get('/api/messages/recipients?q=Gammal')).body.sendLists).toEqual([]);
    expect((await client.get('/api/messages/recipients?q=slutat')).body.users).toEqual([]);
    expect((await client.get('/api/messages/recipients?q=x')).body.fieldErrors).toEqual({
      q: 'Skriv minst två tecken.',
    });
    expect((await client.get('/api/messages/recipients?q=%25%25')).status).toBe(200);
  });
});

describe('messages are append-only', () => {
  it('refuses UPDATE and DELETE from the app role (no grant) and from the owner (trigger)', async () => {
    const sent = await (await world.signIn('caseOfficer')).post('/api/messages', {
      recipientUserIds: [world.users.coordinator.userId],
      subject: 'Original',
      body: 'x',
    });
    const asApp = (statement: ReturnType<typeof sql>) =>
      inTenant(server.appDb, world.municipalityId, (trx) => statement.execute(trx));
    await expect(asApp(sql`update messages set subject = 'Ändrad' where id = ${sent.body.id}`)).rejects.toThrow(
      /permission denied for table messages/,
    );
    await expect(asApp(sql`delete from messages where id = ${sent.body.id}`)).rejects.toThrow(
      /permission denied for table messages/,
    );
    const asOwner = (statement: ReturnType<typeof sql>) =>
      server.ownerDb.transaction().execute(async (trx) => {
        await statement.execute(trx);
        throw new Error('the statement went through');
      });
    await expect(asOwner(sql`update messages set subject = 'Ändrad' where id = ${sent.body.id}`)).rejects.toThrow(
      /official record: UPDATE is not allowed/,
    );
    await expect(asOwner(sql`delete from messages where id = ${sent.body.id}`)).rejects.toThrow(
      /official record: DELETE is not allowed/,
    );
    const [row] = await server.ownerDb
      .selectFrom('messages')
      .select('subject')
      .where('id', '=', sent.body.id)
      .execute();
    expect(row?.subject).toBe('Original');
  });
});
