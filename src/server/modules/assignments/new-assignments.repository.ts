/**
 * SQL for a provider's "Nya uppdrag": sent assignments whose state is still 'new'. The states are
 * the queue (migration 0012: each carries its provider and sending time, in a partial index of the
 * new ones), so a page is one index range read oldest first by (sent_at, assignment_id) from a
 * cursor, and the count reads only the index, however many assignments the provider has accepted.
 */
import { sql, type Expression, type SqlBool } from 'kysely';
import type { Trx } from '../../platform/db/tenant.ts';
import type { ServiceAreaCode } from '../../../domain/organisation.ts';
import type { PersonRecordRef } from './assignment.repository.ts';

/** Which new assignments a position sees (assignment.policy.ts newAssignmentView). */
export interface NewAssignmentFilter {
  /** All new assignments of these providers. */
  providerIds: readonly string[];
  /** And the personal-alarm ones of these service areas (alarm managers: src/domain/alarm-groups.ts); empty for none. */
  alarmServiceAreas: readonly ServiceAreaCode[];
  /** Only those sent to this provider (the list narrowed to one provider unit's provider). */
  onlyProviderId: string | null;
}

export interface PageCursor {
  /** sent_at in microseconds since 1970, exact (a JS Date keeps only milliseconds). */
  sentAtMicros: number;
  id: string;
}

export interface NewAssignmentRow {
  id: string;
  assignmentNumber: string;
  person: PersonRecordRef;
  provider: { id: string; name: string };
  sentAt: Date;
  isNewClient: boolean;
  totalGrantedMinutes: number;
  cursor: PageCursor;
}

function hasPersonalAlarm(): Expression<SqlBool> {
  return sql<SqlBool>`exists (
    select 1 from assignment_interventions ai
      join intervention_types it on it.municipality_id = ai.municipality_id and it.id = ai.intervention_type_id
     where ai.municipality_id = st.municipality_id and ai.assignment_id = st.assignment_id and it.is_personal_alarm)`;
}

function matches(filter: NewAssignmentFilter): Expression<SqlBool> {
  const parts: Expression<SqlBool>[] = [];
  // One provider (the usual case) as plain equality: with = any(...) the planner cannot read the index in order.
  if (filter.providerIds.length === 1) parts.push(sql<SqlBool>`st.provider_id = ${filter.providerIds[0]}`);
  else if (filter.providerIds.length > 1)
    parts.push(sql<SqlBool>`st.provider_id = any(${[...filter.providerIds]}::uuid[])`);
  if (filter.alarmServiceAreas.length)
    parts.push(
      sql<SqlBool>`(pr.service_area = any(${[...filter.alarmServiceAreas]}::text[]) and ${hasPersonalAlarm()})`,
    );
  if (parts.length === 0) return sql<SqlBool>`false`;
  return sql<SqlBool>`(${sql.join(parts, sql` or `)})`;
}

function baseQuery(trx: Trx, filter: NewAssignmentFilter) {
  return trx
    .selectFrom('assignment_states as st')
    .innerJoin('units as pr', (join) =>
      join.onRef('pr.municipality_id', '=', 'st.municipality_id').onRef('pr.id', '=', 'st.provider_id'),
    )
    .where('st.status', '=', 'new')
    .where(matches(filter))
    .$if(filter.onlyProviderId !== null, (query) => query.where('st.provider_id', '=', filter.onlyProviderId!));
}

/** One page, waiting longest first (as Att kvittera: the oldest unseen order is the most urgent), after the cursor. */
export async function listNewAssignments(
  trx: Trx,
  filter: NewAssignmentFilter,
  cursor: PageCursor | null,
  limit: number,
): Promise<NewAssignmentRow[]> {
  let query = baseQuery(trx, filter)
    .innerJoin('assignments as a', (join) =>
      join.onRef('a.municipality_id', '=', 'st.municipality_id').onRef('a.id', '=', 'st.assignment_id'),
    )
    .innerJoin('persons as p', (join) =>
      join.onRef('p.municipality_id', '=', 'a.municipality_id').onRef('p.id', '=', 'a.person_id'),
    )
    .select([
      'a.id',
      'a.assignment_number',
      'st.sent_at',
      sql<number>`(extract(epoch from st.sent_at) * 1000000)::bigint`.as('sent_at_micros'),
      'a.is_new_client',
      'a.total_granted_minutes',
      'pr.id as provider_id',
      'pr.name as provider_name',
      'p.id as person_id',
      'p.identity_number',
      'p.first_name',
      'p.last_name',
      'p.protected_identity',
    ]);
  if (cursor)
    query = query.where(
      sql<SqlBool>`(st.sent_at, st.assignment_id) > (timestamptz 'epoch' + ${cursor.sentAtMicros}::bigint * interval '1 microsecond', ${cursor.id}::uuid)`,
    );
  const rows = await query.orderBy('st.sent_at').orderBy('st.assignment_id').limit(limit).execute();
  return rows.map((row) => ({
    id: row.id,
    assignmentNumber: row.assignment_number,
    person: {
      id: row.person_id,
      identityNumber: row.identity_number,
      firstName: row.first_name,
      lastName: row.last_name,
      protectedIdentity: row.protected_identity,
    },
    provider: { id: row.provider_id, name: row.provider_name },
    sentAt: row.sent_at,
    isNewClient: row.is_new_client,
    totalGrantedMinutes: row.total_granted_minutes,
    cursor: { sentAtMicros: row.sent_at_micros, id: row.id },
  }));
}

export async function countNewAssignments(trx: Trx, filter: NewAssignmentFilter): Promise<number> {
  const row = await baseQuery(trx, filter)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return row.n;
}

export interface InterventionSummary {
  assignmentId: string;
  name: string;
  isPersonalAlarm: boolean;
}

/** The interventions of the listed assignments, in one query. */
export async function listInterventionNames(
  trx: Trx,
  assignmentIds: readonly string[],
): Promise<InterventionSummary[]> {
  if (assignmentIds.length === 0) return [];
  const rows = await trx
    .selectFrom('assignment_interventions as ai')
    .innerJoin('intervention_types as it', (join) =>
      join.onRef('it.municipality_id', '=', 'ai.municipality_id').onRef('it.id', '=', 'ai.intervention_type_id'),
    )
    .select(['ai.assignment_id', 'it.name', 'it.is_personal_alarm'])
    .where(sql<SqlBool>`ai.assignment_id = any(${[...assignmentIds]}::uuid[])`)
    .orderBy('ai.assignment_id')
    .orderBy('it.name')
    .execute();
  return rows.map((row) => ({
    assignmentId: row.assignment_id,
    name: row.name,
    isPersonalAlarm: row.is_personal_alarm,
  }));
}

/** The provider a unit belongs to: itself if a provider, else the provider above it. */
export async function findProviderOfUnit(trx: Trx, unitId: string): Promise<string | undefined> {
  const { rows } = await sql<{ id: string }>`
    with recursive up as (
      select id, parent_id, kind from units where id = ${unitId}
      union all
      select u.id, u.parent_id, u.kind from units u join up on u.id = up.parent_id
    )
    select id from up where kind = 'provider' limit 1`.execute(trx);
  return rows[0]?.id;
}
