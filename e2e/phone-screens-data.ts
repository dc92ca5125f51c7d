/**
 * The data behind the phone test of every screen (phone-screens.test.ts): enough that each screen
 * shows real content, with the long words a phone must wrap (a double surname, an e-mail address, a
 * street, a subject). Written through the test/fixtures builders and, where a user would, the API.
 */
import type { BrowserWorld } from './harness.ts';
import { USER_KEYS, type UserKey } from '../test/factories.ts';
import { createFixtureAssignment, createFixtureDecision } from '../test/fixtures/assignment-fixtures.ts';
import { createDeliveryRows, createSentAssignment } from '../test/fixtures/delivery-fixtures.ts';
import { createProviderCaseFixture, dayFromToday } from '../test/fixtures/desk-fixtures.ts';

export interface PhoneData {
  /** The person every role works with: a case, decisions, a sent assignment, rows at Hemtjänst Norr. */
  personId: string;
  lastName: string;
  caseId: string;
  /** A granted decision with no assignment yet, for Skriv uppdrag. */
  unwrittenDecisionId: string;
  /** Its first intervention: not delivered since 2026-01-15, so reportable to IVO. */
  undeliveredInterventionId: string;
  draftAssignmentId: string;
  sentAssignmentId: string;
  /** Sent to Hemtjänst egen regi and not yet accepted: Nya uppdrag and Fördela. */
  newAssignmentId: string;
  /** The main person's provider case at Hemtjänst Norr (the staff page). */
  providerCaseId: string;
  /** A row whose first day has come with no start date: the desk's Att göra and its dialog. */
  startPersonId: string;
  startDeliveryId: string;
  /** One message every user received (and can open). */
  messageId: string;
}

/** The 9 roles of the brief: one test user each (the world's other users are a second of a kind). */
export const PHONE_ROLES = [
  'caseOfficer',
  'authorityManager',
  'operationsManager',
  'unitManager',
  'coordinator',
  'careStaff',
  'licensedStaff',
  'alarmManager',
  'administrator',
] as const satisfies readonly UserKey[];
export type PhoneRole = (typeof PHONE_ROLES)[number];

const LONG_EMAIL = 'kristina.oberg-lindqvist.anhorigkontakt@hemtjanst-norra-distriktet.example.se';

export async function createPhoneData(bw: BrowserWorld): Promise<PhoneData> {
  const { world, server } = bw;
  const db = server.ownerDb;
  const lastName = 'Öberg-Lindqvist-Vallentuna';
  const person = await world.createPerson(['aoAuthority', 'homeCareNorth'], {
    firstName: 'Åsa-Kristina Margareta',
    lastName,
    address: {
      street: 'Långa Kyrkogårdsvägen 128 lägenhet 1104',
      postalCode: '123 45',
      city: 'Vallentuna',
      validFrom: '2020-01-01',
    },
  });
  const sent = await createSentAssignment(db, world, person.id);
  const rows = await createDeliveryRows(db, world, sent, world.units.homeCareNorth, {
    formOfDelivery: 'Hemtjänst dag',
    resource: 'Grupp 1 norra distriktet',
    hoursPerVisit: 0.5,
    days: 'whole_week',
    frequency: 2,
    frequencyUnit: 'times_per_day',
  });
  const draftDecision = await createFixtureDecision(db, world, person.id);
  const draft = await createFixtureAssignment(db, world, draftDecision, world.units.homeCare, { isSent: false });
  const unwritten = await createFixtureDecision(db, world, person.id);

  const newcomer = await world.createPerson(['aoAuthority'], { firstName: 'Nils', lastName: 'Nykomling-Åkerström' });
  const fresh = await createSentAssignment(db, world, newcomer.id);
  const starter = await world.createPerson(['aoAuthority'], { firstName: 'Stina', lastName: 'Startdatum' });
  const start = await createProviderCaseFixture(db, world, starter.id, {
    periodFrom: dayFromToday(-3),
    acknowledgedBy: 'careStaff',
  });
  const gone = await world.createPerson(['aoAuthority'], { firstName: 'Erik', lastName: 'Ejaktuell' });
  await createProviderCaseFixture(db, world, gone.id, {
    periodFrom: dayFromToday(-40),
    sentOn: dayFromToday(-40),
    periodTo: dayFromToday(-5),
    endReason: 'Avliden',
  });

  await fillPersonDetails(bw, person.id);
  const messageId = await sendMessages(bw, person.id, sent.assignmentId);
  return {
    personId: person.id,
    lastName,
    caseId: sent.decision.caseId,
    unwrittenDecisionId: unwritten.decisionId,
    undeliveredInterventionId: unwritten.interventions[0]!.id,
    draftAssignmentId: draft.id,
    sentAssignmentId: sent.assignmentId,
    newAssignmentId: fresh.assignmentId,
    providerCaseId: rows.providerCaseIds[0]!,
    startPersonId: starter.id,
    startDeliveryId: start.deliveryIds[0]!,
    messageId,
  };
}

/** Contact, visit information, relatives, reference persons and a key, as a unit manager types them. */
async function fillPersonDetails(bw: BrowserWorld, personId: string): Promise<void> {
  const client = await bw.world.signIn('unitManager');
  const ok = async (what: string, response: Promise<{ status: number; body: unknown }>) => {
    const { status, body } = await response;
    if (status !== 200) throw new Error(`${what}: ${status} ${JSON.stringify(body)}`);
    return body as { version: number };
  };
  let { version } = await ok('person', client.get(`/api/persons/${personId}`));
  ({ version } = await ok(
    'contact',
    client.put(`/api/persons/${personId}/contact`, {
      version,
      phone: '08-123 456 78',
      mobilePhone: '070-123 45 67',
      email: LONG_EMAIL,
    }),
  ));
  ({ version } = await ok(
    'visit info',
    client.put(`/api/persons/${personId}/visit-info`, {
      version,
      doorCode: '1234#',
      visitInfo: 'Ring på två gånger. Nyckelskåpet sitter till vänster om ytterdörren, bakom cykelstället.',
    }),
  ));
  await ok(
    'important info',
    client.put(`/api/persons/${personId}/important-info`, {
      version,
      importantInfo: 'Allergisk mot nötter. Hunden Trygghetsförsäkringsbolagskontoret är snäll men skäller.',
    }),
  );
  await ok(
    'relative',
    client.post(`/api/persons/${personId}/relatives`, {
      name: 'Karl-Johan Öberg-Lindqvist',
      relation: 'Son',
      phone: '070-765 43 21',
      email: LONG_EMAIL,
      address: 'Storgatan 1, 123 45 Vallentuna',
      isNextOfKin: true,
      note: 'Nås bäst på kvällar efter klockan sjutton.',
    }),
  );
  await ok(
    'reference person',
    client.post(`/api/persons/${personId}/reference-persons`, {
      role: 'God man',
      name: 'Margareta Ståhlberg-Wennerström',
      organisation: 'Överförmyndarförvaltningen i Vallentuna kommun',
      phone: '08-987 654 32',
      email: LONG_EMAIL,
    }),
  );
  await ok(
    'key',
    client.post(`/api/persons/${personId}/keys`, { keyNumber: 'NYCKEL-2026-000123', description: 'Port och lägenhet' }),
  );
}

/**
 * Every user writes to all the others (the case officer about the person, the unit manager about
 * the assignment) and archives one, so each inbox, archive and sent folder has rows. Two send lists
 * for the keepers. Returns the case officer's message, which every other user received.
 */
async function sendMessages(bw: BrowserWorld, personId: string, assignmentId: string): Promise<string> {
  const { world } = bw;
  const users = PHONE_ROLES.map((key) => world.users[key as UserKey].userId);
  let caseOfficerMessage = '';
  const received = new Map<UserKey, string[]>();
  for (const key of PHONE_ROLES) {
    const client = await world.signIn(key);
    const response = await client.post('/api/messages', {
      recipientUserIds: users.filter((id) => id !== world.users[key].userId),
      subject: `Angående planeringen inför helgbesöken (från ${key}): Trygghetslarmsinstallationsbesöket`,
      body: `Hej!\n\nJag vill stämma av planeringen. Se ${LONG_EMAIL} för kontaktuppgifter.\n\nHälsningar`,
      personId: key === 'caseOfficer' ? personId : null,
      assignmentId: key === 'unitManager' ? assignmentId : null,
    });
    if (response.status !== 200) throw new Error(`message from ${key}: ${response.status}`);
    if (key === 'caseOfficer') caseOfficerMessage = response.body.id;
    for (const other of PHONE_ROLES)
      if (other !== key) received.set(other, [...(received.get(other) ?? []), response.body.id]);
  }
  // Each user archives the last message they received.
  for (const key of PHONE_ROLES) {
    const last = received.get(key)!.at(-1)!;
    await bw.server.ownerDb
      .updateTable('message_recipients')
      .set({ archived_at: new Date() })
      .where('message_id', '=', last)
      .where('user_id', '=', world.users[key].userId)
      .execute();
  }
  for (const [keeper, unit] of [
    ['unitManager', 'homeCareNorth'],
    ['authorityManager', 'aoAuthority'],
  ] as const) {
    const client = await world.signIn(keeper);
    const list = await client.post('/api/send-lists', {
      unitId: world.units[unit],
      name: `Alla på ${unit === 'homeCareNorth' ? 'Hemtjänst Norr' : 'ÄO myndighet'} inklusive vikarier och timanställda`,
    });
    if (list.status !== 200) throw new Error(`send list: ${list.status} ${JSON.stringify(list.body)}`);
    for (const member of USER_KEYS.filter((key) => key !== 'administrator').slice(0, 6)) {
      await client.post(`/api/send-lists/${list.body.id}/members`, { userId: world.users[member].userId });
    }
  }
  return caseOfficerMessage;
}
