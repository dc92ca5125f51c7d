/**
 * Ending a decision reaches the provider: its rows end on the day, rows that would begin later end
 * without beginning, waiting assignments leave Nya uppdrag, each provider unit is told — and the
 * preview says so first. Closing a case withdraws what still waits. Through HTTP, real PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../../../../test/harness.ts';
import { startModuleTest } from '../../../../test/module-setup.ts';
import type { TestWorld } from '../../../../test/factories.ts';
import { TestClient } from '../../../../test/http-client.ts';
import { createDeliveries } from '../../../../seeds/lib/deliveries.ts';
import { todayInSweden } from '../../../domain/dates.ts';
import { addDays } from '../../../domain/periods.ts';
import { createFixtureAssignment, createFixtureDecision } from '../../../../test/fixtures/assignment-fixtures.ts';
import {
  createOtherProviderManager,
  createSentAssignment,
  stateVersionOf,
  type SentAssignment,
} from '../../../../test/fixtures/delivery-fixtures.ts';
import { createSentRows } from '../../../../test/fixtures/delivery-change-fixtures.ts';

let server: TestServer;
let world: TestWorld;
let foreign: TestWorld;
const TODAY = todayInSweden();
/** The day the decision ends in most tests: before today, so waiting assignments are withdrawn. */
const D = addDays(TODAY, -3);
const LATER = addDays(TODAY, 12);
const REASON = 'Flyttat till särskilt boende';

beforeAll(async () => {
  ({ server, world, foreign } = await startModuleTest());
});
afterAll(async () => server?.close());

interface Setup {
  personId: string;
  caseId: string;
  sent: SentAssignment;
  /** Personal care at Hemtjänst Norr, tills vidare, started; meals at Hemtjänst Söder to a day after D; personal care at Norr from LATER, under distribution. */
  rows: { open: string; longer: string; future: string };
  /** A second assignment of the decision, sent and still waiting in Nya uppdrag. */
  waiting: { id: string; assignmentNumber: string };
  /** Another decision of the same case with a row at Hemtjänst Norr, tills vidare. */
  other: { decisionId: string; rowId: string };
}

async function setUp(options: { startedOn?: string } = {}): Promise<Setup> {
  const { id: personId } = await world.createPerson(['aoAuthority', 'homeCareNorth', 'homeCareSouth']);
  const sent = await createSentAssignment(server.ownerDb, world, personId);
  const [care, meals] = sent.interventionIds as [string, string];
  const created = await createDeliveries(server.ownerDb, {
    municipalityId: world.municipalityId,
    assignmentId: sent.assignmentId,
    createdById: world.users.unitManager.userId,
    rows: [
      {
        assignmentInterventionId: care,
        providerUnitId: world.units.homeCareNorth,
        periodFrom: '2026-02-01',
        startedOn: options.startedOn ?? '2026-02-03',
        hoursPerVisit: 0.5,
      },
      {
        assignmentInterventionId: meals,
        providerUnitId: world.units.homeCareSouth,
        periodFrom: '2026-02-01',
        periodTo: addDays(TODAY, 200),
        frequency: 7,
        frequencyUnit: 'times_per_week',
      },
      {
        assignmentInterventionId: care,
        providerUnitId: world.units.homeCareNorth,
        periodFrom: LATER,
        status: 'under_distribution',
        label: 'Kväll',
      },
    ],
  });
  const [open, longer, future] = created.deliveryIds as [string, string, string];
  const waiting = await createFixtureAssignment(server.ownerDb, world, sent.decision, world.units.homeCare, {
    isSent: true,
  });
  const otherDecision = await createFixtureDecision(server.ownerDb, world, personId);
  const otherAssignment = await createFixtureAssignment(server.ownerDb, world, otherDecision, world.units.homeCare, {
    isSent: true,
  });
  const otherIntervention = await server.ownerDb
    .selectFrom('assignment_interventions')
    .select('id')
    .where('assignment_id', '=', otherAssignment.id)
    .executeTakeFirstOrThrow();
  const otherRows = await createDeliveries(server.ownerDb, {
    municipalityId: world.municipalityId,
    assignmentId: otherAssignment.id,
    createdById: world.users.unitManager.userId,
    rows: [
      {
        assignmentInterventionId: otherIntervention.id,
        providerUnitId: world.units.homeCareNorth,
        periodFrom: '2026-02-01',
      },
    ],
  });
  return {
    personId,
    caseId: sent.decision.caseId,
    sent,
    rows: { open, longer, future },
    waiting: { id: waiting.id, assignmentNumber: waiting.assignmentNumber },
    other: { decisionId: otherDecision.decisionId, rowId: otherRows.deliveryIds[0]! },
  };
}

async function row(id: string) {
  return server.ownerDb
    .selectFrom('deliveries')
    .select(['status', 'period_from', 'period_to', 'end_reason', 'version', 'provider_unit_id'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
}

async function stateOf(assignmentId: string) {
  return server.ownerDb
    .selectFrom('assignment_states')
    .select(['status', 'message'])
    .where('assignment_id', '=', assignmentId)
    .executeTakeFirstOrThrow();
}

/** The event messages a user received about an assignment, subject and body. */
async function messagesTo(userId: string, subjectPart: string) {
  return server.ownerDb
    .selectFrom('messages as m')
    .innerJoin('message_recipients as r', (join) =>
      join.onRef('r.municipality_id', '=', 'm.municipality_id').onRef('r.message_id', '=', 'm.id'),
    )
    .select(['m.subject', 'm.body', 'm.assignment_id'])
    .where('r.user_id', '=', userId)
    .where('m.subject', 'like', `%${subjectPart}%`)
    .execute();
}

async function decisionNumberOf(decisionId: string) {
  return (
    await server.ownerDb
      .selectFrom('decisions')
      .select('decision_number')
      .where('id', '=', decisionId)
      .executeTakeFirstOrThrow()
  ).decision_number;
}

async function newAssignmentIds(client: TestClient): Promise<string[]> {
  const response = await client.get('/api/assignments/new');
  expect(response.status).toBe(200);
  return response.body.items.map((item: { id: string }) => item.id);
}

describe('ending a decision at the provider', () => {
  it('ends its rows on the day, withdraws the waiting assignment from Nya uppdrag, tells each unit, and leaves another decision alone', async () => {
    const setup = await setUp();
    const decisionNumber = await decisionNumberOf(setup.sent.decision.decisionId);
    const manager = await world.signIn('unitManager');
    expect(await newAssignmentIds(manager)).toContain(setup.waiting.id);
    const officer = await world.signIn('caseOfficer');

    const response = await officer.post(`/api/decisions/${setup.sent.decision.decisionId}/end`, {
      endedOn: D,
      endReason: REASON,
      version: 1,
    });
    expect(response.status).toBe(200);

    expect(await row(setup.rows.open)).toMatchObject({ status: 'ended', period_to: D, end_reason: REASON });
    expect(await row(setup.rows.longer)).toMatchObject({ status: 'ended', period_to: D, end_reason: REASON });
    // Was to begin after the day: ended on the day, before its first day, without ever beginning.
    expect(await row(setup.rows.future)).toMatchObject({
      status: 'ended',
      period_from: LATER,
      period_to: D,
      end_reason: REASON,
    });
    const history = await server.ownerDb
      .selectFrom('delivery_events')
      .select(['event', 'note', 'actor_id'])
      .where('delivery_id', '=', setup.rows.open)
      .orderBy('id')
      .execute();
    expect(history.at(-1)).toMatchObject({
      event: 'ended',
      note: `Beslut ${decisionNumber} avslutat ${D}: ${REASON}.`,
      actor_id: world.users.caseOfficer.userId,
    });
    // Another decision's row runs on.
    expect(await row(setup.other.rowId)).toMatchObject({ status: 'sent_to_delivery', period_to: null, version: 2 });

    expect(await stateOf(setup.waiting.id)).toMatchObject({
      status: 'withdrawn',
      message: `Beslut ${decisionNumber} avslutat ${D}: ${REASON}.`,
    });
    expect(await stateOf(setup.sent.assignmentId)).toMatchObject({ status: 'accepted' });
    expect(await newAssignmentIds(manager)).not.toContain(setup.waiting.id);
    expect((await manager.get('/api/assignments/new/count')).body.total).toBe((await newAssignmentIds(manager)).length);
    const link = await server.ownerDb
      .selectFrom('person_unit_links')
      .select('valid_to')
      .where('source', '=', 'assignment')
      .where('source_id', '=', setup.waiting.id)
      .executeTakeFirstOrThrow();
    expect(link.valid_to).toBe(TODAY);
    // The provider opening it learns why; it cannot be distributed any more.
    const interventions = await server.ownerDb
      .selectFrom('assignment_interventions')
      .select('id')
      .where('assignment_id', '=', setup.waiting.id)
      .execute();
    const distribute = await manager.post(`/api/assignments/${setup.waiting.id}/distribution`, {
      stateVersion: await stateVersionOf(server.ownerDb, setup.waiting.id),
      sendToDelivery: false,
      rows: interventions.map((intervention) => ({
        assignmentInterventionId: intervention.id,
        providerUnitId: world.units.homeCareNorth,
        periodFrom: '2026-02-01',
        periodTo: D,
      })),
    });
    expect(distribute.status).toBe(409);
    expect(distribute.body.message).toMatch(/återkallats/);

    // Hemtjänst Norr hears of its two rows, Hemtjänst Söder of its one; the provider of the withdrawal.
    const [north] = await messagesTo(world.users.unitManager.userId, 'insatser avslutas');
    expect(north!.subject).toBe(`Beslut ${decisionNumber} avslutat: insatser avslutas ${D}`);
    expect(north!.body).toContain(`Verkställigheten hos Hemtjänst Norr avslutas därför:`);
    expect(north!.body).toContain(
      `Personlig omvårdnad, uppdrag ${setup.sent.assignmentNumber}: från 2026-02-01, avslutas ${D}.`,
    );
    expect(north!.body).toContain(
      `Personlig omvårdnad (Kväll), uppdrag ${setup.sent.assignmentNumber}: skulle börja ${LATER} och påbörjas inte.`,
    );
    expect(north!.body).not.toContain('Matdistribution');
    const [south] = await messagesTo(world.users.otherUnitManager.userId, 'insatser avslutas');
    expect(south!.body).toContain(`Matdistribution, uppdrag ${setup.sent.assignmentNumber}`);
    expect(south!.body).not.toContain('Personlig omvårdnad');
    const withdrawn = await messagesTo(
      world.users.operationsManager.userId,
      `Uppdrag ${setup.waiting.assignmentNumber} återkallat`,
    );
    expect(withdrawn).toHaveLength(1);
    expect(withdrawn[0]!.assignment_id).toBe(setup.waiting.id);
    expect(withdrawn[0]!.body).toContain('ligger inte längre under Nya uppdrag');
    const inbox = await manager.get('/api/messages/inbox');
    expect(inbox.body.items.map((item: { subject: string }) => item.subject)).toEqual(
      expect.arrayContaining([north!.subject, withdrawn[0]!.subject]),
    );

    const audits = await server.ownerDb
      .selectFrom('audit_events')
      .select(['action', 'entity_id', 'details'])
      .where('person_id', '=', setup.personId)
      .where('action', 'in', ['decision.end', 'delivery.end', 'assignment.withdraw'])
      .execute();
    expect(
      audits
        .filter((audit) => audit.action === 'delivery.end')
        .map((audit) => audit.entity_id)
        .sort(),
    ).toEqual([setup.rows.open, setup.rows.longer, setup.rows.future].sort());
    expect(audits.find((audit) => audit.action === 'assignment.withdraw')).toMatchObject({
      entity_id: setup.waiting.id,
    });
    expect(audits.find((audit) => audit.action === 'decision.end')!.details).toMatchObject({
      withdrawnAssignmentIds: [setup.waiting.id],
    });

    // The case history says what happened, in order.
    const kinds = response.body.history.map((event: { kind: string }) => event.kind);
    expect(kinds.slice(kinds.indexOf('decision_ended'))).toEqual([
      'decision_ended',
      'delivery_ended',
      'delivery_ended',
      'delivery_ended',
      'assignment_withdrawn',
    ]);
  });

  it('previews the same without changing anything, and audits the read', async () => {
    const setup = await setUp();
    const officer = await world.signIn('caseOfficer');
    const response = await officer.get(`/api/decisions/${setup.sent.decision.decisionId}/end-preview?endedOn=${D}`);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ endedOn: D, problems: [], waitingAssignments: [] });
    expect(response.body.withdrawnAssignments).toEqual([
      {
        id: setup.waiting.id,
        assignmentNumber: setup.waiting.assignmentNumber,
        provider: { id: world.units.homeCare, name: 'Hemtjänst egen regi' },
      },
    ]);
    expect(
      response.body.rows.map((planned: { id: string; kind: string; providerUnit: { name: string } }) => [
        planned.id,
        planned.kind,
        planned.providerUnit.name,
      ]),
    ).toEqual([
      [setup.rows.open, 'end', 'Hemtjänst Norr'],
      [setup.rows.future, 'never_begins', 'Hemtjänst Norr'],
      [setup.rows.longer, 'end', 'Hemtjänst Söder'],
    ]);
    expect(await row(setup.rows.open)).toMatchObject({ status: 'sent_to_delivery', period_to: null });
    expect(await stateOf(setup.waiting.id)).toMatchObject({ status: 'new' });
    const audit = await server.ownerDb
      .selectFrom('audit_events')
      .select('details')
      .where('person_id', '=', setup.personId)
      .where('action', '=', 'person.read')
      .execute();
    expect(audit.map((entry) => entry.details)).toContainEqual({ section: 'decision_end_preview' });

    // Ending ahead: the rows end then, the waiting assignment stays where the provider can still take it.
    const ahead = await officer.get(
      `/api/decisions/${setup.sent.decision.decisionId}/end-preview?endedOn=${addDays(LATER, 5)}`,
    );
    expect(ahead.body.withdrawnAssignments).toEqual([]);
    expect(ahead.body.waitingAssignments.map((assignment: { id: string }) => assignment.id)).toEqual([
      setup.waiting.id,
    ]);
    expect(ahead.body.rows.map((planned: { kind: string }) => planned.kind)).toEqual(['end', 'end', 'end']);

    expect(
      (await officer.get(`/api/decisions/${setup.sent.decision.decisionId}/end-preview?endedOn=2025-01-01`)).body
        .fieldErrors.endedOn,
    ).toBeTruthy();
    expect(
      (await officer.get(`/api/decisions/${setup.sent.decision.decisionId}/end-preview?endedOn=igår`)).status,
    ).toBe(400);
  });

  it('ends ahead: rows end on the later day and the waiting assignment stays in Nya uppdrag, its provider told', async () => {
    const setup = await setUp();
    const endedOn = addDays(LATER, 5);
    const officer = await world.signIn('caseOfficer');
    expect(
      (
        await officer.post(`/api/decisions/${setup.sent.decision.decisionId}/end`, {
          endedOn,
          endReason: REASON,
          version: 1,
        })
      ).status,
    ).toBe(200);
    expect(await row(setup.rows.open)).toMatchObject({ status: 'ended', period_to: endedOn });
    expect(await row(setup.rows.future)).toMatchObject({ status: 'ended', period_from: LATER, period_to: endedOn });
    expect(await stateOf(setup.waiting.id)).toMatchObject({ status: 'new' });
    expect(await newAssignmentIds(await world.signIn('unitManager'))).toContain(setup.waiting.id);
    const told = await messagesTo(world.users.coordinator.userId, `Uppdrag ${setup.waiting.assignmentNumber}: beslut`);
    expect(told[0]!.body).toContain(`verkställigheten kan pågå längst till och med ${endedOn}`);
  });

  it('withdraws a change of provider that would only begin after the decision ends; the change will not happen', async () => {
    const other = await createOtherProviderManager(server.ownerDb, world);
    const fixture = await createSentRows(server.ownerDb, world);
    const changeDate = addDays(TODAY, 10);
    const requested = await (await world.signIn('unitManager')).post(
      `/api/persons/${fixture.personId}/provider-changes`,
      {
        deliveryIds: [fixture.deliveryIds[0]],
        toProviderUnitId: other.unitId,
        changeDate,
      },
    );
    expect(requested.status, JSON.stringify(requested.body)).toBe(200);
    const toAssignmentId = requested.body.change.toAssignment.id as string;
    const endedOn = addDays(TODAY, 5);
    const officer = await world.signIn('caseOfficer');
    const preview = await officer.get(
      `/api/decisions/${fixture.sent.decision.decisionId}/end-preview?endedOn=${endedOn}`,
    );
    expect(preview.body.withdrawnAssignments.map((assignment: { id: string }) => assignment.id)).toEqual([
      toAssignmentId,
    ]);
    expect(
      (
        await officer.post(`/api/decisions/${fixture.sent.decision.decisionId}/end`, {
          endedOn,
          endReason: REASON,
          version: 1,
        })
      ).status,
    ).toBe(200);

    expect(await stateOf(toAssignmentId)).toMatchObject({ status: 'withdrawn' });
    const change = await server.ownerDb
      .selectFrom('provider_changes')
      .select(['status', 'decided_by_id'])
      .where('to_assignment_id', '=', toAssignmentId)
      .executeTakeFirstOrThrow();
    expect(change).toEqual({ status: 'stopped', decided_by_id: world.users.caseOfficer.userId });
    // The rows stay with the old unit and end with the decision.
    expect(await row(fixture.deliveryIds[0]!)).toMatchObject({
      status: 'ended',
      period_to: endedOn,
      provider_unit_id: world.units.homeCareNorth,
    });
    // The new provider is told; the old one hears of its rows, not of the other's assignment.
    const told = await server.ownerDb
      .selectFrom('messages as m')
      .innerJoin('message_recipients as r', (join) =>
        join.onRef('r.municipality_id', '=', 'm.municipality_id').onRef('r.message_id', '=', 'm.id'),
      )
      .innerJoin('users as u', (join) =>
        join.onRef('u.municipality_id', '=', 'r.municipality_id').onRef('u.id', '=', 'r.user_id'),
      )
      .select(['m.body', 'u.username'])
      .where('m.assignment_id', '=', toAssignmentId)
      .where('m.subject', 'like', '%återkallat%')
      .execute();
    expect(told.map((message) => message.username)).toEqual([other.username]);
    expect(told[0]!.body).toContain(`Bytet av utförare från Hemtjänst Norr fr.o.m. ${changeDate} genomförs inte.`);
  });

  it('refuses a day before the support started, naming the row; nothing changes', async () => {
    const setup = await setUp({ startedOn: addDays(D, 1) });
    const officer = await world.signIn('caseOfficer');
    const preview = await officer.get(`/api/decisions/${setup.sent.decision.decisionId}/end-preview?endedOn=${D}`);
    expect(preview.body.problems).toEqual([
      `Personlig omvårdnad hos Hemtjänst Norr: Insatsen startade ${addDays(D, 1)}; beslutet kan inte avslutas före det. Be utföraren rätta verkställighetsdatum om det är fel.`,
    ]);
    const response = await officer.post(`/api/decisions/${setup.sent.decision.decisionId}/end`, {
      endedOn: D,
      endReason: REASON,
      version: 1,
    });
    expect(response.status).toBe(400);
    expect(response.body.fieldErrors.endedOn).toContain('Insatsen startade');
    const decision = await server.ownerDb
      .selectFrom('decisions')
      .select('ended_on')
      .where('id', '=', setup.sent.decision.decisionId)
      .executeTakeFirstOrThrow();
    expect(decision.ended_on).toBeNull();
    expect(await row(setup.rows.longer)).toMatchObject({ status: 'sent_to_delivery' });
    expect(await stateOf(setup.waiting.id)).toMatchObject({ status: 'new' });
  });

  it('answers the preview 401, 403 to provider staff, 404 to another service area and across municipalities', async () => {
    const setup = await setUp();
    const path = `/api/decisions/${setup.sent.decision.decisionId}/end-preview?endedOn=${D}`;
    expect((await new TestClient(server.baseUrl).get(path)).status).toBe(401);
    expect((await (await world.signIn('unitManager')).get(path)).status).toBe(403);
    expect((await (await world.signIn('ifoCaseOfficer')).get(path)).status).toBe(404);
    expect((await (await foreign.signIn('caseOfficer')).get(path)).status).toBe(404);
  });
});

describe('closing a case', () => {
  it('withdraws an assignment of a decision that ran out, still waiting in Nya uppdrag', async () => {
    const { id: personId } = await world.createPerson(['aoAuthority', 'homeCareNorth']);
    const sent = await createSentAssignment(server.ownerDb, world, personId, { periodTo: D });
    const officer = await world.signIn('caseOfficer');
    const closed = await officer.post(`/api/cases/${sent.decision.caseId}/close`, {
      closedOn: TODAY,
      endReason: 'Behovet upphört',
      version: 1,
    });
    expect(closed.status).toBe(200);
    expect(await stateOf(sent.assignmentId)).toMatchObject({ status: 'withdrawn' });
    expect(closed.body.history.map((event: { kind: string }) => event.kind).slice(-2)).toEqual([
      'case_closed',
      'assignment_withdrawn',
    ]);
    expect(await newAssignmentIds(await world.signIn('unitManager'))).not.toContain(sent.assignmentId);
  });

  it('still refuses while a decision runs past the closing day, naming it', async () => {
    const { id: personId } = await world.createPerson(['aoAuthority', 'homeCareNorth']);
    const sent = await createSentAssignment(server.ownerDb, world, personId);
    const officer = await world.signIn('caseOfficer');
    const blocked = await officer.post(`/api/cases/${sent.decision.caseId}/close`, {
      closedOn: TODAY,
      endReason: 'Behovet upphört',
      version: 1,
    });
    expect(blocked.status).toBe(409);
    expect(blocked.body.message).toContain(await decisionNumberOf(sent.decision.decisionId));
    expect(await stateOf(sent.assignmentId)).toMatchObject({ status: 'new' });
  });
});
