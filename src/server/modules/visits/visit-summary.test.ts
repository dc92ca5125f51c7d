/**
 * Inför besöket through HTTP: what care staff read of a person before a visit, which rows count as
 * today's, and who gets 404 — another unit's staff, another municipality, the authority — with no
 * audit row for them, and one `person.read` for the reader.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../../../../test/harness.ts';
import { startModuleTest } from '../../../../test/module-setup.ts';
import type { TestWorld } from '../../../../test/factories.ts';
import { TestClient } from '../../../../test/http-client.ts';
import { auditRows } from '../../../../test/audit.ts';
import { createDeliveryRows, createSentAssignment } from '../../../../test/fixtures/delivery-fixtures.ts';
import { dayFromToday } from '../../../../test/fixtures/desk-fixtures.ts';
import { todayInSweden } from '../../../domain/dates.ts';

let server: TestServer;
let world: TestWorld;
let foreign: TestWorld;
let careStaff: TestClient;

beforeAll(async () => {
  ({ server, world, foreign } = await startModuleTest());
  careStaff = await world.signIn('careStaff');
});
afterAll(async () => server?.close());

const summaryOf = (client: TestClient, personId: string) => client.get(`/api/persons/${personId}/visit-summary`);

/**
 * A person at Hemtjänst Norr with every detail a visitor reads, and an assignment (instructions,
 * two staff, planned times) whose two rows run at Norr today: 0,5 tim/besök, twice a day, all week.
 */
async function personWithVisit(target: TestWorld, options: { protectedIdentity?: boolean } = {}) {
  const person = await target.createPerson(['aoAuthority', 'homeCareNorth'], {
    firstName: 'Åsa',
    lastName: 'Öberg',
    protectedIdentity: options.protectedIdentity ?? false,
    address: { street: 'Ängsvägen 4', postalCode: '123 45', city: 'Åby', validFrom: '2020-01-01' },
  });
  const db = server.ownerDb;
  await db
    .updateTable('persons')
    .set({
      phone: '08-123 456',
      mobile_phone: '070-111 22 33',
      door_code: '1234',
      visit_info: 'Andra våningen, hissen till höger.',
      important_info: 'Handskar finns i badrumsskåpet.',
    })
    .where('id', '=', person.id)
    .execute();
  const base = { municipality_id: target.municipalityId, person_id: person.id };
  await db
    .insertInto('person_keys')
    .values({ ...base, key_number: 'N-17', description: 'Nyckelskåpet på kontoret' })
    .execute();
  await db
    .insertInto('person_relatives')
    .values([
      { ...base, name: 'Per Öberg', relation: 'Son', phone: '070-222 33 44' },
      { ...base, name: 'Britt Åberg', relation: 'Dotter', phone: '070-999 88 77', is_next_of_kin: true },
    ])
    .execute();
  await db
    .insertInto('person_reference_persons')
    .values({
      ...base,
      role: 'Kontaktsjuksköterska',
      name: 'Kim Ek',
      organisation: 'Vårdcentralen',
      phone: '08-555 00',
    })
    .execute();
  const sent = await createSentAssignment(db, target, person.id, {
    extras: {
      instructions: 'Ring på två gånger och vänta.',
      interventions: { plannedTimes: 'morgon och kväll', isTwoStaff: true, note: 'Använd lyften.' },
    },
  });
  const rows = await createDeliveryRows(db, target, sent, target.units.homeCareNorth, {
    periodFrom: dayFromToday(-10),
    hoursPerVisit: 0.5,
    extraHoursTwoStaff: 0.25,
    days: 'whole_week',
    frequency: 2,
    frequencyUnit: 'times_per_day',
  });
  return { personId: person.id, identityNumber: person.identityNumber, sent, deliveryIds: rows.deliveryIds };
}

describe('the visit summary', () => {
  it('gives care staff the contact, the way in, keys, important to know, who to call and today’s interventions with instructions and needs, and audits the read', async () => {
    const visit = await personWithVisit(world);
    const response = await summaryOf(careStaff, visit.personId);
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    expect(response.body).toMatchObject({
      today: todayInSweden(),
      person: { id: visit.personId, firstName: 'Åsa', lastName: 'Öberg', protectedIdentity: false },
      contact: {
        address: { street: 'Ängsvägen 4', postalCode: '123 45', city: 'Åby', careOf: null },
        phone: '08-123 456',
        mobilePhone: '070-111 22 33',
      },
      doorCode: '1234',
      visitInfo: 'Andra våningen, hissen till höger.',
      importantInfo: 'Handskar finns i badrumsskåpet.',
      keys: [{ id: expect.any(String), keyNumber: 'N-17', description: 'Nyckelskåpet på kontoret' }],
      relatives: [
        { id: expect.any(String), name: 'Britt Åberg', relation: 'Dotter', phone: '070-999 88 77', isNextOfKin: true },
        { id: expect.any(String), name: 'Per Öberg', relation: 'Son', phone: '070-222 33 44', isNextOfKin: false },
      ],
      referencePersons: [
        {
          id: expect.any(String),
          role: 'Kontaktsjuksköterska',
          name: 'Kim Ek',
          organisation: 'Vårdcentralen',
          phone: '08-555 00',
        },
      ],
    });
    expect(response.body.assignments).toHaveLength(1);
    const [assignment] = response.body.assignments;
    expect(assignment).toMatchObject({
      id: visit.sent.assignmentId,
      assignmentNumber: visit.sent.assignmentNumber,
      instructions: 'Ring på två gånger och vänta.',
      needs: [{ lifeArea: 'self_care', need: 'Hjälp med dusch.', goal: 'Duscha två gånger i veckan.' }],
    });
    expect(assignment.interventions.map((row: { name: string }) => row.name)).toEqual([
      'Matdistribution',
      'Personlig omvårdnad',
    ]);
    expect(assignment.interventions[1]).toEqual({
      deliveryId: visit.deliveryIds[0],
      name: 'Personlig omvårdnad',
      providerUnitName: 'Hemtjänst Norr',
      periodFrom: dayFromToday(-10),
      periodTo: null,
      hoursPerVisit: 0.5,
      extraHoursTwoStaff: 0.25,
      days: 'whole_week',
      frequency: 2,
      frequencyUnit: 'times_per_day',
      plannedDays: [],
      plannedTimes: 'morgon och kväll',
      minutesPerOccasion: null,
      isTwoStaff: true,
      note: 'Använd lyften.',
      isToday: true,
      interruption: null,
    });
    const audit = await auditRows(server.ownerDb, { action: 'person.read', response });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      person_id: visit.personId,
      user_id: world.users.careStaff.userId,
      entity_type: 'person',
      entity_id: visit.personId,
      details: { section: 'visit_summary', assignmentIds: [visit.sent.assignmentId] },
    });
  });

  it('lists only rows that run today at the reader’s units: not another unit’s, not one under distribution, ended or not yet begun', async () => {
    const visit = await personWithVisit(world);
    const south = await createSentAssignment(server.ownerDb, world, visit.personId);
    await createDeliveryRows(server.ownerDb, world, south, world.units.homeCareSouth, { periodFrom: dayFromToday(-3) });
    const waiting = await createSentAssignment(server.ownerDb, world, visit.personId);
    await createDeliveryRows(server.ownerDb, world, waiting, world.units.homeCareNorth, {
      periodFrom: dayFromToday(-3),
      status: 'under_distribution',
    });
    const ended = await createSentAssignment(server.ownerDb, world, visit.personId);
    await createDeliveryRows(server.ownerDb, world, ended, world.units.homeCareNorth, {
      periodFrom: dayFromToday(-30),
      periodTo: dayFromToday(-1),
    });
    const later = await createSentAssignment(server.ownerDb, world, visit.personId);
    await createDeliveryRows(server.ownerDb, world, later, world.units.homeCareNorth, { periodFrom: dayFromToday(1) });
    const response = await summaryOf(careStaff, visit.personId);
    expect(response.status).toBe(200);
    expect(response.body.assignments.map((row: { id: string }) => row.id)).toEqual([visit.sent.assignmentId]);
  });

  it('marks a row off today by its week days or an interruption, and lists today’s first', async () => {
    const visit = await personWithVisit(world);
    const [careRow, mealsRow] = visit.deliveryIds as [string, string];
    const today = todayInSweden();
    const isWeekend = [0, 6].includes(new Date(`${today}T12:00:00Z`).getUTCDay());
    await server.ownerDb
      .updateTable('deliveries')
      .set({ days: isWeekend ? 'weekdays' : 'weekends' })
      .where('id', '=', careRow)
      .execute();
    await server.ownerDb
      .insertInto('interruptions')
      .values({
        municipality_id: world.municipalityId,
        delivery_id: mealsRow,
        from_date: dayFromToday(-1),
        to_date: null,
        reason: 'Sjukhusvistelse',
        created_by_id: world.users.unitManager.userId,
      })
      .execute();
    const response = await summaryOf(careStaff, visit.personId);
    const rows = response.body.assignments[0].interventions;
    expect(
      rows.map((row: { name: string; isToday: boolean; interruption: unknown }) => [
        row.name,
        row.isToday,
        row.interruption,
      ]),
    ).toEqual([
      ['Matdistribution', false, { fromDate: dayFromToday(-1), toDate: null, reason: 'Sjukhusvistelse' }],
      ['Personlig omvårdnad', false, null],
    ]);
  });

  it('masks a protected identity’s name and address, as the person’s page does, and keeps the rest', async () => {
    const visit = await personWithVisit(world, { protectedIdentity: true });
    for (const user of ['careStaff', 'unitManager'] as const) {
      const response = await summaryOf(await world.signIn(user), visit.personId);
      expect(response.status).toBe(200);
      expect(response.body.person).toMatchObject({ firstName: null, lastName: null, protectedIdentity: true });
      expect(response.body.contact).toEqual({ address: null, phone: '08-123 456', mobilePhone: '070-111 22 33' });
      expect(response.body.doorCode).toBe('1234');
      expect(JSON.stringify(response.body)).not.toContain('Ängsvägen');
      expect(JSON.stringify(response.body)).not.toContain('Åsa');
    }
  });

  it('answers 404, with no audit row, to another unit’s staff, another municipality, the authority and the administrator; 400 and 401 as every route', async () => {
    const visit = await personWithVisit(world);
    const foreignVisit = await personWithVisit(foreign);
    const denied: [string, TestClient, string][] = [
      ['care staff of Hemtjänst Söder', await world.signIn('otherCareStaff'), visit.personId],
      ['unit manager of Hemtjänst Söder', await world.signIn('otherUnitManager'), visit.personId],
      ['care staff of another municipality', await foreign.signIn('careStaff'), visit.personId],
      ['care staff, a person of another municipality', careStaff, foreignVisit.personId],
      ['the case officer, who sees the person', await world.signIn('caseOfficer'), visit.personId],
      ['the administrator', await world.signIn('administrator'), visit.personId],
      ['care staff, a person who does not exist', careStaff, crypto.randomUUID()],
    ];
    for (const [who, client, personId] of denied) {
      const response = await summaryOf(client, personId);
      expect(response.status, who).toBe(404);
      expect(await auditRows(server.ownerDb, { action: 'person.read', response }), who).toEqual([]);
    }
    expect((await summaryOf(careStaff, 'not-a-uuid')).status).toBe(400);
    expect((await summaryOf(new TestClient(server.baseUrl), visit.personId)).status).toBe(401);
  });

  it('gives the unit’s manager and a manager above it the same summary', async () => {
    const visit = await personWithVisit(world);
    for (const user of ['unitManager', 'operationsManager', 'coordinator', 'licensedStaff'] as const) {
      const response = await summaryOf(await world.signIn(user), visit.personId);
      expect(response.status, user).toBe(200);
      expect(response.body.assignments[0].id, user).toBe(visit.sent.assignmentId);
    }
  });
});
