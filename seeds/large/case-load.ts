/**
 * Storkommun's case load, for the watches (issue 16): every living ÄO person with a case link and
 * no open ÄO case gets a case held by one of 150 generated case officers, and a decision made
 * since July 2025. Those with a provider unit (about 45,000) were granted personlig omvårdnad and
 * service, sent to the unit's provider, accepted and delivered from the period's start — but 3 %
 * wait for their start to be registered (and the case to be acknowledged) and 1 % have been
 * interrupted for 2–5 months; a third of the periods end within a year, some of them this month.
 * Those without a provider unit were mostly refused; one in ten was granted and waits, a quarter of
 * those past three months. Idempotent
 * (a marker in the instructions), one transaction, bulk inserts as the rest of the generator.
 */
import { sql } from 'kysely';
import { addDays } from '../../src/domain/periods.ts';
import { todayInSweden } from '../../src/domain/dates.ts';
import { hashPassword } from '../../src/server/platform/auth/password.ts';
import type { Trx } from '../../src/server/platform/db/tenant.ts';
import { createUser, type OwnerDb } from '../lib/builders.ts';
import {
  ensureCatalogue,
  hasMarkedAssignment,
  insertCases,
  insertDecisionInterventions,
  insertDecisions,
  type ChosenPerson,
  type DecisionDates,
  LARGE_ASSIGNMENT_MARK,
} from './assignments.ts';
import {
  PROVIDER_CASE_UNIT,
  insertAcceptedAssignments,
  insertDeliveries,
  insertProviderCases,
} from './provider-cases.ts';
import { LARGE_PASSWORD } from './users.ts';
import type { LargeMunicipality } from './seed-large.ts';

export const CASE_LOAD_MARK = 'Storkommun: genererad ärendemängd.';
export const CASE_LOAD_OFFICERS = 150;

interface LoadPerson extends ChosenPerson {
  /** The person's current provider unit and its provider, if any. */
  unitId: string | null;
  providerId: string | null;
}

export async function ensureLargeCaseLoad(
  db: OwnerDb,
  large: LargeMunicipality,
  log: (line: string) => void = () => undefined,
): Promise<void> {
  const { municipalityId } = large;
  if (await hasMarkedAssignment(db, municipalityId, CASE_LOAD_MARK)) return;
  log('Generating the case load (cases, decisions, delivered assignments for every ÄO person) …');
  const started = performance.now();
  const today = todayInSweden();
  await db.transaction().execute(async (trx) => {
    const types = await ensureCatalogue(trx, municipalityId);
    const persons = await choosePersons(trx, municipalityId);
    const officers = await createOfficers(trx, large);
    const managerId = await userId(trx, municipalityId, large.users.homeCareUnitManager.username);
    const staffId = await userId(trx, municipalityId, large.users.homeCareStaff.username);
    const caseIds = await insertCases(trx, municipalityId, persons, officers[0]!);
    await sql`
      update cases c set case_officer_id = (${officers}::uuid[])[1 + t.position % ${officers.length}]
        from unnest(${caseIds}::uuid[]) with ordinality as t(id, position)
       where c.municipality_id = ${municipalityId} and c.id = t.id`.execute(trx);
    const dates = persons.map((person, index) => decisionDates(person, index, today));
    const decisionIds = await insertDecisions(trx, municipalityId, caseIds, officers[0]!, types.legalBasisId, dates);
    await insertDecisionInterventions(
      trx,
      municipalityId,
      decisionIds.filter((_, index) => dates[index]!.outcome === 'granted'),
      types,
      // No alarms: their rows would be Larmgruppen's, which this load does not write, so every
      // alarm would count as a decision not delivered.
      false,
    );
    const delivered = persons
      .map((person, index) => ({ ...person, caseId: caseIds[index]!, decisionId: decisionIds[index]!, index }))
      .filter((row) => row.unitId !== null);
    for (const providerId of new Set(delivered.map((row) => row.providerId!))) {
      const ofProvider = delivered.filter((row) => row.providerId === providerId);
      const assignmentIds = await insertAcceptedAssignments(
        trx,
        municipalityId,
        ofProvider,
        providerId,
        officers[0]!,
        managerId,
        CASE_LOAD_MARK,
      );
      for (const unitId of new Set(ofProvider.map((row) => row.unitId!))) {
        const rows = ofProvider
          .map((row, i) => ({ ...row, assignmentId: assignmentIds[i]! }))
          .filter((row) => row.unitId === unitId)
          .map((row) => ({
            personId: row.personId,
            assignmentId: row.assignmentId,
            group: row.index % 100 < 3 ? ('unacknowledged' as const) : ('ongoing' as const),
            periodFrom: dates[row.index]!.periodFrom,
            periodTo: null,
          }));
        const providerCaseIds = await insertProviderCases(trx, municipalityId, unitId, rows, staffId);
        await insertDeliveries(
          trx,
          municipalityId,
          unitId,
          rows.map((row, i) => ({ ...row, providerCaseId: providerCaseIds[i]! })),
          managerId,
        );
      }
    }
    await insertInterruptions(trx, municipalityId, managerId, today);
    // The assignment backlog's cases (assignments.ts) go to the officers too: no officer holds 5,000.
    await sql`
      update cases c set case_officer_id = (${officers}::uuid[])[1 + (abs(hashtext(c.id::text)) % ${officers.length})]
        from assignments a
       where a.municipality_id = ${municipalityId} and a.instructions = ${LARGE_ASSIGNMENT_MARK}
         and c.municipality_id = a.municipality_id and c.id = a.case_id`.execute(trx);
  });
  await sql`vacuum (analyze) cases, decisions, decision_interventions, assignments, assignment_interventions, assignment_states, provider_cases, deliveries, delivery_events, interruptions, person_unit_links`.execute(
    db,
  );
  log(`Generated the case load in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
}

async function userId(trx: Trx, municipalityId: string, username: string): Promise<string> {
  const row = await trx
    .selectFrom('users')
    .select('id')
    .where('municipality_id', '=', municipalityId)
    .where('username', '=', username)
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Case officers at the ÄO authority units, in turn: about 400 cases each, a real officer's load. */
async function createOfficers(trx: Trx, large: LargeMunicipality): Promise<string[]> {
  const units = await trx
    .selectFrom('units')
    .select('id')
    .where('municipality_id', '=', large.municipalityId)
    .where('kind', '=', 'authority_unit')
    .where('service_area', '=', 'AO')
    .orderBy('name')
    .execute();
  const passwordHash = await hashPassword(LARGE_PASSWORD);
  const ids: string[] = [];
  for (let i = 1; i <= CASE_LOAD_OFFICERS; i++) {
    const number = String(i).padStart(3, '0');
    const created = await createUser(trx, large.municipalityId, passwordHash, {
      username: `stor.handl${number}`,
      displayName: `Handläggare ${number}`,
      positions: [{ unitId: units[i % units.length]!.id, title: 'Biståndshandläggare', roles: ['case_officer'] }],
    });
    ids.push(created.id);
  }
  return ids;
}

/** Living ÄO persons with a case link and no open ÄO case, with their current provider unit if any. */
async function choosePersons(trx: Trx, municipalityId: string): Promise<LoadPerson[]> {
  const { rows } = await sql<{
    person_id: string;
    unit_id: string;
    provider_unit_id: string | null;
    provider_id: string | null;
  }>`
    select distinct on (md5(p.id::text), p.id) p.id as person_id, l.unit_id, pu.id as provider_unit_id, pu.parent_id as provider_id
      from persons p
      join person_unit_links l on l.municipality_id = p.municipality_id and l.person_id = p.id
      join units u on u.municipality_id = l.municipality_id and u.id = l.unit_id
      left join lateral (
        select pu.id, pu.parent_id from person_unit_links pl
          join units pu on pu.municipality_id = pl.municipality_id and pu.id = pl.unit_id
          join units parent on parent.municipality_id = pu.municipality_id and parent.id = pu.parent_id
         where pl.municipality_id = p.municipality_id and pl.person_id = p.id and pl.source = 'provider_case'
           and pl.valid_to is null and pl.source_id is null and pu.kind = 'provider_unit' and pu.service_area = 'AO'
           and parent.kind = 'provider' and parent.has_system_access and pu.name <> ${PROVIDER_CASE_UNIT}
         order by pu.name limit 1) pu on true
     where p.municipality_id = ${municipalityId} and p.deceased_date is null
       and l.source = 'case' and l.valid_to is null and u.kind = 'authority_unit' and u.service_area = 'AO'
       and not exists (select 1 from cases c where c.municipality_id = p.municipality_id and c.person_id = p.id and c.service_area = 'AO' and c.closed_on is null)
     order by md5(p.id::text), p.id`.execute(trx);
  return rows.map((row) => ({
    personId: row.person_id,
    authorityUnitId: row.unit_id,
    unitId: row.provider_unit_id,
    providerId: row.provider_id,
  }));
}

/**
 * Decided on a day from 2025-07-01 to two weeks ago, from five days later. A third end a year on
 * (some this month); without a provider unit, nine in ten were refused.
 */
function decisionDates(person: LoadPerson, index: number, today: string): DecisionDates {
  const span = Math.max(1, (Date.parse(today) - Date.parse('2025-07-01')) / 86_400_000 - 14);
  // Those still waiting were decided lately, bar one in four of the granted without a unit: the
  // municipality's decisions not delivered in three months (a few hundred, as IVO's figures go).
  const isWaiting = person.unitId === null ? index % 40 !== 0 : index % 100 < 3;
  const decisionDate = isWaiting ? addDays(today, -(5 + (index % 40))) : addDays('2025-07-01', (index * 7919) % span);
  const periodFrom = addDays(decisionDate, 5);
  return {
    outcome: person.unitId === null && index % 10 !== 0 ? 'refused' : 'granted',
    decisionDate,
    periodFrom,
    periodTo: index % 3 === 0 ? addDays(periodFrom, 364) : null,
  };
}

/** One delivered person in a hundred: a row interrupted 60–150 days ago and not resumed. */
async function insertInterruptions(
  trx: Trx,
  municipalityId: string,
  createdById: string,
  today: string,
): Promise<void> {
  await sql`
    insert into interruptions (municipality_id, delivery_id, from_date, reason, created_by_id)
    select d.municipality_id, d.id, greatest(d.period_from, ${today}::date - (60 + abs(hashtext(d.id::text)) % 90)), 'Sjukhusvistelse', ${createdById}
      from deliveries d join assignments a on a.municipality_id = d.municipality_id and a.id = d.assignment_id
     where d.municipality_id = ${municipalityId} and a.instructions = ${CASE_LOAD_MARK} and d.started_on is not null
       and abs(hashtext(d.id::text)) % 200 = 0`.execute(trx);
}
