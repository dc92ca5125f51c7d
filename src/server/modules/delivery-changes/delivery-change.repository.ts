/**
 * SQL for reading the delivery rows a change acts on, with what the rules and the policy need: the
 * row, its intervention, unit, decision and case. Every read has the reader's scope
 * (delivery-change.policy.ts deliveryRowReadScope) in its WHERE — the person in scope, and the row
 * at a unit at or below the reader's or under a decision of the authority's service area — so a
 * row outside it is simply not found, the same 404 as a missing one.
 */
import { sql, type SqlBool } from 'kysely';
import type { Trx } from '../../platform/db/tenant.ts';
import { isPersonInScope } from '../../platform/access/person-scope.ts';
import type { ServiceAreaCode } from '../../../domain/organisation.ts';
import type { DeliveryStatus } from '../../../domain/delivery-rules.ts';
import type { DeliveryRecord } from '../deliveries/index.ts';
import type { DeliveryRowReadScope } from './delivery-change.policy.ts';

export interface DeliveryForChange {
  /** The row as stored, to copy into a continuation. */
  record: DeliveryRecord;
  id: string;
  status: DeliveryStatus;
  personId: string;
  assignmentId: string;
  assignmentNumber: string;
  interventionName: string;
  providerUnitId: string;
  providerUnitName: string;
  periodFrom: string;
  periodTo: string | null;
  startedOn: string | null;
  version: number;
  decision: { id: string; decisionNumber: string; periodFrom: string; periodTo: string | null; endedOn: string | null };
  caseId: string;
  caseOfficerId: string;
  caseOfficerName: string;
  serviceArea: ServiceAreaCode;
}

function selectRows(trx: Trx, scope: DeliveryRowReadScope) {
  const byPlace = [
    ...(scope.unitIds.length ? [sql<SqlBool>`d.provider_unit_id = any(${[...scope.unitIds]}::uuid[])`] : []),
    ...(scope.authorityServiceArea ? [sql<SqlBool>`c.service_area = ${scope.authorityServiceArea}`] : []),
  ];
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
    .innerJoin('units as pu', (join) =>
      join.onRef('pu.municipality_id', '=', 'd.municipality_id').onRef('pu.id', '=', 'd.provider_unit_id'),
    )
    .innerJoin('decisions as dc', (join) =>
      join.onRef('dc.municipality_id', '=', 'd.municipality_id').onRef('dc.id', '=', 'd.decision_id'),
    )
    .innerJoin('cases as c', (join) =>
      join.onRef('c.municipality_id', '=', 'a.municipality_id').onRef('c.id', '=', 'a.case_id'),
    )
    .innerJoin('users as co', (join) =>
      join.onRef('co.municipality_id', '=', 'c.municipality_id').onRef('co.id', '=', 'c.case_officer_id'),
    )
    .selectAll('d')
    .select([
      'a.assignment_number',
      'it.name as intervention_name',
      'pu.name as provider_unit_name',
      'dc.decision_number',
      'dc.period_from as decision_from',
      'dc.period_to as decision_to',
      'dc.ended_on as decision_ended_on',
      'c.id as case_id',
      'c.case_officer_id',
      'co.display_name as case_officer_name',
      'c.service_area',
    ])
    .where(isPersonInScope('d.person_id', scope.personScopeUnitIds))
    .where(byPlace.length ? sql<SqlBool>`(${sql.join(byPlace, sql` or `)})` : sql<SqlBool>`false`);
}

type Row = Awaited<ReturnType<ReturnType<typeof selectRows>['executeTakeFirstOrThrow']>>;

function toDelivery(row: Row): DeliveryForChange {
  const {
    assignment_number,
    intervention_name,
    provider_unit_name,
    decision_number,
    decision_from,
    decision_to,
    decision_ended_on,
    case_id,
    case_officer_id,
    case_officer_name,
    service_area,
    ...record
  } = row;
  return {
    record,
    id: record.id,
    status: record.status as DeliveryStatus,
    personId: record.person_id,
    assignmentId: record.assignment_id,
    assignmentNumber: assignment_number,
    interventionName: intervention_name,
    providerUnitId: record.provider_unit_id,
    providerUnitName: provider_unit_name,
    periodFrom: record.period_from,
    periodTo: record.period_to,
    startedOn: record.started_on,
    version: record.version,
    decision: {
      id: record.decision_id,
      decisionNumber: decision_number,
      periodFrom: decision_from,
      periodTo: decision_to,
      endedOn: decision_ended_on,
    },
    caseId: case_id,
    caseOfficerId: case_officer_id,
    caseOfficerName: case_officer_name,
    serviceArea: service_area as ServiceAreaCode,
  };
}

/**
 * A row the reader reads; undefined when missing, out of scope or in another municipality.
 * With `lock`, the row stays locked until the transaction ends, so two changes of one row queue.
 */
export async function findDeliveryForChange(
  trx: Trx,
  deliveryId: string,
  scope: DeliveryRowReadScope,
  lock = false,
): Promise<DeliveryForChange | undefined> {
  let query = selectRows(trx, scope).where('d.id', '=', deliveryId);
  if (lock) query = query.forUpdate('d');
  const row = await query.executeTakeFirst();
  return row && toDelivery(row);
}

/** The person's rows among these ids that the reader reads, locked, in the order given; other ids are left out. */
export async function listPersonDeliveriesForChange(
  trx: Trx,
  personId: string,
  deliveryIds: readonly string[],
  scope: DeliveryRowReadScope,
): Promise<DeliveryForChange[]> {
  if (deliveryIds.length === 0) return [];
  const rows = await selectRows(trx, scope)
    .where('d.person_id', '=', personId)
    .where('d.id', 'in', [...deliveryIds])
    .orderBy('d.id')
    .forUpdate('d')
    .execute();
  const byId = new Map(rows.map((row) => [row.id, toDelivery(row)]));
  return deliveryIds.flatMap((id) => byId.get(id) ?? []);
}

/** Whether any other row of the decision still runs, or will, after the day. */
export async function hasOtherOngoingRows(
  trx: Trx,
  decisionId: string,
  exceptDeliveryId: string,
  day: string,
): Promise<boolean> {
  const row = await trx
    .selectFrom('deliveries')
    .select(sql<number>`1`.as('one'))
    .where('decision_id', '=', decisionId)
    .where('id', '<>', exceptDeliveryId)
    .where((eb) => eb.or([eb('period_to', 'is', null), eb('period_to', '>', day)]))
    .executeTakeFirst();
  return row !== undefined;
}
