/**
 * Every official record refuses UPDATE, DELETE and TRUNCATE, whoever asks, the database owner
 * included. The tables are found from the catalogue, not listed here: any table with a row trigger
 * whose function refuses a change of an "official record" (migration 0029 and make_append_only).
 * A table added later is tried without anyone adding it here; if the flow below leaves no row in
 * it, the test says so and the flow must grow to write one.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql, type Kysely } from 'kysely';
import { createIsolatedDatabase, startTestServer, type TestServer } from '../harness.ts';
import { createTestUser, createTestWorld, type TestWorld } from '../factories.ts';
import { asOwnerRolledBack } from './rolled-back.ts';
import { inTenant } from '../../src/server/platform/db/tenant.ts';
import { createSentAssignment, distributionBody } from '../fixtures/delivery-fixtures.ts';
import { runWatchChecks } from '../../src/server/modules/watches/index.ts';
import { settableClock } from '../../src/server/platform/clock.ts';

let database: Awaited<ReturnType<typeof createIsolatedDatabase>>;
let server: TestServer;
let world: TestWorld;
let officialTables: string[];

/** Tables guarded row by row against changing an official record, from the catalogue. */
async function findOfficialTables(db: Kysely<unknown>): Promise<string[]> {
  const { rows } = await sql<{ table: string }>`
    select distinct c.relname as table
      from pg_trigger t
      join pg_class c on c.oid = t.tgrelid
      join pg_namespace n on n.oid = c.relnamespace and n.nspname = 'public'
      join pg_proc p on p.oid = t.tgfoid
     where not t.tgisinternal
       and (t.tgtype & 1) = 1                      -- for each row
       and (t.tgtype & (8 | 16)) <> 0              -- on delete or update
       and p.prosrc ilike '%official record%'
     order by 1`.execute(db);
  return rows.map((row) => row.table);
}

/** Writes, through HTTP where the app can, at least one official row in every such table. */
async function runTheFlow(): Promise<void> {
  const person = await world.createPerson(['aoAuthority'], { firstName: 'Officiell', lastName: 'Handling' });
  const sent = await createSentAssignment(server.ownerDb, world, person.id); // decision, its interventions, the sent assignment
  const manager = await world.signIn('unitManager');
  const distributed = await manager.post(
    `/api/assignments/${sent.assignmentId}/distribution`,
    distributionBody(sent, world.units.homeCareNorth, { sendToDelivery: true }),
  );
  expect(distributed.status, JSON.stringify(distributed.body)).toBe(200);
  const providerCaseId = (distributed.body.rows as { providerCaseId: string }[])[0]!.providerCaseId;

  const staff = await world.signIn('careStaff');
  const providerCase = await staff.get(`/api/provider-cases/${providerCaseId}`);
  expect(providerCase.status).toBe(200);
  const acknowledged = await staff.post(`/api/provider-cases/${providerCaseId}/acknowledge`, {
    version: providerCase.body.version,
    moveToMyPersons: false,
  });
  expect(acknowledged.status, JSON.stringify(acknowledged.body)).toBe(200);

  const message = await staff.post('/api/messages', {
    recipientUserIds: [world.users.unitManager.userId],
    subject: 'Fråga',
    body: 'Om uppdraget.',
    personId: person.id,
  });
  expect(message.status, JSON.stringify(message.body)).toBe(200);

  const officer = await world.signIn('caseOfficer');
  const colleague = await createTestUser(server.ownerDb, world, {
    name: 'handl',
    positions: [{ unit: 'aoAuthority', title: 'Biståndshandläggare', roles: ['case_officer'] }],
  });
  const theCase = await officer.get(`/api/cases/${sent.decision.caseId}`);
  const changed = await officer.put(`/api/cases/${sent.decision.caseId}/case-officer`, {
    caseOfficerId: colleague.userId,
    version: theCase.body.version,
  });
  expect(changed.status, JSON.stringify(changed.body)).toBe(200);

  // The decision (2026-01-15) has an intervention not delivered: a check a year on claims its steps.
  await runWatchChecks(server.appDb, world.municipalityId, settableClock(new Date('2027-01-15T11:00:00Z')));
  await writeIvoReport(person.id, sent.decision.interventions[0]!.id);
}

/**
 * A quarter marked reported to IVO, with its row and a pseudonym: written as the owner, since
 * marking through HTTP needs a quarter past that the fixture's decision is late in (the IVO
 * module's own test does that with the clock injected).
 */
async function writeIvoReport(personId: string, decisionInterventionId: string): Promise<void> {
  const db = server.ownerDb;
  const municipality_id = world.municipalityId;
  await db
    .insertInto('ivo_pseudonyms')
    .values({
      municipality_id,
      person_id: personId,
      birth_date: '1990-01-01',
      sex: 'female',
      serial: 0,
      pseudonym: '19900101-T020',
    })
    .execute();
  const { id } = await db
    .insertInto('ivo_reports')
    .values({
      municipality_id,
      quarter: '2026-Q2',
      reference_date: '2026-06-30',
      board_name: 'Socialnämnden',
      reported_by_id: world.users.authorityManager.userId,
      reported_by_name: 'Enhetschef',
      position_id: world.users.authorityManager.positionId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('ivo_report_rows')
    .values({
      municipality_id,
      report_id: id,
      subject_kind: 'decision',
      subject_id: decisionInterventionId,
      person_id: personId,
      row_kind: 'new',
      snapshot: JSON.stringify({ kind: 'new' }),
    })
    .execute();
}

/**
 * The columns an UPDATE may set: all but generated ones. Setting them all to null reaches the row
 * trigger before any NOT NULL check, so the trigger alone decides, and no guarded column escapes it.
 */
async function settableColumns(table: string): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`
    select a.attname as name from pg_attribute a
     where a.attrelid = ${table}::regclass and a.attnum > 0 and not a.attisdropped
       and a.attidentity = '' and a.attgenerated = ''
     order by a.attnum`.execute(server.ownerDb);
  return rows.map((row) => row.name);
}

/** One row of the world's that the table treats as official (some tables still let drafts change). */
async function findOfficialRow(table: string): Promise<string | undefined> {
  const { rows } = await sql<{ ctid: string }>`
    select ctid::text from ${sql.table(table)} where municipality_id = ${world.municipalityId} limit 50`.execute(
    server.ownerDb,
  );
  for (const { ctid } of rows) {
    const refused = await asOwnerRolledBack(
      server.ownerDb,
      sql`delete from ${sql.table(table)} where ctid = ${ctid}::tid`,
    ).then(
      () => false,
      (error: Error) => /official record/.test(error.message),
    );
    if (refused) return ctid;
  }
  return undefined;
}

beforeAll(async () => {
  // TRUNCATE … CASCADE locks a chain of tables: in the shared database it could deadlock with
  // other test files' transactions, so this file has a database of its own.
  database = await createIsolatedDatabase('official');
  server = await startTestServer({}, database);
  world = await createTestWorld(server.ownerDb, server.baseUrl);
  officialTables = await findOfficialTables(server.ownerDb as Kysely<unknown>);
  await runTheFlow();
});
afterAll(async () => {
  await server?.close();
  await database?.drop();
});

describe('official records', () => {
  it('are found from the catalogue, and include the ones the probe emptied', () => {
    expect(officialTables).toEqual(
      expect.arrayContaining([
        'assignment_events',
        'assignment_interventions',
        'assignment_life_areas',
        'assignments',
        'audit_events',
        'case_officer_changes',
        'decision_interventions',
        'decisions',
        'delivery_events',
        'messages',
        'provider_case_acknowledgements',
        'watch_notifications',
      ]),
    );
  });

  it('each refuse UPDATE, DELETE and TRUNCATE from the owner (superuser), TRUNCATE … CASCADE too', async () => {
    const {
      rows: [me],
    } = await sql<{ rolsuper: boolean }>`select rolsuper from pg_roles where rolname = current_user`.execute(
      server.ownerDb,
    );
    expect(me!.rolsuper).toBe(true);
    for (const table of officialTables) {
      const ctid = await findOfficialRow(table);
      expect(ctid, `the flow in this test leaves no official row in ${table}: make it write one`).toBeDefined();
      const nulls = sql.join((await settableColumns(table)).map((column) => sql`${sql.ref(column)} = null`));
      await expect(
        asOwnerRolledBack(server.ownerDb, sql`update ${sql.table(table)} set ${nulls} where ctid = ${ctid}::tid`),
        `UPDATE ${table}`,
      ).rejects.toThrow(/official record/);
      await expect(
        asOwnerRolledBack(server.ownerDb, sql`delete from ${sql.table(table)} where ctid = ${ctid}::tid`),
        `DELETE ${table}`,
      ).rejects.toThrow(/official record/);
      // A table others point at refuses a plain TRUNCATE for its foreign keys before any trigger
      // runs; CASCADE gets past that, so it is the statement that must meet the trigger.
      await expect(
        asOwnerRolledBack(server.ownerDb, sql`truncate ${sql.table(table)}`),
        `TRUNCATE ${table}`,
      ).rejects.toThrow(new RegExp(`${table} is an official record: TRUNCATE|referenced in a foreign key constraint`));
      await expect(
        asOwnerRolledBack(server.ownerDb, sql`truncate ${sql.table(table)} cascade`),
        `TRUNCATE ${table} CASCADE`,
      ).rejects.toThrow(/official record: TRUNCATE is not allowed/);
    }
  });

  it('each have a trigger of their own that refuses TRUNCATE', async () => {
    const { rows } = await sql<{ table: string }>`
      select distinct c.relname as table from pg_trigger t
        join pg_class c on c.oid = t.tgrelid join pg_proc p on p.oid = t.tgfoid
       where not t.tgisinternal and (t.tgtype & 1) = 0 and (t.tgtype & 2) = 2 and (t.tgtype & 32) = 32 -- statement, before, truncate
         and p.prosrc ilike '%official record%'`.execute(server.ownerDb);
    expect(rows.map((row) => row.table).sort()).toEqual([...officialTables].sort());
  });

  it('each refuse them from the app role as well', async () => {
    for (const table of officialTables) {
      const ctid = await findOfficialRow(table);
      const asApp = (statement: ReturnType<typeof sql>) =>
        inTenant(server.appDb, world.municipalityId, async (trx) => {
          await statement.execute(trx);
          throw new Error('the statement went through');
        });
      await expect(
        asApp(sql`delete from ${sql.table(table)} where ctid = ${ctid}::tid`),
        `DELETE ${table}`,
      ).rejects.toThrow(/official record|permission denied/);
      await expect(asApp(sql`truncate ${sql.table(table)}`), `TRUNCATE ${table}`).rejects.toThrow(
        /official record|permission denied/,
      );
    }
  });

  it('are still there, every row, after all that', async () => {
    for (const table of officialTables) expect(await findOfficialRow(table), table).toBeDefined();
  });
});
