/**
 * Storkommun's provider-side load at Hemtjänst Centrum (about 3,000 persons): every living person
 * the unit has (and who has no other open ÄO case) gets a case, a granted decision, an assignment
 * sent to Hemtjänst egen regi and accepted, delivery rows at the unit (personlig omvårdnad and
 * service) with their history, and a provider case. Of those, 300 were sent to delivery in the
 * last two weeks and wait to be acknowledged (kvitteras), 400 had their rows ended 1–60 days ago
 * ("Ej aktuella – att avsluta"), and the rest run on, acknowledged. The unit's manager and a care
 * worker keep 40 persons each under "Mina personer". Idempotent (a marker in the instructions),
 * one transaction, bulk inserts over unnest(arrays) as the rest of the large generator.
 */
import { sql } from 'kysely';
import { totalGrantedMinutes, totalStaffMinutes } from '../../src/domain/assignment-time.ts';
import { addDays } from '../../src/domain/periods.ts';
import { todayInSweden } from '../../src/domain/dates.ts';
import type { Trx } from '../../src/server/platform/db/tenant.ts';
import type { OwnerDb } from '../lib/builders.ts';
import {
  ensureCatalogue,
  hasMarkedAssignment,
  insertCases,
  insertDecisionInterventions,
  insertDecisions,
  takeNumbers,
  type ChosenPerson,
} from './assignments.ts';
import { BIG_HOME_CARE_UNIT } from './users.ts';
import type { LargeMunicipality } from './seed-large.ts';

export const PROVIDER_CASE_UNIT = BIG_HOME_CARE_UNIT;
export const UNACKNOWLEDGED_CASES = 300;
export const NOT_CURRENT_CASES = 400;
export const MY_PERSONS_PER_USER = 40;
/** Marks the generated assignments, so a second run finds them and adds nothing; the benchmark picks its decisions by it. */
export const LARGE_PROVIDER_CASE_MARK = 'Storkommun: genererat genomförande.';
const END_REASONS = [
  'Flyttat till särskilt boende',
  'Avliden',
  'Behovet upphört',
  'Flyttat från kommunen',
  'Tackat nej till insatsen',
];

type Group = 'unacknowledged' | 'not_current' | 'ongoing';

export async function ensureLargeProviderCases(
  db: OwnerDb,
  large: LargeMunicipality,
  log: (line: string) => void = () => undefined,
): Promise<void> {
  const { municipalityId } = large;
  if (await hasMarkedAssignment(db, municipalityId, LARGE_PROVIDER_CASE_MARK)) return;
  log(`Generating provider cases and delivery rows at ${PROVIDER_CASE_UNIT} …`);
  const started = performance.now();
  const unitId = large.unitIds.get(PROVIDER_CASE_UNIT)!;
  await db.transaction().execute(async (trx) => {
    const types = await ensureCatalogue(trx, municipalityId);
    const userId = async (username: string) =>
      (
        await trx
          .selectFrom('users')
          .select('id')
          .where('municipality_id', '=', municipalityId)
          .where('username', '=', username)
          .executeTakeFirstOrThrow()
      ).id;
    const officerId = await userId(large.users.aoCaseOfficer.username);
    const managerId = await userId(large.users.homeCareUnitManager.username);
    const staffId = await userId(large.users.homeCareStaff.username);
    const persons = await choosePersons(trx, municipalityId, unitId);
    const groups = persons.map(
      (_, index): Group =>
        index < UNACKNOWLEDGED_CASES
          ? 'unacknowledged'
          : index < UNACKNOWLEDGED_CASES + NOT_CURRENT_CASES
            ? 'not_current'
            : 'ongoing',
    );
    const caseIds = await insertCases(trx, municipalityId, persons, officerId);
    const today = todayInSweden();
    // Those waiting to be acknowledged were decided a few days before they were sent; the rest in January.
    const decisionDates = groups.map((group, index) => {
      const decisionDate =
        group === 'unacknowledged' ? addDays(datesFor(group, index, today).periodFrom, -3) : '2026-01-10';
      return { outcome: 'granted' as const, decisionDate, periodFrom: decisionDate, periodTo: null };
    });
    const decisionIds = await insertDecisions(
      trx,
      municipalityId,
      caseIds,
      officerId,
      types.legalBasisId,
      decisionDates,
    );
    await insertDecisionInterventions(trx, municipalityId, decisionIds, types);
    const assignmentIds = await insertAcceptedAssignments(
      trx,
      municipalityId,
      persons.map((person, index) => ({ ...person, caseId: caseIds[index]!, decisionId: decisionIds[index]! })),
      large.unitIds.get('Hemtjänst egen regi')!,
      officerId,
      managerId,
    );

    const cases = persons.map((person, index) => ({
      personId: person.personId,
      assignmentId: assignmentIds[index]!,
      group: groups[index]!,
      ...datesFor(groups[index]!, index, today),
    }));
    const providerCaseIds = await insertProviderCases(trx, municipalityId, unitId, cases, staffId);
    await insertDeliveries(
      trx,
      municipalityId,
      unitId,
      cases.map((row, index) => ({ ...row, providerCaseId: providerCaseIds[index]! })),
      managerId,
    );
    await insertMyPersons(
      trx,
      municipalityId,
      [managerId, staffId],
      cases
        .filter((row) => row.group === 'ongoing')
        .slice(0, MY_PERSONS_PER_USER)
        .map((row) => row.personId),
    );
  });
  // Fresh statistics and visibility map, as autovacuum would leave them: the unit's links were just
  // updated, and until vacuumed every index-only read of them also reads the table.
  await sql`vacuum (analyze) cases, decisions, decision_interventions, assignments, assignment_interventions, assignment_states, provider_cases, deliveries, delivery_events, my_persons, person_unit_links`.execute(
    db,
  );
  // Every other table it wrote as well (units, catalogues, acknowledgements): without statistics the planner
  // guesses, and on a PostgreSQL with autovacuum off (this machine's) it goes on guessing (bench/README.md).
  await sql`analyze`.execute(db);
  log(`Generated the provider cases in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
}

/** The unit's living persons with an ongoing link there and no open ÄO case, in a repeatable order. */
async function choosePersons(trx: Trx, municipalityId: string, unitId: string): Promise<ChosenPerson[]> {
  const { rows } = await sql<{ person_id: string; unit_id: string }>`
    select distinct on (md5(p.id::text), p.id) p.id as person_id, authority.unit_id
      from persons p
      join person_unit_links here on here.municipality_id = p.municipality_id and here.person_id = p.id
      join person_unit_links authority on authority.municipality_id = p.municipality_id and authority.person_id = p.id
      join units u on u.municipality_id = authority.municipality_id and u.id = authority.unit_id
     where p.municipality_id = ${municipalityId} and p.deceased_date is null
       and here.unit_id = ${unitId} and here.source = 'provider_case' and here.valid_to is null
       and authority.source = 'case' and authority.valid_to is null and u.kind = 'authority_unit' and u.service_area = 'AO'
       and not exists (select 1 from cases c where c.municipality_id = p.municipality_id and c.person_id = p.id and c.service_area = 'AO' and c.closed_on is null)
     order by md5(p.id::text), p.id`.execute(trx);
  if (rows.length < UNACKNOWLEDGED_CASES + NOT_CURRENT_CASES + 1000)
    throw new Error(`${PROVIDER_CASE_UNIT} has only ${rows.length} persons to give provider cases`);
  return rows.map((row) => ({ personId: row.person_id, authorityUnitId: row.unit_id }));
}

interface Dates {
  /** The first row's first day; the case opens that day. */
  periodFrom: string;
  /** Null while the rows run on. */
  periodTo: string | null;
}

/** Waiting ones were sent 0–13 days ago; ended ones ended 1–60 days ago; the rest started in January. */
function datesFor(group: Group, index: number, today: string): Dates {
  if (group === 'unacknowledged') return { periodFrom: addDays(today, -(index % 14)), periodTo: null };
  if (group === 'not_current') return { periodFrom: '2026-01-20', periodTo: addDays(today, -(1 + (index % 60))) };
  return { periodFrom: '2026-01-20', periodTo: null };
}

/** Sent on the day after the decision and accepted the next: state 'accepted', both events, the provider link. */
export async function insertAcceptedAssignments(
  trx: Trx,
  municipalityId: string,
  rows: readonly (ChosenPerson & { caseId: string; decisionId: string })[],
  providerId: string,
  officerId: string,
  managerId: string,
  mark: string = LARGE_PROVIDER_CASE_MARK,
): Promise<string[]> {
  const numbers = await takeNumbers(trx, municipalityId, 'assignment', 'U', rows.length);
  const hours = [20, 4].map((amount) => ({
    scopeUnit: 'hours_per_month' as const,
    grantedAmount: amount,
    minutesPerOccasion: null,
    isTwoStaff: false,
  }));
  const { rows: inserted } = await sql<{ id: string; number: string }>`
    insert into assignments (municipality_id, assignment_number, case_id, decision_id, person_id, provider_id, instructions, total_granted_minutes, total_staff_minutes, created_by_id, created_at)
    select ${municipalityId}, assignment_number, case_id, decision_id, person_id, ${providerId}, ${mark}, ${totalGrantedMinutes(hours)}, ${totalStaffMinutes(hours)}, ${officerId}, timestamptz '2026-01-11 09:00+01'
      from unnest(${numbers}::text[], ${rows.map((row) => row.caseId)}::uuid[], ${rows.map((row) => row.decisionId)}::uuid[], ${rows.map((row) => row.personId)}::uuid[])
        as t(assignment_number, case_id, decision_id, person_id)
    returning id, assignment_number as number`.execute(trx);
  const byNumber = new Map(inserted.map((row) => [row.number, row.id]));
  const ids = numbers.map((number) => byNumber.get(number)!);
  await sql`
    insert into assignment_interventions (municipality_id, assignment_id, decision_intervention_id, intervention_type_id, granted_amount, scope_unit, planned_days)
    select a.municipality_id, a.id, di.id, di.intervention_type_id, di.granted_amount, di.scope_unit, array['mon', 'wed', 'fri']
      from assignments a join decision_interventions di on di.municipality_id = a.municipality_id and di.decision_id = a.decision_id
     where a.municipality_id = ${municipalityId} and a.id = any(${ids}::uuid[])`.execute(trx);
  await sql`
    update assignments set sent_at = created_at + interval '1 hour', sent_by_id = ${officerId}, sent_via = 'system'
     where municipality_id = ${municipalityId} and id = any(${ids}::uuid[])`.execute(trx);
  await sql`
    insert into assignment_states (municipality_id, assignment_id, status, changed_at, changed_by_id)
    select municipality_id, id, 'accepted', sent_at + interval '1 day', ${managerId} from assignments where municipality_id = ${municipalityId} and id = any(${ids}::uuid[])`.execute(
    trx,
  );
  await sql`
    insert into assignment_events (municipality_id, assignment_id, event, occurred_at, actor_id)
    select municipality_id, id, 'sent', sent_at, sent_by_id from assignments where municipality_id = ${municipalityId} and id = any(${ids}::uuid[])
    union all
    select municipality_id, id, 'accepted', sent_at + interval '1 day', ${managerId} from assignments where municipality_id = ${municipalityId} and id = any(${ids}::uuid[])`.execute(
    trx,
  );
  await sql`
    insert into person_unit_links (municipality_id, person_id, unit_id, source, source_id, valid_from)
    select municipality_id, person_id, provider_id, 'assignment', id, sent_at::date from assignments where municipality_id = ${municipalityId} and id = any(${ids}::uuid[])`.execute(
    trx,
  );
  return ids;
}

export type CaseRow = { personId: string; assignmentId: string; group: Group } & Dates;

/**
 * The provider cases, opened on the first row's day, acknowledged by the care worker unless
 * waiting. The person's generated link to the unit already exists; it now names its case.
 */
export async function insertProviderCases(
  trx: Trx,
  municipalityId: string,
  unitId: string,
  rows: readonly CaseRow[],
  staffId: string,
): Promise<string[]> {
  const { rows: inserted } = await sql<{ id: string; person_id: string }>`
    insert into provider_cases (municipality_id, person_id, provider_unit_id, opened_on, acknowledged_at, acknowledged_by_id, created_at)
    select ${municipalityId}, person_id, ${unitId}, opened_on,
           case when waiting then null else opened_on + time '10:00' end, case when waiting then null else ${staffId}::uuid end,
           opened_on + time '08:00' + position * interval '1 second'
      from unnest(${rows.map((row) => row.personId)}::uuid[], ${rows.map((row) => row.periodFrom)}::date[], ${rows.map((row) => row.group === 'unacknowledged')}::boolean[])
        with ordinality as t(person_id, opened_on, waiting, position)
    returning id, person_id`.execute(trx);
  const byPerson = new Map(inserted.map((row) => [row.person_id, row.id]));
  await sql`
    update person_unit_links l set source_id = pc.id
      from provider_cases pc
     where pc.municipality_id = ${municipalityId} and pc.provider_unit_id = ${unitId} and pc.closed_on is null
       and l.municipality_id = pc.municipality_id and l.person_id = pc.person_id and l.unit_id = pc.provider_unit_id
       and l.source = 'provider_case' and l.valid_to is null and l.source_id is null`.execute(trx);
  return rows.map((row) => byPerson.get(row.personId)!);
}

/**
 * One row per intervention (personlig omvårdnad, service; the personal alarms are Larmgruppen's),
 * sent to delivery when the case opened; the not-current ones ended. The history has the row's
 * 'registered', 'sent_to_delivery' and, for those, 'ended' snapshots, in the app's shape.
 */
export async function insertDeliveries(
  trx: Trx,
  municipalityId: string,
  unitId: string,
  rows: readonly (CaseRow & { providerCaseId: string })[],
  managerId: string,
): Promise<void> {
  await sql`
    insert into deliveries (municipality_id, assignment_id, assignment_intervention_id, decision_id, person_id, provider_unit_id, provider_case_id, status,
                            form_of_delivery, resource, period_from, period_to, hours_per_visit, days, frequency, frequency_unit, started_on, end_reason,
                            sent_to_delivery_at, sent_to_delivery_by_id, created_by_id, version, created_at, updated_at)
    select a.municipality_id, a.id, ai.id, a.decision_id, a.person_id, ${unitId}, t.provider_case_id,
           case when t.period_to is null then 'sent_to_delivery' else 'ended' end,
           'Hemtjänst dag', 'Grupp ' || (1 + t.position % 4), t.period_from, t.period_to,
           case when it.name = 'Service' then 1.0 else 0.5 end, 'whole_week',
           case when it.name = 'Service' then 1 else 2 end, case when it.name = 'Service' then 'times_per_week' else 'times_per_day' end,
           case when t.waiting then null else t.period_from end,
           case when t.period_to is null then null else (${END_REASONS}::text[])[1 + t.position % ${END_REASONS.length}] end,
           t.period_from + time '09:00', ${managerId}, ${managerId}, case when t.period_to is not null then 4 when t.waiting then 2 else 3 end,
           t.period_from + time '08:30', t.period_from + time '09:00'
      from unnest(${rows.map((row) => row.assignmentId)}::uuid[], ${rows.map((row) => row.providerCaseId)}::uuid[], ${rows.map((row) => row.periodFrom)}::date[],
                  ${rows.map((row) => row.periodTo)}::date[], ${rows.map((row) => row.group === 'unacknowledged')}::boolean[]) with ordinality as t(assignment_id, provider_case_id, period_from, period_to, waiting, position)
      join assignments a on a.municipality_id = ${municipalityId} and a.id = t.assignment_id
      join assignment_interventions ai on ai.municipality_id = a.municipality_id and ai.assignment_id = a.id
      join intervention_types it on it.municipality_id = ai.municipality_id and it.id = ai.intervention_type_id
     where not it.is_personal_alarm`.execute(trx);
  // As the row stood after each event: registered and sent tills vidare, not yet started or ended.
  const snapshot = (status: string, version: string, isFinal: boolean, hasStarted = isFinal) => sql`jsonb_build_object(
      'status', ${status}::text, 'providerUnitId', d.provider_unit_id, 'providerCaseId', ${sql.raw(status === 'under_distribution' ? 'null::uuid' : 'd.provider_case_id')},
      'label', d.label, 'formOfDelivery', d.form_of_delivery, 'resource', d.resource, 'resourceUse', d.resource_use, 'watchDate', d.watch_date,
      'periodFrom', d.period_from, 'periodTo', ${sql.raw(isFinal ? 'd.period_to' : 'null::date')}, 'hoursPerVisit', d.hours_per_visit,
      'extraHoursTwoStaff', d.extra_hours_two_staff, 'days', d.days, 'frequency', d.frequency, 'frequencyUnit', d.frequency_unit,
      'startedOn', ${sql.raw(hasStarted ? 'd.started_on' : 'null::date')}, 'endReason', ${sql.raw(isFinal ? 'd.end_reason' : 'null::text')},
      'continuesDeliveryId', d.continues_delivery_id, 'version', ${sql.raw(version)})`;
  const ofUnit = sql`d.municipality_id = ${municipalityId} and d.provider_unit_id = ${unitId}`;
  await sql`
    insert into delivery_events (municipality_id, delivery_id, event, occurred_at, actor_id, snapshot)
    select d.municipality_id, d.id, 'registered', d.created_at, d.created_by_id, ${snapshot('under_distribution', '1', false)} from deliveries d where ${ofUnit}
    union all
    select d.municipality_id, d.id, 'sent_to_delivery', d.sent_to_delivery_at, d.created_by_id, ${snapshot('sent_to_delivery', '2', false)} from deliveries d where ${ofUnit}
    union all
    select d.municipality_id, d.id, 'started', d.sent_to_delivery_at + interval '1 day', d.created_by_id, ${snapshot('sent_to_delivery', '3', false, true)}
      from deliveries d where ${ofUnit} and d.started_on is not null
    union all
    select d.municipality_id, d.id, 'ended', d.period_to + time '12:00', d.created_by_id, ${snapshot('ended', '4', true)} from deliveries d where ${ofUnit} and d.status = 'ended'`.execute(
    trx,
  );
}

async function insertMyPersons(
  trx: Trx,
  municipalityId: string,
  userIds: readonly string[],
  personIds: readonly string[],
): Promise<void> {
  await sql`
    insert into my_persons (municipality_id, user_id, person_id)
    select ${municipalityId}, u.id, p.id from unnest(${[...userIds]}::uuid[]) as u(id) cross join unnest(${[...personIds]}::uuid[]) as p(id)`.execute(
    trx,
  );
}
