/**
 * The audit log is append-only whoever asks, and an audit row commits or fails together with the
 * change it records (ADR 0005).
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { startTestServer, type TestServer } from '../harness.ts';
import { createTestWorld, type TestWorld } from '../factories.ts';
import { asOwnerRolledBack } from './rolled-back.ts';
import { inTenant } from '../../src/server/platform/db/tenant.ts';

let server: TestServer;
let world: TestWorld;

beforeAll(async () => {
  server = await startTestServer();
  world = await createTestWorld(server.ownerDb, server.baseUrl);
  await world.signIn('careStaff'); // writes session.sign_in, so the municipality has audit rows
});
afterAll(async () => server?.close());

async function countAudit(filter: { personId?: string; action?: string; requestId?: string } = {}): Promise<number> {
  let query = server.ownerDb
    .selectFrom('audit_events')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('municipality_id', '=', world.municipalityId);
  if (filter.personId) query = query.where('person_id', '=', filter.personId);
  if (filter.action) query = query.where('action', '=', filter.action);
  if (filter.requestId) query = query.where('request_id', '=', filter.requestId);
  return (await query.executeTakeFirstOrThrow()).n;
}

describe('audit_events is append-only', () => {
  it('refuses UPDATE, DELETE and TRUNCATE from the app role (no grant)', async () => {
    const before = await countAudit();
    expect(before).toBeGreaterThan(0);
    const asApp = (statement: ReturnType<typeof sql>) =>
      inTenant(server.appDb, world.municipalityId, (trx) => statement.execute(trx));
    await expect(asApp(sql`update audit_events set action = 'x.changed'`)).rejects.toThrow(
      /permission denied for table audit_events/,
    );
    await expect(asApp(sql`delete from audit_events`)).rejects.toThrow(/permission denied for table audit_events/);
    await expect(asApp(sql`truncate audit_events`)).rejects.toThrow(/permission denied for table audit_events/);
    // Inserting and reading is what the app may do.
    const readable = await inTenant(server.appDb, world.municipalityId, (trx) =>
      trx.selectFrom('audit_events').select('id').execute(),
    );
    expect(readable).toHaveLength(before);
    expect(await countAudit()).toBe(before);
  });

  it('refuses them from the owner (superuser) too, by trigger', async () => {
    const before = await countAudit();
    const {
      rows: [me],
    } = await sql<{ rolsuper: boolean }>`select rolsuper from pg_roles where rolname = current_user`.execute(
      server.ownerDb,
    );
    expect(me!.rolsuper).toBe(true);
    await expect(
      asOwnerRolledBack(
        server.ownerDb,
        sql`update audit_events set action = 'x.changed' where municipality_id = ${world.municipalityId}`,
      ),
    ).rejects.toThrow('audit_events is an official record: UPDATE is not allowed');
    await expect(
      asOwnerRolledBack(server.ownerDb, sql`delete from audit_events where municipality_id = ${world.municipalityId}`),
    ).rejects.toThrow('audit_events is an official record: DELETE is not allowed');
    await expect(asOwnerRolledBack(server.ownerDb, sql`truncate audit_events`)).rejects.toThrow(
      'audit_events is an official record: TRUNCATE is not allowed',
    );
    expect(await countAudit()).toBe(before);
  });
});

describe('an audit row and its change share one transaction', () => {
  it('writes one row for a saved change, with the request id, and none for a change that fails', async () => {
    const person = await world.createPerson(['aoAuthority', 'homeCareNorth']);
    const officer = await world.signIn('caseOfficer');
    const { version } = (await officer.get(`/api/persons/${person.id}`)).body;
    const saved = await officer.put(`/api/persons/${person.id}/contact`, { version, phone: '08-100 00' });
    expect(saved.status).toBe(200);
    expect(
      await countAudit({ personId: person.id, action: 'person.update', requestId: saved.headers.get('x-request-id')! }),
    ).toBe(1);

    const stale = await officer.put(`/api/persons/${person.id}/contact`, { version, phone: '08-200 00' });
    expect(stale.status).toBe(409);
    const denied = await (await world.signIn('careStaff')).post(`/api/persons/${person.id}/addresses`, {
      street: 'X 1',
      postalCode: '111 11',
      city: 'Y',
      validFrom: '2020-01-01',
    });
    expect(denied.status).toBe(403);
    const outOfScope = await (await world.signIn('otherCareStaff')).put(`/api/persons/${person.id}/contact`, {
      version: version + 1,
      phone: '08-300 00',
    });
    expect(outOfScope.status).toBe(404);
    for (const response of [stale, denied, outOfScope]) {
      expect(await countAudit({ requestId: response.headers.get('x-request-id')! })).toBe(0);
    }
    expect(await countAudit({ personId: person.id, action: 'person.update' })).toBe(1);
  });

  it('leaves the change unsaved when its audit row cannot be written', async () => {
    const person = await world.createPerson(['homeCareNorth']);
    const staff = await world.signIn('careStaff');
    const { version } = (await staff.get(`/api/persons/${person.id}`)).body;
    // A trigger that refuses audit rows of one request id only, so tests running alongside are untouched.
    const requestId = `audit-fails-${randomBytes(6).toString('hex')}`;
    const fn = sql.id(`test_refuse_${requestId.replaceAll('-', '_')}`);
    await sql`create function ${fn}() returns trigger language plpgsql as $$
      begin if new.request_id = ${sql.lit(requestId)} then raise exception 'audit refused by test'; end if; return new; end $$`.execute(
      server.ownerDb,
    );
    await sql`create trigger ${fn} before insert on audit_events for each row execute function ${fn}()`.execute(
      server.ownerDb,
    );
    try {
      const response = await staff.request(
        'PUT',
        `/api/persons/${person.id}/visit-info`,
        { version, doorCode: '4711' },
        { 'x-request-id': requestId },
      );
      expect(response.status).toBe(500);
      expect(response.body.requestId).toBe(requestId);
    } finally {
      await sql`drop trigger ${fn} on audit_events`.execute(server.ownerDb);
      await sql`drop function ${fn}()`.execute(server.ownerDb);
    }
    const after = await server.ownerDb
      .selectFrom('persons')
      .select(['version', 'door_code'])
      .where('id', '=', person.id)
      .executeTakeFirstOrThrow();
    expect(after).toEqual({ version, door_code: null });
    expect(await countAudit({ requestId })).toBe(0);
  });
});
