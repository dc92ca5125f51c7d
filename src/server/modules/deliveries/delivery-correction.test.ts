import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../../../../test/harness.ts';
import { startDeliveryTest } from '../../../../test/module-setup.ts';
import type { TestWorld } from '../../../../test/factories.ts';
import { TestClient } from '../../../../test/http-client.ts';
import { todayInSweden } from '../../../domain/dates.ts';
import { addDays } from '../../../domain/periods.ts';
import { createDeliveryRows, createSentAssignment } from '../../../../test/fixtures/delivery-fixtures.ts';

let server: TestServer;
let world: TestWorld;
let manager: TestClient;
let careStaff: TestClient;
let otherCareStaff: TestClient;
let officer: TestClient;
let otherProvider: TestClient;
let foreign: TestClient;

beforeAll(async () => {
  ({
    server,
    world,
    manager,
    careStaff,
    otherCareStaff,
    officer,
    otherProvider,
    foreignManager: foreign,
  } = await startDeliveryTest());
});
afterAll(async () => server?.close());

/** A row at Hemtjänst Norr sent to delivery (started 2026-02-03 unless said), for a person named Sven Öst. */
async function sentRow(options: Parameters<typeof createDeliveryRows>[4] = {}) {
  const person = await world.createPerson(['aoAuthority'], { firstName: 'Sven', lastName: 'Öst' });
  const sent = await createSentAssignment(server.ownerDb, world, person.id);
  const { deliveryIds } = await createDeliveryRows(server.ownerDb, world, sent, world.units.homeCareNorth, {
    label: 'Morgon',
    formOfDelivery: 'Hemtjänst dag',
    hoursPerVisit: 0.5,
    days: 'whole_week',
    frequency: 2,
    frequencyUnit: 'times_per_day',
    startedOn: '2026-02-03',
    ...options,
  });
  const id = deliveryIds[0]!;
  return { ...sent, personId: person.id, id, version: await versionOf(id), path: `/api/deliveries/${id}/correct` };
}

const versionOf = async (deliveryId: string) =>
  (
    await server.ownerDb
      .selectFrom('deliveries')
      .select('version')
      .where('id', '=', deliveryId)
      .executeTakeFirstOrThrow()
  ).version;
const eventsOf = async (deliveryId: string) =>
  server.ownerDb
    .selectFrom('delivery_events')
    .select(['event', 'note', 'snapshot'])
    .where('delivery_id', '=', deliveryId)
    .orderBy('id')
    .execute();
const officerMessages = (assignmentId: string) =>
  server.ownerDb
    .selectFrom('messages as m')
    .innerJoin('message_recipients as r', (join) =>
      join.onRef('r.message_id', '=', 'm.id').onRef('r.municipality_id', '=', 'm.municipality_id'),
    )
    .select(['m.subject', 'm.body'])
    .where('r.user_id', '=', world.users.caseOfficer.userId)
    .where('m.assignment_id', '=', assignmentId)
    .execute();

/** The row's fields as they stand, with changes: the form sends every correctable field. */
const body = (version: number, changes: Record<string, unknown> = {}) => ({
  label: 'Morgon',
  formOfDelivery: 'Hemtjänst dag',
  resource: null,
  resourceUse: null,
  watchDate: null,
  hoursPerVisit: 0.5,
  extraHoursTwoStaff: null,
  days: 'whole_week',
  frequency: 2,
  frequencyUnit: 'times_per_day',
  startedOn: '2026-02-03',
  note: 'Fel uppgift registrerad.',
  version,
  ...changes,
});

describe('correcting a row sent to delivery (Rätta)', () => {
  it('corrects the start date and the time, keeps the unit and the period, and tells the case officer', async () => {
    const row = await sentRow();
    const response = await manager.post(
      row.path,
      body(row.version, {
        startedOn: '2026-02-01',
        hoursPerVisit: 0.33,
        extraHoursTwoStaff: 0.25,
        resource: 'Grupp 2',
        note: 'Insatsen började redan den 1:a.',
        periodFrom: '2026-03-01',
        providerUnitId: world.units.homeCareSouth,
      }),
    );
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    expect(response.body).toMatchObject({
      startedOn: '2026-02-01',
      hoursPerVisit: 0.33,
      extraHoursTwoStaff: 0.25,
      resource: 'Grupp 2',
      periodFrom: '2026-02-01',
      periodTo: null,
      providerUnit: { id: world.units.homeCareNorth },
      status: 'sent_to_delivery',
      version: row.version + 1,
      permissions: { canCorrect: true, canRegisterStart: false },
    });

    const history = await manager.get(`/api/deliveries/${row.id}/history`);
    expect(history.body.events.at(-1)).toMatchObject({
      event: 'corrected',
      actorName: 'Enhetschef unitManager',
      note: 'Insatsen började redan den 1:a.',
      providerUnitName: 'Hemtjänst Norr',
      snapshot: { startedOn: '2026-02-01', hoursPerVisit: 0.33, periodFrom: '2026-02-01', version: row.version + 1 },
    });
    const audit = await server.ownerDb
      .selectFrom('audit_events')
      .select(['details', 'person_id'])
      .where('action', '=', 'delivery.correct')
      .where('entity_id', '=', row.id)
      .executeTakeFirstOrThrow();
    expect(audit.person_id).toBe(row.personId);
    expect(audit.details).toMatchObject({
      changed: ['resource', 'hoursPerVisit', 'extraHoursTwoStaff', 'startedOn'],
      startedOnBefore: '2026-02-03',
      startedOn: '2026-02-01',
    });

    const [message, ...more] = await officerMessages(row.assignmentId);
    expect(more).toEqual([]);
    expect(message!.subject).toBe(
      `Personlig omvårdnad (Morgon): verkställighetsdatum rättat till 2026-02-01 (uppdrag ${row.assignmentNumber})`,
    );
    expect(message!.body).toContain(
      'Verkställighetsdatum rättat från 2026-02-03 till 2026-02-01: Hemtjänst Norr ger Personlig omvårdnad (Morgon) från 2026-02-01.',
    );
    expect(message!.body).toContain('Orsak: Insatsen började redan den 1:a.');
    expect(message!.body).not.toMatch(/Sven|Öst/);
  });

  it('corrects the registered fields alone without a message, and clears a text field', async () => {
    const row = await sentRow();
    const response = await manager.post(
      row.path,
      body(row.version, {
        label: null,
        days: 'weekdays',
        frequency: 3,
        frequencyUnit: 'times_per_week',
        watchDate: '2026-06-01',
      }),
    );
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    expect(response.body).toMatchObject({
      label: null,
      days: 'weekdays',
      frequency: 3,
      frequencyUnit: 'times_per_week',
      watchDate: '2026-06-01',
      startedOn: '2026-02-03',
    });
    expect(await officerMessages(row.assignmentId)).toEqual([]);
  });

  it('removes a start date registered by mistake, but not from a row with interruptions', async () => {
    const row = await sentRow();
    const removed = await manager.post(
      row.path,
      body(row.version, { startedOn: null, note: 'Insatsen har inte börjat.' }),
    );
    expect(removed.status, JSON.stringify(removed.body)).toBe(200);
    expect(removed.body).toMatchObject({ startedOn: null, permissions: { canRegisterStart: true } });
    expect((await officerMessages(row.assignmentId)).map((message) => message.subject)).toEqual([
      `Personlig omvårdnad (Morgon): verkställighetsdatum borttaget (uppdrag ${row.assignmentNumber})`,
    ]);

    const interrupted = await sentRow();
    await server.ownerDb
      .insertInto('interruptions')
      .values({
        municipality_id: world.municipalityId,
        delivery_id: interrupted.id,
        from_date: '2026-03-01',
        reason: 'Sjukhusvistelse',
        created_by_id: world.users.unitManager.userId,
      })
      .execute();
    const refused = await manager.post(interrupted.path, body(interrupted.version, { startedOn: null }));
    expect(refused.status).toBe(400);
    expect(refused.body.fieldErrors).toEqual({
      startedOn: 'Raden har avbrott, så insatsen har börjat; verkställighetsdatum kan rättas men inte tas bort.',
    });
  });

  it('answers bad input with 400 on the field, and writes nothing', async () => {
    const row = await sentRow();
    const noNote = await manager.post(row.path, { ...body(row.version, { hoursPerVisit: 1 }), note: '  ' });
    expect(noNote.status).toBe(400);
    expect(noNote.body.fieldErrors).toMatchObject({ note: 'Obligatoriskt.' });
    const wrong = await manager.post(
      row.path,
      body(row.version, { startedOn: addDays(todayInSweden(), 1), hoursPerVisit: 0.333, frequencyUnit: null }),
    );
    expect(wrong.status).toBe(400);
    expect(wrong.body.fieldErrors).toEqual({
      startedOn: 'Verkställighetsdatum kan inte vara i framtiden.',
      hoursPerVisit: 'Ange högst två decimaler.',
      frequencyUnit: 'Välj enhet för tid/frekvens.',
    });
    expect(
      (await manager.post(row.path, body(row.version, { startedOn: '2026-01-31' }))).body.fieldErrors.startedOn,
    ).toMatch(/före radens period/);
    expect(
      (await manager.post(row.path, body(row.version, { startedOn: '2026-02-30' }))).body.fieldErrors.startedOn,
    ).toBe('Datumet finns inte.');
    const unchanged = await manager.post(row.path, body(row.version));
    expect(unchanged.status).toBe(400);
    expect(unchanged.body.message).toBe('Inget är ändrat. Rätta minst en uppgift, eller avbryt.');

    const notStarted = await sentRow({ startedOn: null });
    const first = await manager.post(notStarted.path, body(notStarted.version, { startedOn: '2026-02-05' }));
    expect(first.body.fieldErrors).toEqual({
      startedOn:
        'Inget verkställighetsdatum är registrerat att rätta. Registrera det med Registrera verkställighetsdatum.',
    });
    expect((await eventsOf(row.id)).map((event) => event.event)).toEqual(['registered', 'sent_to_delivery', 'started']);
  });

  it('answers a stale version, a row under distribution, one never delivered and a row in a pending change of provider with 409', async () => {
    const row = await sentRow();
    expect((await manager.post(row.path, body(row.version, { hoursPerVisit: 1 }))).status).toBe(200);
    const stale = await manager.post(row.path, body(row.version, { hoursPerVisit: 2 }));
    expect(stale.status).toBe(409);
    expect((await eventsOf(row.id)).filter((event) => event.event === 'corrected')).toHaveLength(1);

    // A continuation ended before it was ever sent (the person moved away) was never delivered.
    const unsent = await sentRow({ status: 'under_distribution', startedOn: null });
    // Rows under distribution bring no link to the unit; registering the person there gives one.
    await server.ownerDb
      .insertInto('person_unit_links')
      .values({
        municipality_id: world.municipalityId,
        person_id: unsent.personId,
        unit_id: world.units.homeCareNorth,
        source: 'registered',
      })
      .execute();
    const endUnsent = await manager.post(`/api/deliveries/${unsent.id}/end`, {
      endOn: '2026-02-28',
      endReason: 'Flyttat från kommunen',
      version: unsent.version,
    });
    expect(endUnsent.status, JSON.stringify(endUnsent.body)).toBe(200);
    const afterUnsent = await manager.post(
      unsent.path,
      body(await versionOf(unsent.id), { startedOn: null, hoursPerVisit: 1 }),
    );
    expect(afterUnsent.status).toBe(409);
    expect(afterUnsent.body.message).toBe('Raden skickades aldrig till genomförande, så det finns inget att rätta.');

    const distributing = await sentRow({ status: 'under_distribution', startedOn: null });
    expect(
      (await manager.post(distributing.path, body(distributing.version, { startedOn: null, hoursPerVisit: 1 }))).body
        .message,
    ).toBe('Raden är under fördelning; ändra den med Registrera.');

    const moving = await sentRow();
    const next = await createSentAssignment(server.ownerDb, world, moving.personId);
    await server.ownerDb
      .insertInto('provider_changes')
      .values({
        municipality_id: world.municipalityId,
        person_id: moving.personId,
        from_assignment_id: moving.assignmentId,
        to_assignment_id: next.assignmentId,
        from_provider_unit_id: world.units.homeCareNorth,
        to_provider_unit_id: world.units.homeCareSouth,
        change_date: '2026-04-01',
        delivery_ids: [moving.id],
        status: 'pending',
        requested_by_id: world.users.unitManager.userId,
      })
      .execute();
    const pending = await manager.post(moving.path, body(moving.version, { hoursPerVisit: 1 }));
    expect(pending.status).toBe(409);
    expect(pending.body.message).toMatch(/väntar på svar om byte av utförare/);
  });

  it('corrects a delivered row after it ended or was withdrawn: the start date stays on the row where support began', async () => {
    const ended = await sentRow();
    const end = await manager.post(`/api/deliveries/${ended.id}/end`, {
      endOn: '2026-02-28',
      endReason: 'Behovet upphört',
      version: ended.version,
    });
    expect(end.status, JSON.stringify(end.body)).toBe(200);
    const afterEnd = await manager.post(
      ended.path,
      body(await versionOf(ended.id), { hoursPerVisit: 1, note: 'Fakturaunderlaget hade fel tid.' }),
    );
    expect(afterEnd.status, JSON.stringify(afterEnd.body)).toBe(200);
    expect(afterEnd.body).toMatchObject({
      status: 'ended',
      periodTo: '2026-02-28',
      hoursPerVisit: 1,
      permissions: { canCorrect: true },
    });

    const changed = await sentRow();
    const withdraw = await manager.post(`/api/deliveries/${changed.id}/withdraw`, {
      changeFrom: '2026-03-01',
      version: changed.version,
    });
    expect(withdraw.status, JSON.stringify(withdraw.body)).toBe(200);
    const wrongStart = await manager.post(
      changed.path,
      body(await versionOf(changed.id), { startedOn: '2026-02-01', note: 'Insatsen började den 1:a.' }),
    );
    expect(wrongStart.status, JSON.stringify(wrongStart.body)).toBe(200);
    expect(wrongStart.body).toMatchObject({ status: 'withdrawn', startedOn: '2026-02-01', periodTo: '2026-02-28' });
    expect((await eventsOf(changed.id)).map((event) => event.event)).toEqual([
      'registered',
      'sent_to_delivery',
      'started',
      'withdrawn',
      'corrected',
    ]);
    expect(
      (await officerMessages(changed.assignmentId)).map((message) => message.subject.replace(/^[^:]+: /, '')),
    ).toContain(`verkställighetsdatum rättat till 2026-02-01 (uppdrag ${changed.assignmentNumber})`);
    // The start date is still kept within the row's own period.
    const outside = await manager.post(changed.path, body(await versionOf(changed.id), { startedOn: '2026-03-02' }));
    expect(outside.status).toBe(400);
    expect(outside.body.fieldErrors.startedOn).toBeDefined();
  });

  it('is 403 for those who read the row but do not manage its unit, 404 for everyone else, 401 signed out', async () => {
    const row = await sentRow();
    const request = body(row.version, { hoursPerVisit: 1 });
    expect((await careStaff.post(row.path, request)).status).toBe(403);
    expect((await officer.post(row.path, request)).status).toBe(403);
    expect((await otherCareStaff.post(row.path, request)).status).toBe(404);
    expect((await otherProvider.post(row.path, request)).status).toBe(404);
    expect((await foreign.post(row.path, request)).status).toBe(404);
    expect((await new TestClient(server.baseUrl).post(row.path, request)).status).toBe(401);
    expect(await versionOf(row.id)).toBe(row.version);
  });
});
