/**
 * Need to know for assignments, the way person-scope.ts is for persons: which assignments a
 * position reads (assignmentReadScope), the lookups that scope needs (the providers above the
 * position's units, the alarm areas it handles), and the SQL every query that loads or lists
 * assignments adds to its WHERE (isAssignmentReadable), so one out of scope is never loaded and
 * answers 404 like a missing one; lists that link to assignments keep only the ids
 * listReadableAssignmentNumbers returns. Here rather than in the assignments module because the
 * deliveries, messages and desk queries need the same SQL (ADR 0017). Row-level security adds the
 * tenant.
 */
import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { Trx } from '../db/tenant.ts';
import { isLinkCurrent } from './person-scope.ts';
import type { ActorPosition, PositionedActor } from './actor.ts';
import { AUTHORITY_ROLES, MANAGER_ROLES, PROVIDER_STAFF_ROLES, hasAnyRole, type Role } from '../../../domain/roles.ts';
import type { ServiceAreaCode } from '../../../domain/organisation.ts';
import { alarmAreasHandledFrom } from '../../../domain/alarm-groups.ts';

/**
 * Verksamhetschef, enhetschef/gruppchef and samordnare: at a provider they get the message about a
 * new assignment, work "Nya uppdrag", and accept and distribute or stop what was sent there.
 */
export const NEW_ASSIGNMENT_RECEIVER_ROLES: readonly Role[] = ['operations_manager', 'unit_manager', 'coordinator'];

/**
 * Which assignments a position reads, as sets the SQL tests each assignment against
 * (below). An assignment is *distributed* once it has delivery rows —
 * accepting writes them — and stays so whatever its state later (replaced, rows withdrawn).
 */
export interface AssignmentReadScope {
  /** The authority of this service area reads its cases' assignments, drafts too, for persons in these units' scope. */
  writer: { serviceArea: ServiceAreaCode; personScopeUnitIds: readonly string[] } | null;
  /** Sent, not yet distributed, to one of these providers: the position may accept and distribute it, so reads it. */
  distributorProviderIds: readonly string[];
  /** Distributed with a row at one of these units: the managers of a unit that delivers it (they register, send and start its rows). */
  managedUnitIds: readonly string[];
  /** Distributed, sent to one of these providers, and its person in `staffScopeUnitIds`' scope: everyone working there. */
  staffProviderIds: readonly string[];
  staffScopeUnitIds: readonly string[];
  /** Sent, with a personal alarm, in one of these service areas: the alarm managers, whichever provider and state. */
  alarmServiceAreas: readonly ServiceAreaCode[];
}

/**
 * Need to know at the provider (issue 13, defect 7):
 * - before it is distributed, only those who may accept and distribute it read it — verksamhetschef,
 *   enhetschef/gruppchef and samordnare of the provider it was sent to (the provider or a unit of
 *   it is at or below their position). The person need not be in their scope yet: the assignment is
 *   how the provider first learns of them;
 * - once distributed, the managers and coordinators at or above a unit with one of its rows read
 *   it, and anyone working at the provider (care staff, licensed staff, alarm managers, managers of
 *   other units) reads it once its person is in their own person scope (domain/access.ts);
 * - alarm managers read the personal-alarm assignments of the service areas they handle
 *   (`alarmAreas`, src/domain/alarm-groups.ts), sent to any provider, before and after distribution:
 *   the alarm group installs the alarm and gets the message about it, so the message must open.
 * `providersOfPosition`: every provider at or above one of the position's units.
 */
export function assignmentReadScope(
  actor: Pick<ActorPosition, 'roles' | 'serviceArea' | 'unitsBelow' | 'personScopeUnitIds'>,
  providersOfPosition: readonly string[],
  alarmAreas: readonly ServiceAreaCode[],
): AssignmentReadScope {
  const isDistributor = hasAnyRole(actor.roles, NEW_ASSIGNMENT_RECEIVER_ROLES);
  const isProviderStaff = hasAnyRole(actor.roles, [...MANAGER_ROLES, ...PROVIDER_STAFF_ROLES]);
  return {
    writer: hasAnyRole(actor.roles, AUTHORITY_ROLES)
      ? { serviceArea: actor.serviceArea, personScopeUnitIds: actor.personScopeUnitIds }
      : null,
    distributorProviderIds: isDistributor ? providersOfPosition : [],
    managedUnitIds: isDistributor ? actor.unitsBelow : [],
    staffProviderIds: isProviderStaff ? providersOfPosition : [],
    staffScopeUnitIds: isProviderStaff ? actor.personScopeUnitIds : [],
    alarmServiceAreas: isAlarmReader(actor) ? alarmAreas : [],
  };
}

/** A distributed assignment with rows at these units is read by the reader as a manager of one of them. */
export function managesAnyOf(
  scope: Pick<AssignmentReadScope, 'managedUnitIds'>,
  rowUnitIds: readonly string[],
): boolean {
  return rowUnitIds.some((unitId) => scope.managedUnitIds.includes(unitId));
}

/** Whether the position may hold any provider-side part of the scope: the providers of its units are worth looking up. */
export function readsAsProvider(actor: Pick<ActorPosition, 'roles'>): boolean {
  return hasAnyRole(actor.roles, [...MANAGER_ROLES, ...PROVIDER_STAFF_ROLES]);
}

/** Alarm managers (larmansvarig) read and list personal-alarm assignments. */
export function isAlarmReader(actor: Pick<ActorPosition, 'roles'>): boolean {
  return actor.roles.includes('alarm_manager');
}

const FALSE = sql<SqlBool>`false`;
const uuids = (ids: readonly string[]) => sql`${[...ids]}::uuid[]`;
const col = (alias: string, column: string) => sql.ref(`${alias}.${column}`);

/**
 * Over the assignment's delivery rows at once, `scope_rows.distributed` (it has rows: accepting
 * wrote them) and `scope_rows.managed` (one is at one of `unitIds`), for `test` to read: one index
 * range read per assignment rather than an EXISTS for each question, which also plans faster.
 */
function overRows(alias: string, unitIds: readonly string[], test: RawBuilder<SqlBool>): RawBuilder<SqlBool> {
  const managed = unitIds.length
    ? sql`coalesce(bool_or(scope_d.provider_unit_id = any(${uuids(unitIds)})), false)`
    : sql`false`;
  return sql<SqlBool>`(select ${test} from (
    select count(*) > 0 as distributed, ${managed} as managed from deliveries scope_d
     where scope_d.municipality_id = ${col(alias, 'municipality_id')} and scope_d.assignment_id = ${col(alias, 'id')}) scope_rows)`;
}

const DISTRIBUTED = sql<SqlBool>`scope_rows.distributed`;
const MANAGED = sql<SqlBool>`scope_rows.managed`;

/**
 * The assignment's person is in the scope of these units (domain/access.ts; person-scope.ts's
 * isPersonInScope, correlated on the tenant too): keyed on the assignment's own municipality and
 * person, the link index answers it per assignment (without the tenant, a connection that
 * bypasses row-level security was seen hashing every link of the units instead).
 */
function isPersonOfAssignmentInScope(alias: string, unitIds: readonly string[]): RawBuilder<SqlBool> {
  return sql<SqlBool>`exists (
    select 1 from person_unit_links scope_link
     where scope_link.municipality_id = ${col(alias, 'municipality_id')} and scope_link.person_id = ${col(alias, 'person_id')}
       and scope_link.unit_id = any(${uuids(unitIds)}) and ${isLinkCurrent('scope_link')})`;
}

/** The case's service area is one of `areas`. */
function caseAreaIn(alias: string, areas: readonly string[]): RawBuilder<SqlBool> {
  return sql<SqlBool>`exists (
    select 1 from cases scope_c
     where scope_c.municipality_id = ${col(alias, 'municipality_id')} and scope_c.id = ${col(alias, 'case_id')}
       and scope_c.service_area = any(${[...areas]}::text[]))`;
}

function hasPersonalAlarm(alias: string): RawBuilder<SqlBool> {
  return sql<SqlBool>`exists (
    select 1 from assignment_interventions scope_ai
      join intervention_types scope_it on scope_it.municipality_id = scope_ai.municipality_id and scope_it.id = scope_ai.intervention_type_id
     where scope_ai.municipality_id = ${col(alias, 'municipality_id')} and scope_ai.assignment_id = ${col(alias, 'id')} and scope_it.is_personal_alarm)`;
}

const anyOf = (parts: RawBuilder<SqlBool>[]) =>
  parts.length === 0 ? FALSE : sql<SqlBool>`(${sql.join(parts, sql` or `)})`;

/**
 * The writer is the authority of this case's service area with its person in scope: `alias` names a
 * cases row (it has the municipality and person columns the person test reads). For the decision
 * or case an assignment is written from, before there is an assignment.
 */
export function isWriterOfCase(alias: string, writer: NonNullable<AssignmentReadScope['writer']>): RawBuilder<SqlBool> {
  if (writer.personScopeUnitIds.length === 0) return FALSE;
  return sql<SqlBool>`(${col(alias, 'service_area')} = ${writer.serviceArea} and ${isPersonOfAssignmentInScope(alias, writer.personScopeUnitIds)})`;
}

/** The reader is the authority of the case's service area with the person in scope (drafts included). `alias` names an assignments row. */
export function isWriterOfAssignment(alias: string, scope: AssignmentReadScope): RawBuilder<SqlBool> {
  if (!scope.writer || scope.writer.personScopeUnitIds.length === 0) return FALSE;
  return sql<SqlBool>`(${caseAreaIn(alias, [scope.writer.serviceArea])} and ${isPersonOfAssignmentInScope(alias, scope.writer.personScopeUnitIds)})`;
}

/** The provider side's part of the rule: sent, then per assignmentReadScope. */
function isReadableAtProvider(alias: string, scope: AssignmentReadScope): RawBuilder<SqlBool> {
  const provider = col(alias, 'provider_id');
  const byRows: RawBuilder<SqlBool>[] = [];
  if (scope.distributorProviderIds.length)
    byRows.push(sql<SqlBool>`(${provider} = any(${uuids(scope.distributorProviderIds)}) and not ${DISTRIBUTED})`);
  if (scope.managedUnitIds.length) byRows.push(MANAGED);
  if (scope.staffProviderIds.length && scope.staffScopeUnitIds.length) {
    byRows.push(
      sql<SqlBool>`(${provider} = any(${uuids(scope.staffProviderIds)}) and ${DISTRIBUTED} and ${isPersonOfAssignmentInScope(alias, scope.staffScopeUnitIds)})`,
    );
  }
  const parts = byRows.length ? [overRows(alias, scope.managedUnitIds, anyOf(byRows))] : [];
  // Whatever the rows: the alarm group's personal alarms.
  if (scope.alarmServiceAreas.length)
    parts.push(sql<SqlBool>`(${caseAreaIn(alias, scope.alarmServiceAreas)} and ${hasPersonalAlarm(alias)})`);
  if (parts.length === 0) return FALSE;
  return sql<SqlBool>`(${col(alias, 'sent_at')} is not null and ${anyOf(parts)})`;
}

/** Whether the reader reads the assignment; `alias` names an assignments row. */
export function isAssignmentReadable(alias: string, scope: AssignmentReadScope): RawBuilder<SqlBool> {
  return anyOf([isWriterOfAssignment(alias, scope), isReadableAtProvider(alias, scope)]);
}

/**
 * Whether the reader may answer the assignment — accept and distribute it, or stop it: a
 * manager or coordinator of the provider it was sent to while it is undistributed; once
 * distributed only those of a unit delivering it, who then learn it was answered (409) rather
 * than that it is not theirs.
 */
export function canAnswerAssignment(alias: string, scope: AssignmentReadScope): RawBuilder<SqlBool> {
  if (scope.distributorProviderIds.length === 0) return FALSE;
  return sql<SqlBool>`(${col(alias, 'sent_at')} is not null and ${col(alias, 'provider_id')} = any(${uuids(scope.distributorProviderIds)})
    and ${overRows(alias, scope.managedUnitIds, sql<SqlBool>`(not ${DISTRIBUTED} or ${MANAGED})`)})`;
}

/** Of these assignments, the numbers of those the reader reads, by id: what a list may link to. */
export async function listReadableAssignmentNumbers(
  trx: Trx,
  scope: AssignmentReadScope,
  assignmentIds: readonly string[],
): Promise<Map<string, string>> {
  if (assignmentIds.length === 0) return new Map();
  const rows = await trx
    .selectFrom('assignments as a')
    .select(['a.id', 'a.assignment_number'])
    .where(sql<SqlBool>`a.id = any(${uuids([...new Set(assignmentIds)])})`)
    .where(isAssignmentReadable('a', scope))
    .execute();
  return new Map(rows.map((row) => [row.id, row.assignment_number]));
}

/** The service areas whose units keep an active alarm group (the input of src/domain/alarm-groups.ts). */
export async function listAlarmGroupAreas(trx: Trx): Promise<ServiceAreaCode[]> {
  const rows = await trx
    .selectFrom('send_lists as sl')
    .innerJoin('units as u', (join) =>
      join.onRef('u.municipality_id', '=', 'sl.municipality_id').onRef('u.id', '=', 'sl.unit_id'),
    )
    .select('u.service_area')
    .distinct()
    .where('sl.purpose', '=', 'alarm_group')
    .where('sl.is_active', '=', true)
    .execute();
  return rows.map((row) => row.service_area as ServiceAreaCode);
}

/** The service areas whose personal alarms an alarm manager in `area` reads and lists (src/domain/alarm-groups.ts). */
export async function listAlarmAreasHandledFrom(trx: Trx, area: ServiceAreaCode): Promise<ServiceAreaCode[]> {
  return alarmAreasHandledFrom(area, await listAlarmGroupAreas(trx));
}

/**
 * The providers a position belongs to: every provider at or above one of its units. A unit
 * manager of "Hemtjänst Norr" belongs to "Hemtjänst egen regi"; a verksamhetschef to their own.
 */
export async function listProvidersOfUnits(trx: Trx, unitIds: readonly string[]): Promise<string[]> {
  if (unitIds.length === 0) return [];
  const { rows } = await sql<{ id: string }>`
    with recursive up as (
      select id, parent_id, kind from units where id = any(${[...unitIds]}::uuid[])
      union
      select u.id, u.parent_id, u.kind from units u join up on u.id = up.parent_id
    )
    select id from up where kind = 'provider'`.execute(trx);
  return rows.map((row) => row.id);
}

const isAuthorityRole = (role: Role) => AUTHORITY_ROLES.includes(role);

/** The whole read scope: the authority's part and the provider side's. */
export async function loadAssignmentScope(trx: Trx, actor: PositionedActor): Promise<AssignmentReadScope> {
  const providers = readsAsProvider(actor.position) ? await listProvidersOfUnits(trx, actor.position.unitsBelow) : [];
  return assignmentReadScope(actor.position, providers, await alarmAreasOf(trx, actor));
}

/** The writer's part of the scope alone, with no lookups: for what only the authority may change. */
export function writerScope(actor: PositionedActor): AssignmentReadScope {
  return assignmentReadScope({ ...actor.position, roles: actor.position.roles.filter(isAuthorityRole) }, [], []);
}

/** The service areas whose personal alarms the actor reads as an alarm manager; none for others (no query). */
export async function alarmAreasOf(trx: Trx, actor: PositionedActor): Promise<ServiceAreaCode[]> {
  return isAlarmReader(actor.position) ? listAlarmAreasHandledFrom(trx, actor.position.serviceArea) : [];
}
