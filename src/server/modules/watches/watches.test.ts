/**
 * The watch machinery through HTTP against PostgreSQL, with the clock injected: each rule fires on
 * its day and not the day before, each step's message is sent once however many checks run (two
 * servers at once included), the desks list what is theirs and nothing else, and the settings move
 * the days.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startTestServer, type TestServer } from '../../../../test/harness.ts';
import { createTestWorld, type TestWorld } from '../../../../test/factories.ts';
import type { TestClient } from '../../../../test/http-client.ts';
import { auditRows } from '../../../../test/audit.ts';
import { createDeliveryRows, createSentAssignment } from '../../../../test/fixtures/delivery-fixtures.ts';
import { createFixtureDecision } from '../../../../test/fixtures/assignment-fixtures.ts';
import { createDb } from '../../platform/db/database.ts';
import { settableClock } from '../../platform/clock.ts';
import { runWatchChecks } from './watch.service.ts';
import { addDays } from '../../../domain/periods.ts';
import { todayInSweden } from '../../../domain/dates.ts';

const clock = settableClock();
let server: TestServer;
let world: TestWorld;
let officer: TestClient;

beforeAll(async () => {
  server = await startTestServer({}, undefined, { clock });
  world = await createTestWorld(server.ownerDb, server.baseUrl);
  officer = await world.signIn('caseOfficer');
});
afterAll(async () => server?.close());

/** Swedish noon of a day, so the date is that day whatever the time zone. */
const noonOf = (date: string) => `${date}T11:00:00.000Z`;

const check = (municipalityId = world.municipalityId) => runWatchChecks(server.appDb, municipalityId, clock);

async function watchesOf(client: TestClient) {
  const response = await client.get('/api/watches');
  expect(response.status).toBe(200);
  return response.body as {
    desk: string | null;
    items: { rule: string; subjectId: string; state: string; dueOn: string; steps: string[]; person: { id: string } }[];
    counts: { approaching: number; due: number; overdue: number };
  };
}

/** The messages the steps of an item sent: subject and recipients. */
async function messagesFor(subjectId: string) {
  const rows = await server.ownerDb
    .selectFrom('audit_events')
    .select(['details'])
    .where('action', '=', 'watch.notify')
    .where('entity_id', '=', subjectId)
    .orderBy('id')
    .execute();
  const result: { step: string; subject: string; recipients: string[] }[] = [];
  for (const row of rows) {
    const { step, messageId } = row.details as { step: string; messageId: string | null };
    if (messageId === null) {
      result.push({ step, subject: '', recipients: [] });
      continue;
    }
    const message = await server.ownerDb
      .selectFrom('messages')
      .select('subject')
      .where('id', '=', messageId)
      .executeTakeFirstOrThrow();
    const recipients = await server.ownerDb
      .selectFrom('message_recipients')
      .select('user_id')
      .where('message_id', '=', messageId)
      .execute();
    result.push({ step, subject: message.subject, recipients: recipients.map((r) => r.user_id).sort() });
  }
  return result;
}

describe('a decision not delivered (decision date 2026-01-15: reminder 2026-03-15, last day 2026-04-15)', () => {
  it('is silent the day before the reminder, reminds officer and provider once on the day, and is reportable the day after the deadline', async () => {
    const person = await world.createPerson(['aoAuthority', 'homeCareNorth']);
    const sent = await createSentAssignment(server.ownerDb, world, person.id);
    await createDeliveryRows(server.ownerDb, world, sent, world.units.homeCareNorth);
    const [care] = sent.decision.interventions;

    clock.set(noonOf('2026-03-14'));
    await check();
    expect((await watchesOf(officer)).items.filter((item) => item.person.id === person.id)).toEqual([]);
    expect(await messagesFor(care!.id)).toEqual([]);

    clock.set(noonOf('2026-03-15'));
    await check();
    await check();
    const reminded = (await watchesOf(officer)).items.filter((item) => item.subjectId === care!.id);
    expect(reminded).toMatchObject([
      { rule: 'undelivered_decision', state: 'approaching', dueOn: '2026-04-15', steps: ['reminder'] },
    ]);
    const managers = [world.users.operationsManager.userId].sort();
    expect(await messagesFor(care!.id)).toEqual([
      {
        step: 'reminder',
        subject: 'Påminnelse: Personlig omvårdnad är inte verkställt – tre månader går ut 2026-04-15',
        recipients: [world.users.caseOfficer.userId, ...managers].sort(),
      },
    ]);
    const inbox = await officer.get('/api/messages/inbox');
    expect(JSON.stringify(inbox.body)).toContain('Påminnelse: Personlig omvårdnad är inte verkställt');

    clock.set(noonOf('2026-04-15'));
    await check();
    expect((await messagesFor(care!.id)).map((m) => m.step)).toEqual(['reminder']);

    clock.set(noonOf('2026-04-16'));
    await check();
    await check();
    expect((await messagesFor(care!.id)).map((m) => [m.step, m.recipients])).toEqual([
      ['reminder', [world.users.caseOfficer.userId, ...managers].sort()],
      ['reportable', [world.users.caseOfficer.userId]],
    ]);
    const overdue = (await watchesOf(officer)).items.find((item) => item.subjectId === care!.id);
    expect(overdue).toMatchObject({ state: 'overdue', steps: ['reminder', 'reportable'] });
  });

  it('leaves the watch when a delivery start is registered, and a partly delivered decision keeps the undelivered part', async () => {
    const person = await world.createPerson(['aoAuthority', 'homeCareNorth']);
    const sent = await createSentAssignment(server.ownerDb, world, person.id);
    const rows = await createDeliveryRows(server.ownerDb, world, sent, world.units.homeCareNorth);
    await server.ownerDb
      .updateTable('deliveries')
      .set({ started_on: '2026-02-03' })
      .where('id', '=', rows.deliveryIds[0]!)
      .execute();
    clock.set(noonOf('2026-05-01'));
    const items = (await watchesOf(officer)).items.filter((item) => item.person.id === person.id);
    expect(items.map((item) => item.subjectId)).toEqual([sent.decision.interventions[1]!.id]);
  });

  it('catches up after downtime: a first check long after sends every step reached, once each', async () => {
    const person = await world.createPerson(['aoAuthority', 'homeCareNorth']);
    const decision = await createFixtureDecision(server.ownerDb, world, person.id);
    clock.set(noonOf('2026-09-01'));
    await check();
    const subject = decision.interventions[0]!.id;
    // No assignment: no provider to remind; the officer gets both, the reminder saying the time has run out.
    expect((await messagesFor(subject)).map((m) => [m.step, m.recipients, m.subject])).toEqual([
      [
        'reminder',
        [world.users.caseOfficer.userId],
        'Påminnelse: Personlig omvårdnad är inte verkställt – tre månader gick ut 2026-04-15',
      ],
      [
        'reportable',
        [world.users.caseOfficer.userId],
        expect.stringMatching(
          /^Ska rapporteras till IVO: Personlig omvårdnad är inte verkställt \(beslut B-\d{4}-\d+\)$/,
        ),
      ],
    ]);
  });
});

describe('an interruption not resumed', () => {
  it('is reminded at two months and reportable after three, and not when planned to resume in time', async () => {
    const person = await world.createPerson(['aoAuthority', 'homeCareNorth']);
    const sent = await createSentAssignment(server.ownerDb, world, person.id);
    const rows = await createDeliveryRows(server.ownerDb, world, sent, world.units.homeCareNorth, {
      startedOn: '2026-02-01',
    });
    const insert = (deliveryId: string, toDate: string | null) =>
      server.ownerDb
        .insertInto('interruptions')
        .values({
          municipality_id: world.municipalityId,
          delivery_id: deliveryId,
          from_date: '2026-05-31',
          to_date: toDate,
          reason: 'Sjukhusvistelse',
          created_by_id: world.users.unitManager.userId,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
    const open = await insert(rows.deliveryIds[0]!, null);
    const inTime = await insert(rows.deliveryIds[1]!, '2026-08-30');

    clock.set(noonOf('2026-07-30'));
    await check();
    expect(await messagesFor(open.id)).toEqual([]);
    clock.set(noonOf('2026-07-31'));
    await check();
    expect((await messagesFor(open.id)).map((m) => m.step)).toEqual(['reminder']);
    clock.set(noonOf('2026-09-01'));
    await check();
    expect((await messagesFor(open.id)).map((m) => m.step)).toEqual(['reminder', 'reportable']);
    expect(await messagesFor(inTime.id)).toEqual([]);

    const manager = await world.signIn('unitManager');
    const providerItems = (await watchesOf(manager)).items.filter((item) => item.person.id === person.id);
    expect(providerItems.map((item) => [item.rule, item.state])).toEqual([['interrupted_delivery', 'overdue']]);
    const other = await world.signIn('otherUnitManager');
    expect((await watchesOf(other)).items.filter((item) => item.person.id === person.id)).toEqual([]);
  });
});

describe('an assignment nobody acknowledges', () => {
  async function sentAt(assignmentId: string): Promise<number> {
    const row = await server.ownerDb
      .selectFrom('assignments')
      .select('sent_at')
      .where('id', '=', assignmentId)
      .executeTakeFirstOrThrow();
    return row.sent_at!.getTime();
  }

  it('goes to the provider’s manager after 24 hours and to the officer who sent it 24 hours later, once each, with two servers checking at once', async () => {
    const person = await world.createPerson(['aoAuthority']);
    const sent = await createSentAssignment(server.ownerDb, world, person.id);
    const at = await sentAt(sent.assignmentId);
    const second = createDb({ connectionString: inject('appUrl'), max: 2 });
    const bothAtOnce = () => Promise.all([check(), runWatchChecks(second, world.municipalityId, clock)]);
    try {
      clock.set(new Date(at + 24 * 3_600_000 - 1));
      await bothAtOnce();
      expect(await messagesFor(sent.assignmentId)).toEqual([]);
      const waiting = (await watchesOf(officer)).items.find((item) => item.subjectId === sent.assignmentId);
      expect(waiting).toMatchObject({ rule: 'unacknowledged_assignment', state: 'due', steps: [] });

      clock.set(new Date(at + 24 * 3_600_000));
      await bothAtOnce();
      await bothAtOnce();
      expect((await messagesFor(sent.assignmentId)).map((m) => [m.step, m.recipients])).toEqual([
        ['manager', [world.users.operationsManager.userId]],
      ]);

      clock.set(new Date(at + 48 * 3_600_000));
      await bothAtOnce();
      expect((await messagesFor(sent.assignmentId)).map((m) => [m.step, m.recipients])).toEqual([
        ['manager', [world.users.operationsManager.userId]],
        ['officer', [world.users.caseOfficer.userId]],
      ]);
    } finally {
      await second.destroy();
    }
    const rows = await server.ownerDb
      .selectFrom('watch_notifications')
      .select(['step'])
      .where('subject_id', '=', sent.assignmentId)
      .execute();
    expect(rows.map((row) => row.step).sort()).toEqual(['manager', 'officer']);
  });

  it('gives a personal alarm four hours, and the provider’s manager sees it on the desk', async () => {
    const person = await world.createPerson(['aoAuthority']);
    const sent = await createSentAssignment(server.ownerDb, world, person.id, { withAlarm: true });
    const at = await sentAt(sent.assignmentId);
    clock.set(new Date(at + 4 * 3_600_000 - 60_000));
    await check();
    expect(await messagesFor(sent.assignmentId)).toEqual([]);
    clock.set(new Date(at + 4 * 3_600_000));
    await check();
    expect((await messagesFor(sent.assignmentId)).map((m) => m.step)).toEqual(['manager']);

    const manager = await world.signIn('operationsManager');
    const item = (await watchesOf(manager)).items.find((entry) => entry.subjectId === sent.assignmentId);
    expect(item).toMatchObject({ state: 'overdue', steps: ['manager'] });
    const counts = await manager.get('/api/watches/counts');
    expect(counts.body.overdue).toBeGreaterThanOrEqual(1);
  });
});

describe('the case officer’s other watches', () => {
  it('lists a decision whose period ends within 30 days, from the 30th day before to its last day', async () => {
    const today = todayInSweden();
    const person = await world.createPerson(['aoAuthority']);
    const decision = await createFixtureDecision(server.ownerDb, world, person.id, { periodTo: addDays(today, 40) });
    const ending = async () =>
      (await watchesOf(officer)).items.find(
        (item) => item.rule === 'decision_period_ending' && item.person.id === person.id,
      );
    clock.set(noonOf(addDays(today, 9)));
    expect(await ending()).toBeUndefined();
    clock.set(noonOf(addDays(today, 10)));
    expect(await ending()).toMatchObject({
      state: 'approaching',
      dueOn: addDays(today, 40),
      subjectId: decision.decisionId,
    });
  });

  it('lists a short-term stay with no place', async () => {
    const person = await world.createPerson(['aoAuthority']);
    const type = await server.ownerDb
      .insertInto('intervention_types')
      .values({
        municipality_id: world.municipalityId,
        service_area: 'AO',
        name: `Korttidsboende ${person.id.slice(0, 8)}`,
        scope_unit: 'days_per_month',
        is_short_term_stay: true,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const decision = await createFixtureDecision(server.ownerDb, world, person.id);
    await server.ownerDb
      .insertInto('decision_interventions')
      .values({
        municipality_id: world.municipalityId,
        decision_id: decision.decisionId,
        intervention_type_id: type.id,
        granted_amount: 10,
        scope_unit: 'days_per_month',
      })
      .execute();
    clock.set(noonOf('2026-01-20'));
    const items = (await watchesOf(officer)).items.filter((item) => item.person.id === person.id);
    expect(items.map((item) => [item.rule, item.state])).toEqual([['short_term_stay_without_place', 'due']]);
  });
});

describe('who sees what', () => {
  it('shows care staff no watches, keeps another municipality out, and audits every person listed', async () => {
    const staff = await world.signIn('careStaff');
    expect((await staff.get('/api/watches')).status).toBe(403);
    expect((await staff.get('/api/watches/counts')).status).toBe(403);
    const foreign = await createTestWorld(server.ownerDb, server.baseUrl);
    const foreignOfficer = await foreign.signIn('caseOfficer');
    clock.set(noonOf('2026-09-01'));
    expect((await watchesOf(foreignOfficer)).items).toEqual([]);

    const response = await officer.get('/api/watches');
    const hits = await auditRows(server.ownerDb, { action: 'person.list_hit', response });
    expect(hits.length).toBe(response.body.items.length);
    expect(hits.length).toBeGreaterThan(0);
  });
});

describe('the desk counter', () => {
  it('counts what the list counts, for the officer and for the provider’s managers', async () => {
    clock.set(noonOf('2026-09-01'));
    for (const key of ['caseOfficer', 'operationsManager', 'unitManager'] as const) {
      const client = await world.signIn(key);
      const list = await watchesOf(client);
      const counts = await client.get('/api/watches/counts');
      expect(counts.body, key).toEqual(list.counts);
      expect(list.counts.overdue, key).toBeGreaterThan(0);
    }
  });
});

describe('settings', () => {
  it('are the administrator’s to change, and move the reminder', async () => {
    const admin = await world.signIn('administrator');
    expect(
      (
        await officer.put('/api/watches/settings', {
          reminderMonths: 1,
          acknowledgeHours: 24,
          acknowledgeHoursAlarm: 4,
          periodEndingDays: 30,
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await admin.put('/api/watches/settings', {
          reminderMonths: 4,
          acknowledgeHours: 24,
          acknowledgeHoursAlarm: 4,
          periodEndingDays: 30,
        })
      ).status,
    ).toBe(400);
    const saved = await admin.put('/api/watches/settings', {
      reminderMonths: 1,
      acknowledgeHours: 12,
      acknowledgeHoursAlarm: 2,
      periodEndingDays: 60,
    });
    expect(saved.status).toBe(200);
    expect((await officer.get('/api/watches/settings')).body).toEqual(saved.body);

    const person = await world.createPerson(['aoAuthority']);
    const decision = await createFixtureDecision(server.ownerDb, world, person.id);
    clock.set(noonOf('2026-02-14'));
    expect((await watchesOf(officer)).items.some((item) => item.subjectId === decision.interventions[0]!.id)).toBe(
      false,
    );
    clock.set(noonOf('2026-02-15'));
    expect((await watchesOf(officer)).items.some((item) => item.subjectId === decision.interventions[0]!.id)).toBe(
      true,
    );
    await admin.put('/api/watches/settings', {
      reminderMonths: 2,
      acknowledgeHours: 24,
      acknowledgeHoursAlarm: 4,
      periodEndingDays: 30,
    });
  });
});
