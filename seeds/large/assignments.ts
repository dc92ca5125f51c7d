/**
 * Storkommun's assignment load: 5,000 ÄO persons, each with an open case, a granted decision
 * (personlig omvårdnad 20 tim/månad and service 4 tim/månad; every tenth also trygghetslarm) made
 * the day before its assignment was sent (over the last 60 days) to Hemtjänst egen regi and still 'new' — the provider's "Nya uppdrag" as it looks
 * after a backlog. 400 more persons get a case and decision only: the send benchmark writes its
 * drafts from those. Idempotent (a marker in the instructions), written in one transaction with
 * bulk inserts over unnest(arrays), as the rest of the large generator.
 */
import { sql } from 'kysely';
import { addDays } from '../../src/domain/periods.ts';
import { todayInSweden } from '../../src/domain/dates.ts';
import { totalGrantedMinutes, totalStaffMinutes } from '../../src/domain/assignment-time.ts';
import type { Trx } from '../../src/server/platform/db/tenant.ts';
import { createCatalogue } from '../lib/catalogue.ts';
import { CASE_NUMBER_PREFIX, DECISION_NUMBER_PREFIX } from '../../src/domain/decision-rules.ts';
import type { OwnerDb } from '../lib/builders.ts';
import { DEMO_CATALOGUE } from '../demo/catalogues.ts';
import type { LargeMunicipality } from './seed-large.ts';

export const PENDING_ASSIGNMENTS = 5_000;
/** Decisions without an assignment, for the send benchmark's drafts. */
export const SPARE_DECISIONS = 400;
export const PENDING_PROVIDER = 'Hemtjänst egen regi';
/** Marks the generated assignments, so a second run finds them and adds nothing. */
export const LARGE_ASSIGNMENT_MARK = 'Storkommun: genererat uppdrag.';
const YEAR = 2026;

export async function ensureLargeAssignments(
  db: OwnerDb,
  large: LargeMunicipality,
  log: (line: string) => void = () => undefined,
): Promise<void> {
  if (await hasMarkedAssignment(db, large.municipalityId, LARGE_ASSIGNMENT_MARK)) return;
  log(`Generating ${PENDING_ASSIGNMENTS.toLocaleString('en')} pending assignments for ${PENDING_PROVIDER} …`);
  const started = performance.now();
  await db.transaction().execute(async (trx) => {
    const types = await ensureCatalogue(trx, large.municipalityId);
    const persons = await choosePersons(trx, large.municipalityId, PENDING_ASSIGNMENTS + SPARE_DECISIONS);
    const officerId = (
      await trx
        .selectFrom('users')
        .select('id')
        .where('municipality_id', '=', large.municipalityId)
        .where('username', '=', large.users.aoCaseOfficer.username)
        .executeTakeFirstOrThrow()
    ).id;
    const caseIds = await insertCases(trx, large.municipalityId, persons, officerId);
    // Decided the day before each was sent (over the last 60 days); the spares in the last month.
    const today = todayInSweden();
    const dates = persons.map((_, index) => {
      const decisionDate =
        index < PENDING_ASSIGNMENTS
          ? addDays(today, -61 + Math.floor((index * 60) / PENDING_ASSIGNMENTS))
          : addDays(today, -(1 + (index % 30)));
      return { outcome: 'granted' as const, decisionDate, periodFrom: decisionDate, periodTo: null };
    });
    const decisionIds = await insertDecisions(trx, large.municipalityId, caseIds, officerId, types.legalBasisId, dates);
    await insertDecisionInterventions(trx, large.municipalityId, decisionIds, types);
    const pending = persons
      .slice(0, PENDING_ASSIGNMENTS)
      .map((person, index) => ({ ...person, caseId: caseIds[index]!, decisionId: decisionIds[index]! }));
    await insertSentAssignments(trx, large.municipalityId, pending, large.unitIds.get(PENDING_PROVIDER)!, officerId);
  });
  await sql`analyze cases, decisions, decision_interventions, assignments, assignment_interventions, assignment_life_areas, assignment_states, assignment_events, person_unit_links`.execute(
    db,
  );
  // Every other table it wrote as well (units, catalogues, acknowledgements): without statistics the planner
  // guesses, and on a PostgreSQL with autovacuum off (this machine's) it goes on guessing (bench/README.md).
  await sql`analyze`.execute(db);
  log(`Generated the assignments in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
}

export interface CatalogueIds {
  legalBasisId: string;
  personalCare: string;
  service: string;
  alarm: string;
}

/** The demo's catalogue, unless Storkommun already has one. */
export async function ensureCatalogue(trx: Trx, municipalityId: string): Promise<CatalogueIds> {
  const find = () =>
    trx
      .selectFrom('intervention_types')
      .select(['id', 'name'])
      .where('municipality_id', '=', municipalityId)
      .where('service_area', '=', 'AO')
      .where('name', 'in', ['Personlig omvårdnad', 'Service', 'Trygghetslarm'])
      .execute();
  let rows = await find();
  if (rows.length < 3) {
    await createCatalogue(trx, municipalityId, DEMO_CATALOGUE);
    rows = await find();
  }
  const basis = await trx
    .selectFrom('legal_bases')
    .select('id')
    .where('municipality_id', '=', municipalityId)
    .where('code', '=', 'SoL 11 kap. 1 §')
    .executeTakeFirstOrThrow();
  const id = (name: string) => rows.find((row) => row.name === name)!.id;
  return {
    legalBasisId: basis.id,
    personalCare: id('Personlig omvårdnad'),
    service: id('Service'),
    alarm: id('Trygghetslarm'),
  };
}

/** Whether a part of the generator already ran: its assignments carry its mark in the instructions. */
export async function hasMarkedAssignment(db: OwnerDb, municipalityId: string, mark: string): Promise<boolean> {
  const row = await db
    .selectFrom('assignments')
    .select('id')
    .where('municipality_id', '=', municipalityId)
    .where('instructions', '=', mark)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

export interface ChosenPerson {
  personId: string;
  authorityUnitId: string;
}

/** Living ÄO persons with an ongoing case link and no open ÄO case, in a repeatable order. */
async function choosePersons(trx: Trx, municipalityId: string, count: number): Promise<ChosenPerson[]> {
  const { rows } = await sql<{ person_id: string; unit_id: string }>`
    select distinct on (md5(p.id::text), p.id) p.id as person_id, l.unit_id
      from persons p
      join person_unit_links l on l.municipality_id = p.municipality_id and l.person_id = p.id
      join units u on u.municipality_id = l.municipality_id and u.id = l.unit_id
     where p.municipality_id = ${municipalityId} and p.deceased_date is null and not p.protected_identity
       and l.source = 'case' and l.valid_to is null and u.kind = 'authority_unit' and u.service_area = 'AO'
       and not exists (select 1 from cases c where c.municipality_id = p.municipality_id and c.person_id = p.id and c.service_area = 'AO' and c.closed_on is null)
     order by md5(p.id::text), p.id
     limit ${count}`.execute(trx);
  if (rows.length < count)
    throw new Error(`Storkommun has only ${rows.length} ÄO persons without an open case; ${count} needed`);
  return rows.map((row) => ({ personId: row.person_id, authorityUnitId: row.unit_id }));
}

/** A block of running numbers: the series moves on by `count` in one statement. */
export async function takeNumbers(
  trx: Trx,
  municipalityId: string,
  series: 'case' | 'decision' | 'assignment',
  prefix: string,
  count: number,
): Promise<string[]> {
  const { rows } = await sql<{ last_value: number }>`
    insert into number_series (municipality_id, series, year, last_value) values (${municipalityId}, ${series}, ${YEAR}, ${count})
    on conflict (municipality_id, series, year) do update set last_value = number_series.last_value + ${count}
    returning last_value`.execute(trx);
  const first = rows[0]!.last_value - count + 1;
  return Array.from({ length: count }, (_, index) => `${prefix}-${YEAR}-${String(first + index).padStart(5, '0')}`);
}

// RETURNING promises no order, so the ids are put back in the order of the numbers handed out.
export function inOrderOf(numbers: readonly string[], rows: readonly { id: string; number: string }[]): string[] {
  const byNumber = new Map(rows.map((row) => [row.number, row.id]));
  return numbers.map((number) => byNumber.get(number)!);
}

export async function insertCases(
  trx: Trx,
  municipalityId: string,
  persons: readonly ChosenPerson[],
  officerId: string,
): Promise<string[]> {
  const numbers = await takeNumbers(trx, municipalityId, 'case', CASE_NUMBER_PREFIX.AO, persons.length);
  const { rows } = await sql<{ id: string; number: string }>`
    insert into cases (municipality_id, person_id, service_area, authority_unit_id, case_officer_id, case_number, opened_on)
    select ${municipalityId}, person_id, 'AO', unit_id, ${officerId}, case_number, date '2026-01-02'
      from unnest(${persons.map((person) => person.personId)}::uuid[], ${persons.map((person) => person.authorityUnitId)}::uuid[], ${numbers}::text[])
        as t(person_id, unit_id, case_number)
    returning id, case_number as number`.execute(trx);
  return inOrderOf(numbers, rows);
}

export interface DecisionDates {
  outcome: 'granted' | 'refused';
  decisionDate: string;
  periodFrom: string;
  periodTo: string | null;
}

/** Granted on 2026-01-10 from 2026-01-15 tills vidare, unless each decision's own dates are given. */
export async function insertDecisions(
  trx: Trx,
  municipalityId: string,
  caseIds: readonly string[],
  officerId: string,
  legalBasisId: string,
  dates?: readonly DecisionDates[],
): Promise<string[]> {
  const numbers = await takeNumbers(trx, municipalityId, 'decision', DECISION_NUMBER_PREFIX, caseIds.length);
  const each =
    dates ??
    caseIds.map(() => ({ outcome: 'granted', decisionDate: '2026-01-10', periodFrom: '2026-01-15', periodTo: null }));
  const { rows } = await sql<{ id: string; number: string }>`
    insert into decisions (municipality_id, case_id, decision_number, outcome, legal_basis_id, decision_date, period_from, period_to, decided_by_id)
    select ${municipalityId}, case_id, decision_number, outcome, ${legalBasisId}, decision_date, period_from, period_to, ${officerId}
      from unnest(${[...caseIds]}::uuid[], ${numbers}::text[], ${each.map((d) => d.outcome)}::text[], ${each.map((d) => d.decisionDate)}::date[],
                  ${each.map((d) => d.periodFrom)}::date[], ${each.map((d) => d.periodTo)}::date[])
        as t(case_id, decision_number, outcome, decision_date, period_from, period_to)
    returning id, decision_number as number`.execute(trx);
  return inOrderOf(numbers, rows);
}

export async function insertDecisionInterventions(
  trx: Trx,
  municipalityId: string,
  decisionIds: readonly string[],
  types: CatalogueIds,
  /** Every tenth also a personal alarm (whose rows the generator does not write: Larmgruppen's). */
  withAlarms = true,
): Promise<void> {
  const rows = decisionIds.flatMap((decisionId, index) => [
    { decisionId, typeId: types.personalCare, amount: 20 as number | null, unit: 'hours_per_month' },
    { decisionId, typeId: types.service, amount: 4 as number | null, unit: 'hours_per_month' },
    ...(withAlarms && index % 10 === 0 ? [{ decisionId, typeId: types.alarm, amount: null, unit: 'none' }] : []),
  ]);
  await sql`
    insert into decision_interventions (municipality_id, decision_id, intervention_type_id, granted_amount, scope_unit)
    select ${municipalityId}, * from unnest(${rows.map((row) => row.decisionId)}::uuid[], ${rows.map((row) => row.typeId)}::uuid[],
      ${rows.map((row) => row.amount)}::numeric[], ${rows.map((row) => row.unit)}::text[])`.execute(trx);
}

/**
 * Written as drafts with their rows, then sent in one update (the database freezes them from then
 * on): sent over the last 60 days, newest last, each with its state, event and provider link.
 */
async function insertSentAssignments(
  trx: Trx,
  municipalityId: string,
  pending: readonly (ChosenPerson & { caseId: string; decisionId: string })[],
  providerId: string,
  officerId: string,
): Promise<void> {
  const numbers = await takeNumbers(trx, municipalityId, 'assignment', 'U', pending.length);
  const total = totalGrantedMinutes(
    [20, 4].map((hours) => ({
      scopeUnit: 'hours_per_month' as const,
      grantedAmount: hours,
      minutesPerOccasion: null,
      isTwoStaff: false,
    })),
  );
  const staff = totalStaffMinutes(
    [20, 4].map((hours) => ({
      scopeUnit: 'hours_per_month' as const,
      grantedAmount: hours,
      minutesPerOccasion: null,
      isTwoStaff: false,
    })),
  );
  const { rows } = await sql<{ id: string; person_id: string }>`
    insert into assignments (municipality_id, assignment_number, case_id, decision_id, person_id, provider_id, instructions, total_granted_minutes, total_staff_minutes, created_by_id, created_at)
    select ${municipalityId}, assignment_number, case_id, decision_id, person_id, ${providerId}, ${LARGE_ASSIGNMENT_MARK}, ${total}, ${staff}, ${officerId},
           now() - interval '60 days' + position * (interval '60 days' / ${pending.length})
      from unnest(${numbers}::text[], ${pending.map((row) => row.caseId)}::uuid[], ${pending.map((row) => row.decisionId)}::uuid[], ${pending.map((row) => row.personId)}::uuid[])
        with ordinality as t(assignment_number, case_id, decision_id, person_id, position)
    returning id, person_id`.execute(trx);
  const ids = rows.map((row) => row.id);
  await sql`
    insert into assignment_interventions (municipality_id, assignment_id, decision_intervention_id, intervention_type_id, granted_amount, scope_unit, planned_days)
    select a.municipality_id, a.id, di.id, di.intervention_type_id, di.granted_amount, di.scope_unit, array['mon', 'wed', 'fri']
      from assignments a join decision_interventions di on di.municipality_id = a.municipality_id and di.decision_id = a.decision_id
     where a.municipality_id = ${municipalityId} and a.id = any(${ids}::uuid[])`.execute(trx);
  await sql`
    insert into assignment_life_areas (municipality_id, assignment_id, life_area, need, goal)
    select ${municipalityId}, id, 'sense_of_security', 'Känner sig otrygg ensam på kvällarna.', 'Känna sig trygg hemma.' from unnest(${ids}::uuid[]) as t(id)`.execute(
    trx,
  );
  await sql`
    update assignments set sent_at = created_at + interval '1 hour', sent_by_id = ${officerId}, sent_via = 'system'
     where municipality_id = ${municipalityId} and id = any(${ids}::uuid[])`.execute(trx);
  await sql`
    insert into assignment_states (municipality_id, assignment_id, status, changed_at, changed_by_id)
    select municipality_id, id, 'new', sent_at, sent_by_id from assignments where municipality_id = ${municipalityId} and id = any(${ids}::uuid[])`.execute(
    trx,
  );
  await sql`
    insert into assignment_events (municipality_id, assignment_id, event, occurred_at, actor_id)
    select municipality_id, id, 'sent', sent_at, sent_by_id from assignments where municipality_id = ${municipalityId} and id = any(${ids}::uuid[])`.execute(
    trx,
  );
  await sql`
    insert into person_unit_links (municipality_id, person_id, unit_id, source, source_id, valid_from)
    select municipality_id, person_id, provider_id, 'assignment', id, sent_at::date from assignments where municipality_id = ${municipalityId} and id = any(${ids}::uuid[])`.execute(
    trx,
  );
}
