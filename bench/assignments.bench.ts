/**
 * Assignments over HTTP on Storkommun with 5,000 assignments pending (state 'new') at Hemtjänst egen
 * regi (seeds/large/assignments.ts): the provider's "Nya uppdrag" first page, as its verksamhetschef
 * and as an enhetschef of one of its units see it, and sending an assignment — each call a fresh
 * draft, so every send does the whole job: freeze, state, event, provider link, the message to the
 * provider's receivers and the audit row, in one transaction.
 */
import { sql } from 'kysely';
import type { BenchContext } from './lib/context.ts';
import { createAssignment } from '../seeds/lib/assignments.ts';
import { LARGE_ASSIGNMENT_MARK, PENDING_PROVIDER } from '../seeds/large/assignments.ts';
import type { ScopeUnit } from '../seeds/lib/catalogue.ts';

export const name = 'assignments';
export const description =
  'GET /api/assignments/new (first page) with 5,000 pending, and POST /api/assignments/:id/send on a fresh draft each call';
export const targetP95Ms = 50;

/** Drafts the send case writes; sent ones are settled afterwards so the next run starts at 5,000 again. */
const BENCH_MARK = 'Benchmark: uppdrag att skicka.';
const WARMUP = 30;
const ITERATIONS = 300;

export async function run(context: BenchContext): Promise<void> {
  const { large } = context;
  const providerId = large.unitIds.get(PENDING_PROVIDER)!;
  await settleBenchAssignments(context);
  context.log(
    `${PENDING_PROVIDER}: ${(await countPending(context, providerId)).toLocaleString('en')} assignments pending (state 'new')`,
  );

  for (const [label, user] of [
    ['verksamhetschef', 'homeCareOperationsManager'],
    ['enhetschef Hemtjänst Centrum', 'homeCareUnitManager'],
  ] as const) {
    const client = await context.signIn(user);
    await context.measure(`Nya uppdrag, first page (${label})`, async () => {
      const response = await client.get('/api/assignments/new');
      if (response.status !== 200)
        throw new Error(`Nya uppdrag answered ${response.status}: ${JSON.stringify(response.body)}`);
      return response.body.items.length as number;
    });
  }
  const manager = await context.signIn('homeCareOperationsManager');
  await context.measure(
    'Nya uppdrag, count for the desk',
    async () => (await manager.get('/api/assignments/new/count')).body.total as number,
  );

  const drafts = await writeDrafts(context, providerId, WARMUP + ITERATIONS);
  const officer = await context.signIn('aoCaseOfficer');
  let next = 0;
  await context.measure(
    'send (fresh draft each call)',
    async () => {
      const id = drafts[next++]!;
      const response = await officer.post(`/api/assignments/${id}/send`, { version: 1 });
      if (response.status !== 200)
        throw new Error(`Sending answered ${response.status}: ${JSON.stringify(response.body)}`);
      return response.body.interventions.length as number;
    },
    { warmup: WARMUP, iterations: ITERATIONS },
  );
  await settleBenchAssignments(context);
}

async function countPending(context: BenchContext, providerId: string): Promise<number> {
  const { rows } = await sql<{ n: number }>`
    select count(*) as n from assignment_states s join assignments a on a.municipality_id = s.municipality_id and a.id = s.assignment_id
     where s.municipality_id = ${context.large.municipalityId} and s.status = 'new' and a.provider_id = ${providerId}`.execute(
    context.ownerDb,
  );
  return rows[0]!.n;
}

/** The spare decisions (those without a generated assignment), round robin, each with a fresh draft to the provider. */
async function writeDrafts(context: BenchContext, providerId: string, count: number): Promise<string[]> {
  const { municipalityId } = context.large;
  const decisions = await context.ownerDb
    .selectFrom('decisions as d')
    .innerJoin('cases as c', (join) =>
      join.onRef('c.municipality_id', '=', 'd.municipality_id').onRef('c.id', '=', 'd.case_id'),
    )
    .select(['d.id', 'd.case_id', 'c.person_id', 'd.decided_by_id'])
    .where('d.municipality_id', '=', municipalityId)
    .where('c.service_area', '=', 'AO')
    .where('c.closed_on', 'is', null)
    .where('d.ended_on', 'is', null)
    .where(
      sql<boolean>`not exists (select 1 from assignments a where a.municipality_id = d.municipality_id and a.decision_id = d.id and a.instructions = ${LARGE_ASSIGNMENT_MARK})`,
    )
    .orderBy('d.decision_number')
    .limit(400)
    .execute();
  if (decisions.length === 0)
    throw new Error('Storkommun has no spare decisions; drop vardag_bench to generate it again.');
  const interventions = await context.ownerDb
    .selectFrom('decision_interventions')
    .select(['id', 'decision_id', 'intervention_type_id', 'granted_amount', 'scope_unit'])
    .where('municipality_id', '=', municipalityId)
    .where(
      'decision_id',
      'in',
      decisions.map((decision) => decision.id),
    )
    .execute();
  const ids: string[] = [];
  for (let index = 0; index < count; index++) {
    const decision = decisions[index % decisions.length]!;
    const created = await createAssignment(context.ownerDb, {
      municipalityId,
      caseId: decision.case_id,
      decisionId: decision.id,
      personId: decision.person_id,
      providerId,
      createdById: decision.decided_by_id,
      instructions: BENCH_MARK,
      interventions: interventions
        .filter((row) => row.decision_id === decision.id)
        .map((row) => ({
          decisionInterventionId: row.id,
          interventionTypeId: row.intervention_type_id,
          grantedAmount: row.granted_amount === null ? null : Number(row.granted_amount),
          scopeUnit: row.scope_unit as ScopeUnit,
          plannedDays: ['mon', 'thu'],
        })),
      lifeAreas: [{ lifeArea: 'self_care', need: 'Behöver hjälp med dusch.', goal: 'Duscha två gånger i veckan.' }],
    });
    ids.push(created.id);
  }
  return ids;
}

/**
 * Assignments the benchmark sent are accepted (and drafts it left are deleted) afterwards, so the
 * pending count stays at the generated 5,000 from run to run.
 */
async function settleBenchAssignments(context: BenchContext): Promise<void> {
  const { municipalityId } = context.large;
  await sql`
    with settled as (
      update assignment_states s set status = 'accepted', changed_at = now(), version = s.version + 1
        from assignments a
       where a.municipality_id = s.municipality_id and a.id = s.assignment_id
         and s.municipality_id = ${municipalityId} and s.status = 'new' and a.instructions = ${BENCH_MARK}
      returning s.municipality_id, s.assignment_id)
    insert into assignment_events (municipality_id, assignment_id, event, message)
    select municipality_id, assignment_id, 'accepted', 'Benchmark: avslutat efter mätningen.' from settled`.execute(
    context.ownerDb,
  );
  await sql`delete from assignments where municipality_id = ${municipalityId} and sent_at is null and instructions = ${BENCH_MARK}`.execute(
    context.ownerDb,
  );
}
