/**
 * Opening a person (GET /api/persons/:personId) over HTTP on Storkommun, and what the read limits
 * add to it (ADR 0016): the one statement every metered request runs, read_meter_charge, timed on
 * its own with the app's role, exactly as the access hook calls it.
 */
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import type { BenchContext } from './lib/context.ts';
import { chargeReads } from '../src/server/platform/rate-limit/read-meter.repository.ts';

export const name = 'person-read';
export const description =
  'GET /api/persons/:personId as care staff on 100,000 persons, and the read-limit charge it includes';
export const targetP95Ms = 20;

export async function run(context: BenchContext): Promise<void> {
  const user = context.large.users.homeCareStaff;
  const client = await context.signIn('homeCareStaff');
  const { rows: persons } = await sql<{ person_id: string }>`
    select distinct person_id from person_unit_links
     where municipality_id = ${context.large.municipalityId} and unit_id = ${user.unitId} and valid_to is null
     order by person_id limit 300`.execute(context.ownerDb);
  let next = 0;
  await context.measure('GET /api/persons/:personId (charge included)', async () => {
    const response = await client.get(`/api/persons/${persons[next++ % persons.length]!.person_id}`);
    if (response.status !== 200)
      throw new Error(`Person read answered ${response.status}: ${JSON.stringify(response.body)}`);
  });

  // The charge alone: a session of its own (a made-up id), so its rows are those of one busy session.
  const {
    rows: [owner],
  } = await sql<{ id: string }>`
    select id from users where municipality_id = ${context.large.municipalityId} and username = ${user.username}`.execute(
    context.ownerDb,
  );
  const charge = {
    municipalityId: context.large.municipalityId,
    userId: owner!.id,
    sessionId: randomBytes(32).toString('hex'),
    budget: 'person_record' as const,
    cost: 1,
    limits: context.config.readLimits.personRecord,
    sessionWindowSeconds: 60,
    userWindowSeconds: 3600,
  };
  await context.measure('read_meter_charge alone (what the limits add)', async () => {
    const result = await chargeReads(context.appDb, charge);
    if (!result.isAllowed) throw new Error("The bench's limits refused a read");
  });
}
