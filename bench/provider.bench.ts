/**
 * The provider side over HTTP on Storkommun, as the manager of Hemtjänst Centrum (about 3,000
 * persons with provider cases and delivery rows, seeds/large/provider-cases.ts): distributing an
 * assignment and sending it to delivery — each call a fresh new assignment, so every call does
 * the whole job — and loading each desk folder: the overview with every count, Nya uppdrag to
 * accept and to acknowledge, the unit's persons (first page, deep page, filtered), Mina personer,
 * Ej aktuella and the start dates to register.
 */
import { sql } from 'kysely';
import type { BenchContext } from './lib/context.ts';
import { createAssignment } from '../seeds/lib/assignments.ts';
import { LARGE_PROVIDER_CASE_MARK, PROVIDER_CASE_UNIT } from '../seeds/large/provider-cases.ts';
import type { ScopeUnit } from '../seeds/lib/catalogue.ts';
import { todayInSweden } from '../src/domain/dates.ts';

export const name = 'provider';
export const description =
  'POST /api/assignments/:id/distribution (fresh assignment each call, sent to delivery) and every desk folder for a unit of 3,000 persons';
export const targetP95Ms = 50;

/** The assignments the distribution case writes; distributed ones are left accepted, as in real life. */
const BENCH_MARK = 'Benchmark: uppdrag att fördela.';
const WARMUP = 30;
const ITERATIONS = 300;

export async function run(context: BenchContext): Promise<void> {
  const { large } = context;
  const unitId = large.unitIds.get(PROVIDER_CASE_UNIT)!;
  await settleLeftovers(context);
  // Earlier runs' distributions added rows; measure as autovacuum would have left the tables, not
  // straight after thousands of unvacuumed inserts (index-only scans would read the heap).
  await sql`vacuum (analyze) assignment_states, assignment_events, deliveries, delivery_events, provider_cases, person_unit_links, audit_events`.execute(
    context.ownerDb,
  );
  context.log(await describeUnit(context, unitId));
  const manager = await context.signIn('homeCareUnitManager');
  const get = (path: string, count: (body: any) => number) => async () => {
    const response = await manager.get(path);
    if (response.status !== 200)
      throw new Error(`${path} answered ${response.status}: ${JSON.stringify(response.body)}`);
    return count(response.body);
  };

  await context.measure(
    'desk overview (all counts)',
    get('/api/desk', (body) => body.counts.notCurrent),
  );
  await context.measure(
    'Nya uppdrag to accept, first page',
    get('/api/assignments/new', (body) => body.items.length),
  );
  await context.measure(
    'Nya uppdrag to acknowledge, first page',
    get('/api/desk/unacknowledged', (body) => body.items.length),
  );
  await context.measure(
    'unit persons, page 1 of 60',
    get(`/api/desk/units/${unitId}/persons`, (body) => body.persons.length),
  );
  await context.measure(
    'unit persons, page 30',
    get(`/api/desk/units/${unitId}/persons?page=30`, (body) => body.persons.length),
  );
  await context.measure(
    'unit persons, filtered "an"',
    get(`/api/desk/units/${unitId}/persons?q=an`, (body) => body.persons.length),
  );
  await context.measure(
    'Mina personer',
    get('/api/desk/my-persons', (body) => body.persons.length),
  );
  await context.measure(
    'Ej aktuella – att avsluta (30 days)',
    get('/api/desk/not-current', (body) => body.items.length),
  );
  await context.measure(
    'start dates to register (Att göra)',
    get('/api/desk/starts-to-register', (body) => body.total),
  );

  const assignments = await writeNewAssignments(context, WARMUP + ITERATIONS);
  let next = 0;
  await context.measure(
    'distribute and send to delivery (fresh assignment each call)',
    async () => {
      const assignment = assignments[next++]!;
      const response = await manager.post(`/api/assignments/${assignment.id}/distribution`, {
        stateVersion: 1,
        sendToDelivery: true,
        rows: assignment.interventionIds.map((assignmentInterventionId) => ({
          assignmentInterventionId,
          providerUnitId: unitId,
          formOfDelivery: 'Hemtjänst dag',
          resource: 'Grupp 1',
          periodFrom: todayInSweden(),
          periodTo: null,
          hoursPerVisit: 0.5,
          days: 'whole_week',
          frequency: 2,
          frequencyUnit: 'times_per_day',
        })),
      });
      if (response.status !== 200)
        throw new Error(`Distribution answered ${response.status}: ${JSON.stringify(response.body)}`);
      return assignment.interventionIds.length;
    },
    { warmup: WARMUP, iterations: ITERATIONS },
  );
  await settleLeftovers(context);
}

async function describeUnit(context: BenchContext, unitId: string): Promise<string> {
  const { rows } = await sql<{ persons: number; open: number; waiting: number; rows: number }>`
    select (select count(distinct person_id) from person_unit_links where municipality_id = ${context.large.municipalityId} and unit_id = ${unitId} and (valid_to is null or valid_to >= current_date)) as persons,
           (select count(*) from provider_cases where municipality_id = ${context.large.municipalityId} and provider_unit_id = ${unitId} and closed_on is null) as open,
           (select count(*) from provider_cases where municipality_id = ${context.large.municipalityId} and provider_unit_id = ${unitId} and closed_on is null and acknowledged_at is null) as waiting,
           (select count(*) from deliveries where municipality_id = ${context.large.municipalityId} and provider_unit_id = ${unitId}) as rows`.execute(
    context.ownerDb,
  );
  const row = rows[0]!;
  return `${PROVIDER_CASE_UNIT}: ${row.persons} persons, ${row.open} open provider cases (${row.waiting} waiting to be acknowledged), ${row.rows} delivery rows`;
}

/**
 * Fresh sent assignments (state 'new') to Hemtjänst egen regi, from the decisions of persons whose
 * rows at the unit run on and who are acknowledged: a new assignment for a client the unit already
 * has, so distributing adds rows to the open case and puts it back under Att kvittera (each
 * assignment is acknowledged on its own); settleLeftovers acknowledges them again afterwards.
 */
async function writeNewAssignments(
  context: BenchContext,
  count: number,
): Promise<{ id: string; interventionIds: string[] }[]> {
  const { municipalityId } = context.large;
  const providerId = context.large.unitIds.get('Hemtjänst egen regi')!;
  const { rows: decisions } = await sql<{ id: string; case_id: string; person_id: string; decided_by_id: string }>`
    select d.id, d.case_id, c.person_id, d.decided_by_id
      from decisions d join cases c on c.municipality_id = d.municipality_id and c.id = d.case_id
      join provider_cases pc on pc.municipality_id = c.municipality_id and pc.person_id = c.person_id and pc.closed_on is null and pc.acknowledged_at is not null
     where d.municipality_id = ${municipalityId}
       and exists (select 1 from assignments a where a.municipality_id = d.municipality_id and a.decision_id = d.id and a.instructions = ${LARGE_PROVIDER_CASE_MARK})
       and exists (select 1 from deliveries r where r.municipality_id = pc.municipality_id and r.provider_case_id = pc.id and r.period_to is null)
     order by d.decision_number limit 400`.execute(context.ownerDb);
  if (decisions.length === 0)
    throw new Error('Storkommun has no provider cases; drop vardag_bench to generate it again.');
  const interventions = await context.ownerDb
    .selectFrom('decision_interventions as di')
    .innerJoin('intervention_types as it', (join) =>
      join.onRef('it.municipality_id', '=', 'di.municipality_id').onRef('it.id', '=', 'di.intervention_type_id'),
    )
    .select(['di.id', 'di.decision_id', 'di.intervention_type_id', 'di.granted_amount', 'di.scope_unit'])
    .where('di.municipality_id', '=', municipalityId)
    .where(
      'di.decision_id',
      'in',
      decisions.map((decision) => decision.id),
    )
    .where('it.is_personal_alarm', '=', false)
    .execute();
  const written: { id: string; interventionIds: string[] }[] = [];
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
      sent: { byId: decision.decided_by_id },
      interventions: interventions
        .filter((row) => row.decision_id === decision.id)
        .map((row) => ({
          decisionInterventionId: row.id,
          interventionTypeId: row.intervention_type_id,
          grantedAmount: row.granted_amount === null ? null : Number(row.granted_amount),
          scopeUnit: row.scope_unit as ScopeUnit,
          plannedDays: ['mon', 'thu'],
        })),
    });
    const rows = await context.ownerDb
      .selectFrom('assignment_interventions')
      .select('id')
      .where('municipality_id', '=', municipalityId)
      .where('assignment_id', '=', created.id)
      .orderBy('id')
      .execute();
    written.push({ id: created.id, interventionIds: rows.map((row) => row.id) });
  }
  return written;
}

/**
 * What a run leaves behind, settled before and after it: assignments left undistributed by an
 * interrupted run are accepted, so the assignments benchmark's "Nya uppdrag" keeps exactly its
 * generated backlog; and the cases the distributions put back under Att kvittera are acknowledged
 * by the unit's care worker, so every run measures the folders at the generated 300 waiting.
 */
async function settleLeftovers(context: BenchContext): Promise<void> {
  const { municipalityId } = context.large;
  const staff = await context.ownerDb
    .selectFrom('users')
    .select('id')
    .where('municipality_id', '=', municipalityId)
    .where('username', '=', context.large.users.homeCareStaff.username)
    .executeTakeFirstOrThrow();
  await sql`
    with waiting as (
      select pc.municipality_id, pc.id from provider_cases pc
       where pc.municipality_id = ${municipalityId} and pc.closed_on is null and pc.acknowledged_at is null
         and pc.waiting_again_since is not null
         and exists (select 1 from deliveries d join assignments a on a.municipality_id = d.municipality_id and a.id = d.assignment_id
                      where d.municipality_id = pc.municipality_id and d.provider_case_id = pc.id and a.instructions = ${BENCH_MARK})),
    acknowledged as (
      insert into provider_case_acknowledgements (municipality_id, provider_case_id, assignment_id, acknowledged_at, acknowledged_by_id)
      select distinct d.municipality_id, d.provider_case_id, d.assignment_id, now(), ${staff.id}::uuid
        from deliveries d join waiting w on w.municipality_id = d.municipality_id and w.id = d.provider_case_id
       where not exists (select 1 from provider_case_acknowledgements x
                          where x.municipality_id = d.municipality_id and x.provider_case_id = d.provider_case_id and x.assignment_id = d.assignment_id))
    update provider_cases pc set acknowledged_at = now(), acknowledged_by_id = ${staff.id}::uuid, version = pc.version + 1, updated_at = now()
      from waiting w where pc.municipality_id = w.municipality_id and pc.id = w.id`.execute(context.ownerDb);
  await sql`
    with settled as (
      update assignment_states s set status = 'accepted', changed_at = now(), version = s.version + 1
        from assignments a
       where a.municipality_id = s.municipality_id and a.id = s.assignment_id
         and s.municipality_id = ${context.large.municipalityId} and s.status = 'new' and a.instructions = ${BENCH_MARK}
      returning s.municipality_id, s.assignment_id)
    insert into assignment_events (municipality_id, assignment_id, event, message)
    select municipality_id, assignment_id, 'accepted', 'Benchmark: avslutat efter mätningen.' from settled`.execute(
    context.ownerDb,
  );
}
