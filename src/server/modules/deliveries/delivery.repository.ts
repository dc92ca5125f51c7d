/**
 * All SQL for reading delivery rows, their interruptions and history. The reader's scope
 * (delivery.policy.ts deliveryReadScope) is in the WHERE of every query that finds or lists rows
 * for a reader — rows at units in scope, or under decisions of the authority's service area for a
 * person in its scope — so a row out of scope is never loaded and answers 404 like a missing one;
 * row-level security adds the tenant. Rows become domain records here and go no further.
 */
import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { Trx } from '../../platform/db/tenant.ts';
import { isPersonInScope } from '../../platform/access/person-scope.ts';
import type { ServiceAreaCode } from '../../../domain/organisation.ts';
import type { DeliveryDays, DeliveryEventKind, DeliveryStatus, FrequencyUnit } from '../../../contract/deliveries.ts';
import { toNumber, type DeliverySnapshot } from './delivery-snapshot.ts';
import type { DeliveryReadScope } from './delivery.policy.ts';

/** A row as read: the snapshot's fields with the unit's name, the assignment and the intervention. */
export interface DeliveryView extends Omit<DeliverySnapshot, 'providerUnitId' | 'status' | 'days' | 'frequencyUnit'> {
  id: string;
  assignmentId: string;
  assignmentNumber: string;
  assignmentInterventionId: string;
  interventionName: string;
  /** Trygghetslarm: not planned as visits (src/domain/delivery-fields.ts isPlannedInVisits). */
  isPersonalAlarm: boolean;
  decisionId: string;
  personId: string;
  providerUnit: { id: string; name: string };
  status: DeliveryStatus;
  days: DeliveryDays | null;
  frequencyUnit: FrequencyUnit | null;
  sentToDeliveryAt: Date | null;
}

/** What the services need to decide about one row beyond the row itself. */
export interface DeliveryContext extends DeliveryView {
  providerId: string;
  serviceArea: ServiceAreaCode;
  caseOfficerId: string;
  decisionNumber: string;
  decision: { periodFrom: string; periodTo: string | null; endedOn: string | null };
  /** The last day of the withdrawn row this one continues, if any. */
  continuesAfter: string | null;
  /** The date of the change of provider that sent the row's assignment, if any: its earliest start. */
  providerChangeFrom: string | null;
  /** The row's interruptions, oldest first. */
  interruptions: InterruptionRecord[];
  /** The row is in a change of provider still waiting for the new provider's answer. */
  isInPendingChange: boolean;
}

export interface InterruptionRecord {
  id: string;
  deliveryId: string;
  fromDate: string;
  toDate: string | null;
  reason: string;
  version: number;
}

export interface DeliveryEventRecord {
  event: DeliveryEventKind;
  occurredAt: Date;
  actorName: string | null;
  providerUnitName: string;
  snapshot: DeliverySnapshot;
  note: string | null;
}

function selectRows(trx: Trx) {
  return trx
    .selectFrom('deliveries as d')
    .innerJoin('assignments as a', (join) =>
      join.onRef('a.municipality_id', '=', 'd.municipality_id').onRef('a.id', '=', 'd.assignment_id'),
    )
    .innerJoin('assignment_interventions as ai', (join) =>
      join.onRef('ai.municipality_id', '=', 'd.municipality_id').onRef('ai.id', '=', 'd.assignment_intervention_id'),
    )
    .innerJoin('intervention_types as it', (join) =>
      join.onRef('it.municipality_id', '=', 'ai.municipality_id').onRef('it.id', '=', 'ai.intervention_type_id'),
    )
    .innerJoin('units as u', (join) =>
      join.onRef('u.municipality_id', '=', 'd.municipality_id').onRef('u.id', '=', 'd.provider_unit_id'),
    )
    .innerJoin('cases as c', (join) =>
      join.onRef('c.municipality_id', '=', 'a.municipality_id').onRef('c.id', '=', 'a.case_id'),
    )
    .select([
      'd.id',
      'd.assignment_id',
      'a.assignment_number',
      'd.assignment_intervention_id',
      'it.name as intervention_name',
      'it.is_personal_alarm',
      'd.decision_id',
      'd.person_id',
      'd.provider_unit_id',
      'u.name as unit_name',
      'd.provider_case_id',
      'd.status',
      'd.label',
      'd.form_of_delivery',
      'd.resource',
      'd.resource_use',
      'd.watch_date',
      'd.period_from',
      'd.period_to',
      'd.hours_per_visit',
      'd.extra_hours_two_staff',
      'd.days',
      'd.frequency',
      'd.frequency_unit',
      'd.started_on',
      'd.end_reason',
      'd.continues_delivery_id',
      'd.sent_to_delivery_at',
      'd.version',
      'a.provider_id',
      'c.service_area',
      'c.case_officer_id',
    ]);
}

type Row = Awaited<ReturnType<ReturnType<typeof selectRows>['executeTakeFirstOrThrow']>>;

function toView(row: Row): DeliveryView {
  return {
    id: row.id,
    assignmentId: row.assignment_id,
    assignmentNumber: row.assignment_number,
    assignmentInterventionId: row.assignment_intervention_id,
    interventionName: row.intervention_name,
    isPersonalAlarm: row.is_personal_alarm,
    decisionId: row.decision_id,
    personId: row.person_id,
    providerUnit: { id: row.provider_unit_id, name: row.unit_name },
    providerCaseId: row.provider_case_id,
    status: row.status as DeliveryStatus,
    label: row.label,
    formOfDelivery: row.form_of_delivery,
    resource: row.resource,
    resourceUse: row.resource_use,
    watchDate: row.watch_date,
    periodFrom: row.period_from,
    periodTo: row.period_to,
    hoursPerVisit: toNumber(row.hours_per_visit),
    extraHoursTwoStaff: toNumber(row.extra_hours_two_staff),
    days: row.days as DeliveryDays | null,
    frequency: toNumber(row.frequency),
    frequencyUnit: row.frequency_unit as FrequencyUnit | null,
    startedOn: row.started_on,
    endReason: row.end_reason,
    continuesDeliveryId: row.continues_delivery_id,
    sentToDeliveryAt: row.sent_to_delivery_at,
    version: row.version,
  };
}

/** Whether the reader reads the row (`d`, joined to its case `c`): the one read rule, in SQL. */
function isDeliveryReadable(scope: DeliveryReadScope): RawBuilder<SqlBool> {
  const parts: RawBuilder<SqlBool>[] = [];
  if (scope.unitIds.length) parts.push(sql<SqlBool>`d.provider_unit_id = any(${[...scope.unitIds]}::uuid[])`);
  if (scope.authority?.personScopeUnitIds.length) {
    parts.push(
      sql<SqlBool>`(c.service_area = ${scope.authority.serviceArea} and ${isPersonInScope('d.person_id', scope.authority.personScopeUnitIds)})`,
    );
  }
  return parts.length ? sql<SqlBool>`(${sql.join(parts, sql` or `)})` : sql<SqlBool>`false`;
}

export type DeliveryFilter =
  | { personId: string }
  | { assignmentId: string }
  | { providerCaseId: string }
  | { ids: readonly string[] };

/**
 * The rows matching the filter that the scope reads, by intervention and period: ongoing and
 * planned first within an intervention, as the manual's table lists them.
 */
export async function listDeliveries(
  trx: Trx,
  filter: DeliveryFilter,
  scope: DeliveryReadScope,
): Promise<DeliveryView[]> {
  if (scope.unitIds.length === 0 && scope.authority === null) return [];
  let query = selectRows(trx).where(isDeliveryReadable(scope));
  if ('personId' in filter) query = query.where('d.person_id', '=', filter.personId);
  else if ('assignmentId' in filter) query = query.where('d.assignment_id', '=', filter.assignmentId);
  else if ('providerCaseId' in filter) query = query.where('d.provider_case_id', '=', filter.providerCaseId);
  else if (filter.ids.length === 0) return [];
  else query = query.where('d.id', 'in', [...filter.ids]);
  const rows = await query
    .orderBy(sql`it.name collate "sv-x-icu"`)
    .orderBy('d.period_from', 'desc')
    .orderBy('d.created_at')
    .orderBy('d.id')
    .execute();
  return rows.map(toView);
}

/**
 * One row the reader reads, with what deciding about it needs — its interruptions and whether a
 * change of provider waits on it included, so a correction reads the row once; undefined when
 * missing, out of the reader's scope or in another municipality (the same 404). With `lock` the
 * row stays locked until the transaction ends: the interruptions read here stay as they are.
 */
export async function findDeliveryContext(
  trx: Trx,
  deliveryId: string,
  scope: DeliveryReadScope,
  lock = false,
): Promise<DeliveryContext | undefined> {
  if (scope.unitIds.length === 0 && scope.authority === null) return undefined;
  let query = selectRows(trx)
    .innerJoin('decisions as dn', (join) =>
      join.onRef('dn.municipality_id', '=', 'd.municipality_id').onRef('dn.id', '=', 'd.decision_id'),
    )
    // Scalar subqueries rather than joins: each is planned on its own, and planning the joins was
    // most of this query's time (seven tables rather than nine).
    .select([
      'dn.decision_number',
      'dn.period_from as decision_from',
      'dn.period_to as decision_to',
      'dn.ended_on as decision_ended_on',
      sql<string | null>`(select prev.period_to from deliveries prev
        where prev.municipality_id = d.municipality_id and prev.id = d.continues_delivery_id)`.as('continues_after'),
      // At most one change sent an assignment (unique on to_assignment_id); a stopped one left no rows.
      sql<string | null>`(select pc.change_date from provider_changes pc where pc.municipality_id = d.municipality_id
        and pc.to_assignment_id = d.assignment_id and pc.status in ('pending', 'accepted'))`.as('provider_change_from'),
      sql<
        InterruptionJson[]
      >`(select coalesce(json_agg(json_build_object('id', i.id, 'fromDate', i.from_date, 'toDate', i.to_date, 'reason', i.reason,
        'version', i.version) order by i.from_date, i.id), '[]') from interruptions i where i.municipality_id = d.municipality_id and i.delivery_id = d.id)`.as(
        'interruptions',
      ),
      sql<boolean>`exists (select 1 from provider_changes pending where pending.municipality_id = d.municipality_id and pending.status = 'pending'
        and pending.delivery_ids @> array[d.id])`.as('is_in_pending_change'),
    ])
    .where('d.id', '=', deliveryId)
    .where(isDeliveryReadable(scope));
  if (lock) query = query.forUpdate('d');
  const row = await query.executeTakeFirst();
  return (
    row && {
      ...toView(row),
      providerId: row.provider_id,
      serviceArea: row.service_area as ServiceAreaCode,
      caseOfficerId: row.case_officer_id,
      decisionNumber: row.decision_number,
      decision: { periodFrom: row.decision_from, periodTo: row.decision_to, endedOn: row.decision_ended_on },
      continuesAfter: row.continues_after,
      providerChangeFrom: row.provider_change_from,
      interruptions: row.interruptions.map((item) => ({ ...item, deliveryId: row.id })),
      isInPendingChange: row.is_in_pending_change,
    }
  );
}

type InterruptionJson = Omit<InterruptionRecord, 'deliveryId'>;

/** The row's fields as read, without what deciding about it needed: what the API shows of it. */
export function viewOf(context: DeliveryContext): DeliveryView {
  const {
    providerId: _provider,
    serviceArea: _area,
    caseOfficerId: _officer,
    decisionNumber: _number,
    decision: _decision,
    continuesAfter: _after,
    providerChangeFrom: _change,
    interruptions: _interruptions,
    isInPendingChange: _pending,
    ...view
  } = context;
  return view;
}

/** The interruptions of the rows, oldest first. */
export async function listInterruptions(trx: Trx, deliveryIds: readonly string[]): Promise<InterruptionRecord[]> {
  if (deliveryIds.length === 0) return [];
  const rows = await trx
    .selectFrom('interruptions')
    .select(['id', 'delivery_id', 'from_date', 'to_date', 'reason', 'version'])
    .where('delivery_id', 'in', [...deliveryIds])
    .orderBy('from_date')
    .orderBy('id')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    deliveryId: row.delivery_id,
    fromDate: row.from_date,
    toDate: row.to_date,
    reason: row.reason,
    version: row.version,
  }));
}

/** The row's history, oldest first, with who did it and the unit each snapshot names. */
export async function listDeliveryEvents(trx: Trx, deliveryId: string): Promise<DeliveryEventRecord[]> {
  const rows = await trx
    .selectFrom('delivery_events as e')
    .leftJoin('users as u', (join) =>
      join.onRef('u.municipality_id', '=', 'e.municipality_id').onRef('u.id', '=', 'e.actor_id'),
    )
    .leftJoin('units as un', (join) =>
      join.on(sql<boolean>`un.municipality_id = e.municipality_id and un.id = (e.snapshot->>'providerUnitId')::uuid`),
    )
    .select(['e.event', 'e.occurred_at', 'u.display_name', 'un.name as unit_name', 'e.snapshot', 'e.note'])
    .where('e.delivery_id', '=', deliveryId)
    .orderBy('e.id')
    .execute();
  return rows.map((row) => ({
    event: row.event as DeliveryEventKind,
    occurredAt: row.occurred_at,
    actorName: row.display_name,
    providerUnitName: row.unit_name ?? '–',
    snapshot: row.snapshot as DeliverySnapshot,
    note: row.note,
  }));
}

/** The active provider units under a provider (its own units and theirs), by name. */
export async function listProviderUnits(trx: Trx, providerId: string): Promise<{ id: string; name: string }[]> {
  const { rows } = await sql<{ id: string; name: string }>`
    with recursive tree as (
      select id, kind, is_active, name from units where id = ${providerId}
      union all
      select u.id, u.kind, u.is_active, u.name from units u join tree on u.parent_id = tree.id
    )
    select id, name from tree where kind = 'provider_unit' and is_active order by name collate "sv-x-icu", id`.execute(
    trx,
  );
  return rows;
}
