/**
 * The SQL of who reads an assignment (assignment.policy.ts assignmentReadScope) and who may answer
 * it (accept and distribute, or stop). Every query that loads an assignment for a reader adds
 * isAssignmentReadable to its WHERE, so one out of scope is never loaded and answers 404 like a
 * missing one; lists that link to assignments keep only the ids listReadableAssignmentNumbers
 * returns. Row-level security adds the tenant.
 */
import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { Trx } from '../../platform/db/tenant.ts';
import { isLinkCurrent } from '../../platform/access/person-scope.ts';
import type { AssignmentReadScope } from './assignment.policy.ts';

const FALSE = sql<SqlBool>`false`;
const uuids = (ids: readonly string[]) => sql`${[...ids]}::uuid[]`;
const col = (alias: string, column: string) => sql.ref(`${alias}.${column}`);

/**
 * Over the assignment's delivery rows at once, `scope_rows.distributed` (it has rows: accepting
 * wrote them) and `scope_rows.managed` (one is at one of `unitIds`), for `test` to read: one index
 * range read per assignment rather than an EXISTS for each question, which also plans faster.
 */
function overRows(alias: string, unitIds: readonly string[], test: RawBuilder<SqlBool>): RawBuilder<SqlBool> {
  const managed = unitIds.length ? sql`coalesce(bool_or(scope_d.provider_unit_id = any(${uuids(unitIds)})), false)` : sql`false`;
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

const anyOf = (parts: RawBuilder<SqlBool>[]) => (parts.length === 0 ? FALSE : sql<SqlBool>`(${sql.join(parts, sql` or `)})`);

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
  if (scope.distributorProviderIds.length) byRows.push(sql<SqlBool>`(${provider} = any(${uuids(scope.distributorProviderIds)}) and not ${DISTRIBUTED})`);
  if (scope.managedUnitIds.length) byRows.push(MANAGED);
  if (scope.staffProviderIds.length && scope.staffScopeUnitIds.length) {
    byRows.push(sql<SqlBool>`(${provider} = any(${uuids(scope.staffProviderIds)}) and ${DISTRIBUTED} and ${isPersonOfAssignmentInScope(alias, scope.staffScopeUnitIds)})`);
  }
  const parts = byRows.length ? [overRows(alias, scope.managedUnitIds, anyOf(byRows))] : [];
  // Whatever the rows: the alarm group's personal alarms.
  if (scope.alarmServiceAreas.length) parts.push(sql<SqlBool>`(${caseAreaIn(alias, scope.alarmServiceAreas)} and ${hasPersonalAlarm(alias)})`);
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
export async function listReadableAssignmentNumbers(trx: Trx, scope: AssignmentReadScope, assignmentIds: readonly string[]): Promise<Map<string, string>> {
  if (assignmentIds.length === 0) return new Map();
  const rows = await trx.selectFrom('assignments as a').select(['a.id', 'a.assignment_number'])
    .where(sql<SqlBool>`a.id = any(${uuids([...new Set(assignmentIds)])})`)
    .where(isAssignmentReadable('a', scope))
    .execute();
  return new Map(rows.map((row) => [row.id, row.assignment_number]));
}
