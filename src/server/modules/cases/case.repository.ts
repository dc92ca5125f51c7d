/**
 * All SQL for cases: finding them within the actor's person scope, opening, changing the officer,
 * closing, "Mina ärenden", and the choices of units and officers. Rows become CaseRecords here.
 */
import { sql, type SqlBool } from 'kysely';
import type { Trx } from '../../platform/db/tenant.ts';
import { isPersonInScope } from '../../platform/access/person-scope.ts';
import type { ServiceAreaCode } from '../../../domain/organisation.ts';
import type { PersonSummary } from '../persons/index.ts';

export interface CaseRecord {
  id: string;
  personId: string;
  serviceArea: ServiceAreaCode;
  caseNumber: string;
  authorityUnit: { id: string; name: string };
  caseOfficer: { id: string; name: string };
  openedOn: string;
  closedOn: string | null;
  endReason: string | null;
  closedByName: string | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

function selectCases(trx: Trx) {
  return trx
    .selectFrom('cases')
    .innerJoin('units', 'units.id', 'cases.authority_unit_id')
    .innerJoin('users as officer', 'officer.id', 'cases.case_officer_id')
    .leftJoin('users as closer', 'closer.id', 'cases.closed_by_id')
    .select([
      'cases.id',
      'cases.person_id',
      'cases.service_area',
      'cases.case_number',
      'cases.authority_unit_id',
      'units.name as unit_name',
      'cases.case_officer_id',
      'officer.display_name as officer_name',
      'cases.opened_on',
      'cases.closed_on',
      'cases.end_reason',
      'closer.display_name as closer_name',
      'cases.version',
      'cases.created_at',
      'cases.updated_at',
    ]);
}

type CaseRow = Awaited<ReturnType<ReturnType<typeof selectCases>['executeTakeFirstOrThrow']>>;

function toCase(row: CaseRow): CaseRecord {
  return {
    id: row.id,
    personId: row.person_id,
    serviceArea: row.service_area as ServiceAreaCode,
    caseNumber: row.case_number,
    authorityUnit: { id: row.authority_unit_id, name: row.unit_name },
    caseOfficer: { id: row.case_officer_id, name: row.officer_name },
    openedOn: row.opened_on,
    closedOn: row.closed_on,
    endReason: row.end_reason,
    closedByName: row.closer_name,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** The case if its person is in scope; `forUpdate` locks the row so a decision and a closing cannot cross. */
export async function findCaseInScope(
  trx: Trx,
  scopeUnitIds: readonly string[],
  caseId: string,
  forUpdate = false,
): Promise<CaseRecord | undefined> {
  let query = selectCases(trx).where('cases.id', '=', caseId).where(isPersonInScope('cases.person_id', scopeUnitIds));
  if (forUpdate) query = query.forUpdate('cases');
  const row = await query.executeTakeFirst();
  return row && toCase(row);
}

/** A person's cases in one service area: open first, then the most recently closed. */
export async function listCasesOfPerson(
  trx: Trx,
  personId: string,
  serviceArea: ServiceAreaCode,
): Promise<CaseRecord[]> {
  const rows = await selectCases(trx)
    .where('cases.person_id', '=', personId)
    .where('cases.service_area', '=', serviceArea)
    .orderBy(sql`cases.closed_on is not null`)
    .orderBy('cases.closed_on', 'desc')
    .orderBy('cases.opened_on', 'desc')
    .execute();
  return rows.map(toCase);
}

/**
 * Serialises opening cases for one person and service area, so the check for an open case and
 * the insert cannot interleave (the unique index would otherwise turn the loser into a bare 409).
 */
export async function lockPersonServiceArea(trx: Trx, personId: string, serviceArea: ServiceAreaCode): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtextextended(${`case:${personId}:${serviceArea}`}, 0))`.execute(trx);
}

export async function findOpenCaseNumber(
  trx: Trx,
  personId: string,
  serviceArea: ServiceAreaCode,
): Promise<string | undefined> {
  const row = await trx
    .selectFrom('cases')
    .select('case_number')
    .where('person_id', '=', personId)
    .where('service_area', '=', serviceArea)
    .where('closed_on', 'is', null)
    .executeTakeFirst();
  return row?.case_number;
}

export interface NewCase {
  municipalityId: string;
  personId: string;
  serviceArea: ServiceAreaCode;
  caseNumber: string;
  authorityUnitId: string;
  caseOfficerId: string;
  openedOn: string;
}

/** Inserts the case and links the person to its authority unit (source 'case'). */
export async function insertCase(trx: Trx, input: NewCase): Promise<string> {
  const row = await trx
    .insertInto('cases')
    .values({
      municipality_id: input.municipalityId,
      person_id: input.personId,
      service_area: input.serviceArea,
      case_number: input.caseNumber,
      authority_unit_id: input.authorityUnitId,
      case_officer_id: input.caseOfficerId,
      opened_on: input.openedOn,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await trx
    .insertInto('person_unit_links')
    .values({
      municipality_id: input.municipalityId,
      person_id: input.personId,
      unit_id: input.authorityUnitId,
      source: 'case',
      source_id: row.id,
      valid_from: input.openedOn,
    })
    .execute();
  return row.id;
}

/** False when the version no longer matches. */
export async function updateCaseOfficer(
  trx: Trx,
  caseId: string,
  version: number,
  caseOfficerId: string,
): Promise<boolean> {
  const result = await trx
    .updateTable('cases')
    .set({ case_officer_id: caseOfficerId, version: sql`version + 1`, updated_at: sql`now()` })
    .where('id', '=', caseId)
    .where('version', '=', version)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

/** Records a change of officer for the case history (case_officer_changes is append-only). */
export async function insertOfficerChange(
  trx: Trx,
  change: { municipalityId: string; caseId: string; fromOfficerId: string; toOfficerId: string; changedById: string },
): Promise<void> {
  await trx
    .insertInto('case_officer_changes')
    .values({
      municipality_id: change.municipalityId,
      case_id: change.caseId,
      from_officer_id: change.fromOfficerId,
      to_officer_id: change.toOfficerId,
      changed_by_id: change.changedById,
    })
    .execute();
}

/** Closes the case and ends its person–unit links on the closing day; false when the version no longer matches. */
export async function closeCase(
  trx: Trx,
  caseId: string,
  version: number,
  closing: { closedOn: string; endReason: string; closedById: string },
): Promise<boolean> {
  const result = await trx
    .updateTable('cases')
    .set({
      closed_on: closing.closedOn,
      end_reason: closing.endReason,
      closed_by_id: closing.closedById,
      version: sql`version + 1`,
      updated_at: sql`now()`,
    })
    .where('id', '=', caseId)
    .where('version', '=', version)
    .where('closed_on', 'is', null)
    .executeTakeFirst();
  if (result.numUpdatedRows !== 1n) return false;
  // The link began on the opening day, and a case never closes before it opened.
  await trx
    .updateTable('person_unit_links')
    .set({ valid_to: closing.closedOn })
    .where('source', '=', 'case')
    .where('source_id', '=', caseId)
    .where('valid_to', 'is', null)
    .execute();
  return true;
}

export interface MyCaseRecord {
  id: string;
  caseNumber: string;
  serviceArea: ServiceAreaCode;
  openedOn: string;
  person: PersonSummary;
  ongoingDecisionCount: number;
}

/** Open cases where the user is case officer, oldest first, with persons still in scope. */
export async function listMyOpenCases(
  trx: Trx,
  userId: string,
  scopeUnitIds: readonly string[],
  today: string,
  limit: number,
): Promise<MyCaseRecord[]> {
  const rows = await trx
    .selectFrom('cases')
    .innerJoin('persons', 'persons.id', 'cases.person_id')
    .select([
      'cases.id',
      'cases.case_number',
      'cases.service_area',
      'cases.opened_on',
      'persons.id as person_id',
      'persons.identity_number',
      'persons.first_name',
      'persons.last_name',
      'persons.protected_identity',
      'persons.birth_date',
      'persons.sex',
      'persons.deceased_date',
      sql<number>`(select count(*) from decisions d
        where d.case_id = cases.id and d.outcome = 'granted' and d.period_from <= ${today}::date
          and coalesce(least(d.ended_on, d.period_to), ${today}::date) >= ${today}::date)`.as('ongoing_count'),
    ])
    .where('cases.case_officer_id', '=', userId)
    .where('cases.closed_on', 'is', null)
    .where(isPersonInScope('cases.person_id', scopeUnitIds))
    .orderBy('cases.opened_on')
    .orderBy('cases.case_number')
    .limit(limit)
    .execute();
  return rows.map((row) => ({
    id: row.id,
    caseNumber: row.case_number,
    serviceArea: row.service_area as ServiceAreaCode,
    openedOn: row.opened_on,
    person: {
      id: row.person_id,
      identityNumber: row.identity_number,
      firstName: row.first_name,
      lastName: row.last_name,
      protectedIdentity: row.protected_identity,
      birthDate: row.birth_date,
      sex: row.sex as PersonSummary['sex'],
      deceasedDate: row.deceased_date,
    },
    ongoingDecisionCount: Number(row.ongoing_count),
  }));
}

/** Whether the unit is an active authority unit of the service area. */
export async function isActiveAuthorityUnit(trx: Trx, unitId: string, serviceArea: ServiceAreaCode): Promise<boolean> {
  const row = await trx
    .selectFrom('units')
    .select('id')
    .where('id', '=', unitId)
    .where('kind', '=', 'authority_unit')
    .where('service_area', '=', serviceArea)
    .where('is_active', '=', true)
    .executeTakeFirst();
  return row !== undefined;
}

/** Active users with an active case-officer position in an active authority unit of the area, by name. */
export async function listCaseOfficers(
  trx: Trx,
  serviceArea: ServiceAreaCode,
  userId?: string,
): Promise<{ id: string; name: string }[]> {
  let query = trx
    .selectFrom('users')
    .select(['users.id', 'users.display_name as name'])
    .where('users.is_active', '=', true)
    .where(({ exists, selectFrom }) =>
      exists(
        selectFrom('positions')
          .innerJoin('units', 'units.id', 'positions.unit_id')
          .select('positions.id')
          .whereRef('positions.user_id', '=', 'users.id')
          .where('positions.is_active', '=', true)
          .where(sql<SqlBool>`'case_officer' = any(positions.roles)`)
          .where('units.kind', '=', 'authority_unit')
          .where('units.service_area', '=', serviceArea)
          .where('units.is_active', '=', true),
      ),
    );
  if (userId) query = query.where('users.id', '=', userId);
  return query.orderBy(sql`users.display_name collate "sv-x-icu"`).execute();
}

export async function listAuthorityUnits(
  trx: Trx,
  serviceArea: ServiceAreaCode,
): Promise<{ id: string; name: string }[]> {
  return trx
    .selectFrom('units')
    .select(['id', 'name'])
    .where('kind', '=', 'authority_unit')
    .where('service_area', '=', serviceArea)
    .where('is_active', '=', true)
    .orderBy(sql`name collate "sv-x-icu"`)
    .execute();
}
