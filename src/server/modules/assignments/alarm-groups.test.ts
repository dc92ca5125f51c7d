/**
 * Alarm groups picked by service area (src/domain/alarm-groups.ts): a personal alarm granted in
 * another area than the alarm group's. The test world has ÄO and IFO; IFO stands in for FH here
 * (a Trygghetslarm type is added to its catalogue), which is what the rule is about: an area
 * without its own alarm group. The steps build on each other: no group, one ÄO group for the
 * whole municipality, then a group of IFO's own.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../../../../test/harness.ts';
import { startModuleTest } from '../../../../test/module-setup.ts';
import { createTestUser, type TestWorld } from '../../../../test/factories.ts';
import { TestClient } from '../../../../test/http-client.ts';
import { createCase, createDecision } from '../../../../seeds/lib/cases.ts';

let server: TestServer;
let world: TestWorld;
let officer: TestClient;
let alarmManager: TestClient;
let ifoAlarmTypeId: string;

beforeAll(async () => {
  ({ server, world } = await startModuleTest());
  officer = await world.signIn('ifoCaseOfficer');
  alarmManager = await world.signIn('alarmManager');
  ifoAlarmTypeId = (
    await server.ownerDb
      .insertInto('intervention_types')
      .values({
        municipality_id: world.municipalityId,
        service_area: 'IFO',
        name: 'Trygghetslarm',
        key_code: 'IFO-TRL',
        scope_unit: 'none',
        is_care_plan_exempt: true,
        is_personal_alarm: true,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
});
afterAll(async () => server?.close());

/** An active alarm group kept by the unit, with one member; the member's id. */
async function createAlarmGroup(unit: 'homeCareNorth' | 'familyTeam', name: string): Promise<string> {
  const list = await server.ownerDb
    .insertInto('send_lists')
    .values({ municipality_id: world.municipalityId, unit_id: world.units[unit], name, purpose: 'alarm_group' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const member = await createTestUser(server.ownerDb, world, {
    name: 'larmjour',
    positions: [{ unit, title: 'Larminstallatör', roles: ['care_staff'] }],
  });
  await server.ownerDb
    .insertInto('send_list_members')
    .values({ municipality_id: world.municipalityId, send_list_id: list.id, user_id: member.userId })
    .execute();
  return member.userId;
}

/** An IFO draft to IFO egen regi, with a personal alarm or family support only. */
async function ifoDraft(withAlarm: boolean): Promise<{ id: string; version: number }> {
  const person = await world.createPerson(['ifoAuthority']);
  const caseId = (
    await createCase(server.ownerDb, {
      municipalityId: world.municipalityId,
      personId: person.id,
      serviceArea: 'IFO',
      authorityUnitId: world.units.ifoAuthority,
      caseOfficerId: world.users.ifoCaseOfficer.userId,
      openedOn: '2026-01-01',
    })
  ).id;
  const granted = withAlarm
    ? { interventionTypeId: ifoAlarmTypeId, grantedAmount: null, scopeUnit: 'none' as const }
    : {
        interventionTypeId: world.catalogue.interventionTypes.get('IFO:Familjestöd')!,
        grantedAmount: 3,
        scopeUnit: 'hours_per_week' as const,
      };
  const decision = await createDecision(server.ownerDb, {
    municipalityId: world.municipalityId,
    caseId,
    decidedById: world.users.ifoCaseOfficer.userId,
    legalBasisId: world.catalogue.legalBases.get('SoL 11 kap. 1 §')!,
    decisionDate: '2026-01-15',
    periodFrom: '2026-02-01',
    interventions: [granted],
  });
  const created = await officer.post(`/api/decisions/${decision.id}/assignments`, {
    providerId: world.units.ifoProvider,
    interventions: [
      {
        decisionInterventionId: decision.interventionIds[0]!,
        minutesPerOccasion: null,
        plannedDays: [],
        plannedTimes: null,
        isTwoStaff: false,
        note: null,
      },
    ],
    lifeAreas: [],
    isNewClient: false,
  });
  expect(created.status, JSON.stringify(created.body)).toBe(200);
  return { id: created.body.id, version: 1 };
}

async function recipientsOf(assignmentId: string): Promise<string[]> {
  const rows = await server.ownerDb
    .selectFrom('message_recipients as r')
    .innerJoin('messages as m', 'm.id', 'r.message_id')
    .select('r.user_id')
    .where('m.assignment_id', '=', assignmentId)
    .execute();
  return rows.map((row) => row.user_id);
}

const newAssignmentIds = async (client: TestClient) =>
  (await client.get('/api/assignments/new')).body.items.map((item: { id: string }) => item.id);

describe('alarm groups by service area', () => {
  it('with no alarm group anywhere, the draft says none is told, and sending still works', async () => {
    const draft = await ifoDraft(true);
    const detail = await officer.get(`/api/assignments/${draft.id}`);
    expect(detail.status).toBe(200);
    expect(detail.body.alarmGroups).toEqual([]);
    expect(detail.body.receivers.some((name: string) => name.endsWith('(sändlista)'))).toBe(false);
    const sent = await officer.post(`/api/assignments/${draft.id}/send`, { version: draft.version });
    expect(sent.status, JSON.stringify(sent.body)).toBe(200);
    expect(sent.body.alarmGroups).toEqual([]);
  });

  it("when only ÄO keeps an alarm group, an IFO personal alarm goes to it, and ÄO's alarm manager reads and lists it", async () => {
    const aoMember = await createAlarmGroup('homeCareNorth', 'Jourlarmgruppen');
    const draft = await ifoDraft(true);
    const detail = await officer.get(`/api/assignments/${draft.id}`);
    expect(detail.body.alarmGroups).toEqual(['Jourlarmgruppen']);
    expect(detail.body.receivers).toContain('Jourlarmgruppen (sändlista)');
    const sentIt = await officer.post(`/api/assignments/${draft.id}/send`, { version: draft.version });
    expect(sentIt.status, JSON.stringify(sentIt.body)).toBe(200);
    expect(await recipientsOf(draft.id)).toContain(aoMember);
    const message = await server.ownerDb
      .selectFrom('messages')
      .select(['addressed_to', 'body'])
      .where('assignment_id', '=', draft.id)
      .executeTakeFirstOrThrow();
    expect(message.addressed_to).toContain('Jourlarmgruppen');
    expect(message.body).toContain('Uppdraget gäller trygghetslarm.');

    expect((await alarmManager.get(`/api/assignments/${draft.id}`)).status).toBe(200);
    expect(await newAssignmentIds(alarmManager)).toContain(draft.id);
    // The desk counts what the list shows: both IFO alarms (the one sent before any group existed too).
    const list = await alarmManager.get('/api/assignments/new');
    expect(list.body.total).toBe(2);
    expect((await alarmManager.get('/api/desk')).body.counts.newAssignments).toBe(2);

    // Family support without an alarm stays out of the alarm manager's reach.
    const plain = await ifoDraft(false);
    expect(
      (await officer.post(`/api/assignments/${plain.id}/send`, { version: plain.version })).body.alarmGroups,
    ).toEqual([]);
    expect(await recipientsOf(plain.id)).not.toContain(aoMember);
    expect((await alarmManager.get(`/api/assignments/${plain.id}`)).status).toBe(404);
    expect(await newAssignmentIds(alarmManager)).not.toContain(plain.id);
  });

  it('an inactive alarm group is not told, and does not count as the area having one', async () => {
    await server.ownerDb
      .updateTable('send_lists')
      .set({ is_active: false })
      .where('municipality_id', '=', world.municipalityId)
      .where('purpose', '=', 'alarm_group')
      .execute();
    const draft = await ifoDraft(true);
    expect((await officer.get(`/api/assignments/${draft.id}`)).body.alarmGroups).toEqual([]);
    await server.ownerDb
      .updateTable('send_lists')
      .set({ is_active: true })
      .where('municipality_id', '=', world.municipalityId)
      .where('purpose', '=', 'alarm_group')
      .execute();
    expect((await officer.get(`/api/assignments/${draft.id}`)).body.alarmGroups).toEqual(['Jourlarmgruppen']);
  });

  it("once IFO keeps an alarm group of its own, IFO alarms go there only and leave ÄO's alarm manager", async () => {
    const aoMemberIds = (
      await server.ownerDb
        .selectFrom('send_list_members')
        .select('user_id')
        .where('municipality_id', '=', world.municipalityId)
        .execute()
    ).map((row) => row.user_id);
    const ifoMember = await createAlarmGroup('familyTeam', 'IFO larmgrupp');
    const draft = await ifoDraft(true);
    expect((await officer.get(`/api/assignments/${draft.id}`)).body.alarmGroups).toEqual(['IFO larmgrupp']);
    await officer.post(`/api/assignments/${draft.id}/send`, { version: draft.version });
    const recipients = await recipientsOf(draft.id);
    expect(recipients).toContain(ifoMember);
    for (const member of aoMemberIds) expect(recipients).not.toContain(member);
    expect((await alarmManager.get(`/api/assignments/${draft.id}`)).status).toBe(404);
    expect(await newAssignmentIds(alarmManager)).not.toContain(draft.id);
  });

  it("a writer who is not the authority of the draft's area sees no draft at all", async () => {
    const draft = await ifoDraft(true);
    expect((await (await world.signIn('caseOfficer')).get(`/api/assignments/${draft.id}`)).status).toBe(404);
    expect((await new TestClient(server.baseUrl).get(`/api/assignments/${draft.id}`)).status).toBe(401);
  });
});
