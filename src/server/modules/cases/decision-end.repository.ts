/**
 * SQL for what ending a decision does at the provider: the delivery rows of its assignments, its
 * assignments still waiting in Nya uppdrag, and the changes to both. Rows and their history are
 * written through the deliveries module's insertDeliveryEvents, so the history has one snapshot
 * shape whoever wrote it.
 */
import { sql } from 'kysely';
import type { Trx } from '../../platform/db/tenant.ts';
import type { DeliveryStatus } from '../../../domain/delivery-rules.ts';
import type { DeliveryRecord } from '../deliveries/index.ts';
import { insertDeliveryEvents } from '../deliveries/index.ts';

export interface DecisionRow {
  id: string;
  assignmentId: string;
  assignmentNumber: string;
  interventionName: string;
  label: string | null;
  providerUnit: { id: string; name: string };
  status: DeliveryStatus;
  periodFrom: string;
  periodTo: string | null;
  startedOn: string | null;
}

/**
 * Every delivery row of the decision, in the order the messages list them. With `lock` they stay
 * locked until the transaction ends, so a provider's change of the same row waits and then finds
 * it ended.
 */
export async function listDecisionRows(trx: Trx, decisionId: string, lock: boolean): Promise<DecisionRow[]> {
  let query = trx
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
    .select([
      'd.id',
      'd.assignment_id',
      'a.assignment_number',
      'it.name as intervention_name',
      'd.label',
      'd.provider_unit_id',
      'pu.name as unit_name',
      'd.status',
      'd.period_from',
      'd.period_to',
      'd.started_on',
    ])
    .where('d.decision_id', '=', decisionId)
    .orderBy(sql`pu.name collate "sv-x-icu"`)
    .orderBy('a.assignment_number')
    .orderBy('d.period_from')
    .orderBy(sql`it.name collate "sv-x-icu"`)
    .orderBy(sql`coalesce(d.label, '') collate "sv-x-icu"`)
    .orderBy('d.id');
  if (lock) query = query.forUpdate('d');
  const rows = await query.execute();
  return rows.map((row) => ({
    id: row.id,
    assignmentId: row.assignment_id,
    assignmentNumber: row.assignment_number,
    interventionName: row.intervention_name,
    label: row.label,
    providerUnit: { id: row.provider_unit_id, name: row.unit_name },
    status: row.status as DeliveryStatus,
    periodFrom: row.period_from,
    periodTo: row.period_to,
    startedOn: row.started_on,
  }));
}

export interface WaitingAssignment {
  id: string;
  assignmentNumber: string;
  provider: { id: string; name: string };
  /** The change of provider this assignment was sent for, while the new provider has not answered. */
  pendingChange: { id: string; changeDate: string; fromUnitName: string } | null;
}

/** The decision's sent assignments still waiting in the provider's Nya uppdrag (state new); locked with `lock`. */
export async function listWaitingAssignments(
  trx: Trx,
  decisionId: string,
  lock: boolean,
): Promise<WaitingAssignment[]> {
  let query = trx
    .selectFrom('assignment_states as st')
    .innerJoin('assignments as a', (join) =>
      join.onRef('a.municipality_id', '=', 'st.municipality_id').onRef('a.id', '=', 'st.assignment_id'),
    )
    .innerJoin('units as pr', (join) =>
      join.onRef('pr.municipality_id', '=', 'a.municipality_id').onRef('pr.id', '=', 'a.provider_id'),
    )
    .leftJoin('provider_changes as pc', (join) =>
      join
        .onRef('pc.municipality_id', '=', 'a.municipality_id')
        .onRef('pc.to_assignment_id', '=', 'a.id')
        .on('pc.status', '=', 'pending'),
    )
    .leftJoin('units as fu', (join) =>
      join.onRef('fu.municipality_id', '=', 'pc.municipality_id').onRef('fu.id', '=', 'pc.from_provider_unit_id'),
    )
    .select([
      'a.id',
      'a.assignment_number',
      'pr.id as provider_id',
      'pr.name as provider_name',
      'pc.id as change_id',
      'pc.change_date',
      'fu.name as from_unit_name',
    ])
    .where('a.decision_id', '=', decisionId)
    .where('st.status', '=', 'new')
    .orderBy('a.assignment_number');
  if (lock) query = query.forUpdate('st');
  const rows = await query.execute();
  return rows.map((row) => ({
    id: row.id,
    assignmentNumber: row.assignment_number,
    provider: { id: row.provider_id, name: row.provider_name },
    pendingChange:
      row.change_id && row.change_date && row.from_unit_name
        ? { id: row.change_id, changeDate: row.change_date, fromUnitName: row.from_unit_name }
        : null,
  }));
}

/**
 * Ends the rows on the day with the reason and writes their 'ended' history. Rows still under
 * distribution or sent to delivery become ended; withdrawn and ended rows keep their status and
 * get the earlier last day. Returns the rows as they now stand.
 */
export async function endRowsOnDay(
  trx: Trx,
  rows: readonly { id: string; keepsStatus: boolean }[],
  lastDay: string,
  reason: string,
  actorId: string,
  note: string,
): Promise<DeliveryRecord[]> {
  const changed: DeliveryRecord[] = [];
  const toEnd = rows.filter((row) => !row.keepsStatus).map((row) => row.id);
  const toCut = rows.filter((row) => row.keepsStatus).map((row) => row.id);
  const common = {
    period_to: lastDay,
    end_reason: reason,
    version: sql<number>`version + 1`,
    updated_at: sql<Date>`now()`,
  };
  if (toEnd.length) {
    changed.push(
      ...(await trx
        .updateTable('deliveries')
        .set({ ...common, status: 'ended' })
        .where('id', 'in', toEnd)
        .where('status', 'in', ['under_distribution', 'sent_to_delivery'])
        .returningAll()
        .execute()),
    );
  }
  if (toCut.length) {
    changed.push(
      ...(await trx
        .updateTable('deliveries')
        .set(common)
        .where('id', 'in', toCut)
        .where('status', 'in', ['withdrawn', 'ended'])
        .where('period_to', '>', lastDay)
        .returningAll()
        .execute()),
    );
  }
  await insertDeliveryEvents(trx, changed, 'ended', actorId, note);
  return changed;
}

/**
 * Withdraws waiting assignments: state withdrawn with the reason, a 'withdrawn' event, and the
 * provider's person link from the assignment ends today (the person stays "recent" there for a
 * while, ADR 0004), as when the provider stops one. Only states still new are changed.
 */
export async function withdrawAssignments(
  trx: Trx,
  municipalityId: string,
  assignmentIds: readonly string[],
  actorId: string,
  message: string,
  today: string,
): Promise<void> {
  if (assignmentIds.length === 0) return;
  await trx
    .updateTable('assignment_states')
    .set({ status: 'withdrawn', message, changed_by_id: actorId, changed_at: sql`now()`, version: sql`version + 1` })
    .where('assignment_id', 'in', [...assignmentIds])
    .where('status', '=', 'new')
    .execute();
  await trx
    .insertInto('assignment_events')
    .values(
      assignmentIds.map((assignmentId) => ({
        municipality_id: municipalityId,
        assignment_id: assignmentId,
        event: 'withdrawn',
        actor_id: actorId,
        message,
      })),
    )
    .execute();
  await trx
    .updateTable('person_unit_links')
    .set({ valid_to: sql`greatest(valid_from, ${today}::date)` })
    .where('source', '=', 'assignment')
    .where('source_id', 'in', [...assignmentIds])
    .where('valid_to', 'is', null)
    .execute();
}
