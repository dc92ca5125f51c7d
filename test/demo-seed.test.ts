/**
 * The demo municipality seeds on a database that already holds other municipalities, with its
 * casework in every stage (seeds/demo/casework.ts), and the provider folders count it as the desk
 * would. Seeded inside a transaction that is rolled back, so the shared test database is left as
 * it was (the demo's municipality code is fixed, so it could not be seeded twice otherwise).
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInSweden } from '../src/domain/dates.ts';
import { NOT_CURRENT_DEFAULT_DAYS } from '../src/contract/desk.ts';
import type { Trx } from '../src/server/platform/db/tenant.ts';
import { countNewAssignments } from '../src/server/modules/assignments/new-assignments.repository.ts';
import { countNotCurrent, countUnacknowledged } from '../src/server/modules/desk/provider-folders.repository.ts';
import { seedDemo, DEMO_CODE } from '../seeds/demo/seed-demo.ts';
import { startTestServer, type TestServer } from './harness.ts';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server?.close());

class RollBack extends Error {}

/** Runs fn on a fresh demo inside a transaction that is always rolled back. */
async function withDemo<T>(fn: (trx: Trx, unit: (name: string) => Promise<string>) => Promise<T>): Promise<T> {
  let result: { value: T } | undefined;
  await server.ownerDb
    .transaction()
    .execute(async (trx) => {
      await seedDemo(trx);
      const unit = async (name: string) =>
        (
          await trx
            .selectFrom('units as u')
            .innerJoin('municipalities as m', 'm.id', 'u.municipality_id')
            .select('u.id')
            .where('m.code', '=', DEMO_CODE)
            .where('u.name', '=', name)
            .executeTakeFirstOrThrow()
        ).id;
      result = { value: await fn(trx, unit) };
      throw new RollBack();
    })
    .catch((error: unknown) => {
      if (!(error instanceof RollBack)) throw error;
    });
  return result!.value;
}

describe('the demo municipality', () => {
  it('seeds casework in every stage, counted in the folders as the desk counts them', async () => {
    const counts = await withDemo(async (trx, unit) => {
      const {
        rows: [stored],
      } = await sql<Record<string, number>>`
        with m as (select id from municipalities where code = ${DEMO_CODE})
        select (select count(*)::int from cases c, m where c.municipality_id = m.id and c.closed_on is null) as "openCases",
               (select count(*)::int from decisions d, m where d.municipality_id = m.id and d.outcome = 'refused') as refused,
               (select count(*)::int from assignments a, m where a.municipality_id = m.id and a.sent_at is null) as drafts,
               (select count(*)::int from deliveries r, m where r.municipality_id = m.id and r.status = 'sent_to_delivery' and r.started_on is not null) as started,
               (select count(*)::int from deliveries r, m where r.municipality_id = m.id and r.status = 'ended') as ended,
               -- every sent assignment put its person under its provider, every provider case under its unit
               (select count(*)::int from assignments a, m where a.municipality_id = m.id and a.sent_at is not null and not exists (
                  select 1 from person_unit_links l where l.person_id = a.person_id and l.unit_id = a.provider_id and l.source = 'assignment')) as "unlinkedAssignments",
               (select count(*)::int from provider_cases pc, m where pc.municipality_id = m.id and not exists (
                  select 1 from person_unit_links l where l.person_id = pc.person_id and l.unit_id = pc.provider_unit_id and l.source = 'provider_case')) as "unlinkedProviderCases"`.execute(
        trx,
      );
      const blandaren = [await unit('Blandaren htj ute')];
      return {
        ...stored,
        newAtHomeCare: await countNewAssignments(trx, {
          providerIds: [await unit('Hemtjänst egen regi')],
          alarmServiceAreas: [],
          onlyProviderId: null,
        }),
        newAtIfo: await countNewAssignments(trx, {
          providerIds: [await unit('IFO egen regi')],
          alarmServiceAreas: [],
          onlyProviderId: null,
        }),
        unacknowledgedAtBlandaren: await countUnacknowledged(trx, blandaren, blandaren, todayInSweden()),
        notCurrentAtBlandaren: await countNotCurrent(trx, blandaren, blandaren, {
          today: todayInSweden(),
          lookBackDays: NOT_CURRENT_DEFAULT_DAYS,
        }),
      };
    });

    expect(counts).toEqual({
      // Thirteen ÄO cases (one refused), one LSS, one IFO.
      openCases: 15,
      refused: 1,
      drafts: 1,
      // Moira's three rows (home care and alarm), the other running person's two, and two whose
      // period ends soon (Tidsfrister).
      started: 7,
      ended: 2,
      unlinkedAssignments: 0,
      unlinkedProviderCases: 0,
      newAtHomeCare: 2,
      newAtIfo: 1,
      // The waiting person's, and the one accepted three months ago whose start never came.
      unacknowledgedAtBlandaren: 2,
      notCurrentAtBlandaren: 1,
    });
  });

  it('leaves nothing behind when rolled back, so it can seed again', async () => {
    await withDemo(async () => undefined);
    const left = await server.ownerDb.selectFrom('municipalities').select('id').where('code', '=', DEMO_CODE).execute();
    expect(left).toEqual([]);
  });
});
