/**
 * Row-level security, proven with the app's own database role: whatever a query forgets, it sees
 * and writes only the municipality set for its transaction, and nothing when none is set. The
 * tables are read from the catalogue, so a new tenant table is checked without editing this file.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { startTestServer, type TestServer } from '../harness.ts';
import { createTestWorld, type TestWorld } from '../factories.ts';
import { inTenant } from '../../src/server/platform/db/tenant.ts';
import { APP_ROLE } from '../../src/server/platform/db/migrator.ts';

/** Tables the seeding below fills in both municipalities, so their isolation is shown on real rows. */
const SEEDED_TABLES = [
  'audit_events',
  'units',
  'users',
  'login_identities',
  'positions',
  'sessions',
  'persons',
  'person_addresses',
  'person_relatives',
  'person_reference_persons',
  'person_keys',
  'person_unit_links',
];

let server: TestServer;
let worldA: TestWorld;
let worldB: TestWorld;
let tenantTables: string[];
let personA: string;

/** Fills every tenant table of a world through the app: persons with addresses, their lists, sessions and audit rows. */
async function seed(world: TestWorld): Promise<string> {
  const person = await world.createPerson(['aoAuthority', 'homeCareNorth'], {
    address: { street: 'Radgatan 1', postalCode: '111 11', city: 'Exempelstad', validFrom: '2020-01-01' },
  });
  const staff = await world.signIn('careStaff');
  for (const [list, body] of [
    ['relatives', { name: 'Anna', relation: 'Dotter' }],
    ['reference-persons', { role: 'God man', name: 'Bo' }],
    ['keys', { keyNumber: 'K-1' }],
  ] as const) {
    expect((await staff.post(`/api/persons/${person.id}/${list}`, body)).status).toBe(200);
  }
  return person.id;
}

async function countAsOwner(table: string, municipalityId: string): Promise<number> {
  const { rows } = await sql<{
    n: number;
  }>`select count(*)::int as n from ${sql.table(table)} where municipality_id = ${municipalityId}`.execute(
    server.ownerDb,
  );
  return rows[0]!.n;
}

beforeAll(async () => {
  server = await startTestServer();
  [worldA, worldB] = await Promise.all([
    createTestWorld(server.ownerDb, server.baseUrl),
    createTestWorld(server.ownerDb, server.baseUrl),
  ]);
  [personA] = await Promise.all([seed(worldA), seed(worldB)]);
  const { rows } = await sql<{ table_name: string }>`
    select c.relname as table_name from pg_class c join pg_namespace n on n.oid = c.relnamespace
     where n.nspname = 'public' and c.relkind in ('r', 'p')
       and exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'municipality_id' and not a.attisdropped)
     order by 1`.execute(server.ownerDb);
  tenantTables = rows.map((row) => row.table_name);
});
afterAll(async () => server?.close());

describe('the app role', () => {
  it('is what the app connects as: no superuser, no BYPASSRLS, owner of nothing', async () => {
    const {
      rows: [me],
    } = await sql<{ user: string }>`select current_user as user`.execute(server.appDb);
    expect(me!.user).toBe(APP_ROLE);
    const {
      rows: [role],
    } = await sql<{ rolsuper: boolean; rolbypassrls: boolean }>`
      select rolsuper, rolbypassrls from pg_roles where rolname = ${APP_ROLE}`.execute(server.ownerDb);
    expect(role).toEqual({ rolsuper: false, rolbypassrls: false });
    const { rows: owned } = await sql<{ relname: string }>`
      select relname from pg_class where relowner = (select oid from pg_roles where rolname = ${APP_ROLE}) and relkind in ('r', 'p', 'v', 'm', 'f')`.execute(
      server.ownerDb,
    );
    expect(owned).toEqual([]);
  });
});

describe('row-level security', () => {
  it('is enabled on every table with a municipality_id, with policies that all test the tenant', async () => {
    expect(tenantTables).toEqual(expect.arrayContaining(SEEDED_TABLES));
    const { rows } = await sql<{
      table_name: string;
      rls: boolean;
      policies: { qual: string | null; with_check: string | null }[] | null;
    }>`
      select c.relname as table_name, c.relrowsecurity as rls,
             (select json_agg(json_build_object('qual', p.qual, 'with_check', p.with_check)) from pg_policies p
               where p.schemaname = 'public' and p.tablename = c.relname) as policies
        from pg_class c join pg_namespace n on n.oid = c.relnamespace
       where n.nspname = 'public' and c.relname = any(${tenantTables})`.execute(server.ownerDb);
    const problems = rows.flatMap((row) => {
      if (!row.rls) return [`${row.table_name}: row-level security is off`];
      if (!row.policies?.length) return [`${row.table_name}: no policy`];
      // Policies are OR-ed: a single one that ignores the tenant would open the table.
      return row.policies
        .filter(
          (policy) =>
            !policy.qual?.includes('app_current_municipality()') ||
            (policy.with_check !== null && !policy.with_check.includes('app_current_municipality()')),
        )
        .map(
          (policy) => `${row.table_name}: a policy does not test the tenant (${policy.qual} / ${policy.with_check})`,
        );
    });
    expect(problems).toEqual([]);
  });

  it('shows nothing when no municipality is set', async () => {
    for (const table of [...tenantTables, 'municipalities']) {
      const { rows } = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(
        server.appDb,
      );
      expect(rows[0]!.n, table).toBe(0);
    }
    for (const table of SEEDED_TABLES)
      expect(await countAsOwner(table, worldA.municipalityId), `${table} has rows to hide`).toBeGreaterThan(0);
  });

  it('shows all of municipality A and none of B (or anyone else) when A is set', async () => {
    for (const table of SEEDED_TABLES)
      expect(await countAsOwner(table, worldB.municipalityId), `${table} has rows of B`).toBeGreaterThan(0);
    await inTenant(server.appDb, worldA.municipalityId, async (trx) => {
      for (const table of tenantTables) {
        const { rows } = await sql<{ own: number; others: number }>`
          select count(*) filter (where municipality_id = ${worldA.municipalityId})::int as own,
                 count(*) filter (where municipality_id <> ${worldA.municipalityId})::int as others
            from ${sql.table(table)}`.execute(trx);
        expect(rows[0]!.others, `${table}: rows of another municipality`).toBe(0);
        expect(rows[0]!.own, `${table}: all of A's rows`).toBe(await countAsOwner(table, worldA.municipalityId));
      }
      const municipalities = await trx.selectFrom('municipalities').select('id').execute();
      expect(municipalities).toEqual([{ id: worldA.municipalityId }]);
      // A WHERE naming B's rows finds nothing to change either.
      const changed = await trx
        .updateTable('persons')
        .set({ first_name: 'Kapad' })
        .where('municipality_id', '=', worldB.municipalityId)
        .executeTakeFirst();
      expect(changed.numUpdatedRows).toBe(0n);
    });
  });

  it('refuses to write a row for another municipality than the one set (WITH CHECK)', async () => {
    const newPerson = (municipalityId: string) => ({
      municipality_id: municipalityId,
      identity_number: '19121212-1212',
      identity_kind: 'personnummer',
      birth_date: '1912-12-12',
      sex: 'male',
      first_name: 'Fel',
      last_name: 'Kommun',
    });
    await expect(
      inTenant(server.appDb, worldA.municipalityId, (trx) =>
        trx.insertInto('persons').values(newPerson(worldB.municipalityId)).execute(),
      ),
    ).rejects.toThrow(/row-level security/);
    await expect(
      inTenant(server.appDb, worldA.municipalityId, (trx) =>
        trx
          .insertInto('audit_events')
          .values({ municipality_id: worldB.municipalityId, action: 'person.read' })
          .execute(),
      ),
    ).rejects.toThrow(/row-level security/);
    // Moving one's own row into B is refused the same way.
    await expect(
      inTenant(server.appDb, worldA.municipalityId, (trx) =>
        trx
          .updateTable('person_keys')
          .set({ municipality_id: worldB.municipalityId })
          .where('person_id', '=', personA)
          .execute(),
      ),
    ).rejects.toThrow(/row-level security/);
    // With no municipality set, no row can be written at all.
    await expect(server.appDb.insertInto('persons').values(newPerson(worldA.municipalityId)).execute()).rejects.toThrow(
      /row-level security/,
    );
    await expect(
      server.appDb.insertInto('municipalities').values({ code: 'inbrott', name: 'Inbrott' }).execute(),
    ).rejects.toThrow(/permission denied/);
  });
});
