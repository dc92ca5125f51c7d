/**
 * SQL for changes of provider (byt utförare): the provider_changes rows, and what their messages
 * need to name (units, assignments, interventions, the case officer).
 */
import { sql } from 'kysely';
import type { Trx } from '../../platform/db/tenant.ts';
import { deliveryRowName } from '../../../domain/delivery-rules.ts';

export type ProviderChangeStatus = 'pending' | 'accepted' | 'stopped';

export interface ProviderChangeRecord {
  id: string;
  personId: string;
  fromAssignmentId: string;
  fromAssignmentNumber: string;
  toAssignmentId: string;
  toAssignmentNumber: string;
  fromUnitId: string;
  fromUnitName: string;
  toUnitId: string;
  toUnitName: string;
  changeDate: string;
  deliveryIds: string[];
  status: ProviderChangeStatus;
  requestedById: string;
  requestedByName: string;
  decidedByName: string | null;
  decidedAt: Date | null;
  caseOfficerId: string;
  createdAt: Date;
}

function selectChanges(trx: Trx) {
  return trx
    .selectFrom('provider_changes as pc')
    .innerJoin('assignments as fa', (join) =>
      join.onRef('fa.municipality_id', '=', 'pc.municipality_id').onRef('fa.id', '=', 'pc.from_assignment_id'),
    )
    .innerJoin('assignments as ta', (join) =>
      join.onRef('ta.municipality_id', '=', 'pc.municipality_id').onRef('ta.id', '=', 'pc.to_assignment_id'),
    )
    .innerJoin('cases as c', (join) =>
      join.onRef('c.municipality_id', '=', 'fa.municipality_id').onRef('c.id', '=', 'fa.case_id'),
    )
    .innerJoin('units as fu', (join) =>
      join.onRef('fu.municipality_id', '=', 'pc.municipality_id').onRef('fu.id', '=', 'pc.from_provider_unit_id'),
    )
    .innerJoin('units as tu', (join) =>
      join.onRef('tu.municipality_id', '=', 'pc.municipality_id').onRef('tu.id', '=', 'pc.to_provider_unit_id'),
    )
    .innerJoin('users as rq', (join) =>
      join.onRef('rq.municipality_id', '=', 'pc.municipality_id').onRef('rq.id', '=', 'pc.requested_by_id'),
    )
    .leftJoin('users as dc', (join) =>
      join.onRef('dc.municipality_id', '=', 'pc.municipality_id').onRef('dc.id', '=', 'pc.decided_by_id'),
    )
    .select([
      'pc.id',
      'pc.person_id',
      'pc.from_assignment_id',
      'fa.assignment_number as from_number',
      'pc.to_assignment_id',
      'ta.assignment_number as to_number',
      'pc.from_provider_unit_id',
      'fu.name as from_unit_name',
      'pc.to_provider_unit_id',
      'tu.name as to_unit_name',
      'pc.change_date',
      'pc.delivery_ids',
      'pc.status',
      'pc.requested_by_id',
      'rq.display_name as requested_by_name',
      'dc.display_name as decided_by_name',
      'pc.decided_at',
      'c.case_officer_id',
      'pc.created_at',
    ]);
}

type ChangeRow = Awaited<ReturnType<ReturnType<typeof selectChanges>['executeTakeFirstOrThrow']>>;

function toRecord(row: ChangeRow): ProviderChangeRecord {
  return {
    id: row.id,
    personId: row.person_id,
    fromAssignmentId: row.from_assignment_id,
    fromAssignmentNumber: row.from_number,
    toAssignmentId: row.to_assignment_id,
    toAssignmentNumber: row.to_number,
    fromUnitId: row.from_provider_unit_id,
    fromUnitName: row.from_unit_name,
    toUnitId: row.to_provider_unit_id,
    toUnitName: row.to_unit_name,
    changeDate: row.change_date,
    deliveryIds: row.delivery_ids,
    status: row.status as ProviderChangeStatus,
    requestedById: row.requested_by_id,
    requestedByName: row.requested_by_name,
    decidedByName: row.decided_by_name,
    decidedAt: row.decided_at,
    caseOfficerId: row.case_officer_id,
    createdAt: row.created_at,
  };
}

/** The pending change that sent this assignment, locked until the transaction ends so it is settled once. */
export async function findPendingChangeForUpdate(
  trx: Trx,
  toAssignmentId: string,
): Promise<ProviderChangeRecord | undefined> {
  const locked = await trx
    .selectFrom('provider_changes')
    .select('id')
    .where('to_assignment_id', '=', toAssignmentId)
    .where('status', '=', 'pending')
    .forUpdate()
    .executeTakeFirst();
  if (!locked) return undefined;
  const row = await selectChanges(trx).where('pc.id', '=', locked.id).executeTakeFirst();
  return row ? toRecord(row) : undefined;
}

/** A person's changes of provider, newest first. */
export async function listPersonChanges(trx: Trx, personId: string): Promise<ProviderChangeRecord[]> {
  const rows = await selectChanges(trx)
    .where('pc.person_id', '=', personId)
    .orderBy('pc.created_at', 'desc')
    .orderBy('pc.id')
    .execute();
  return rows.map(toRecord);
}

/** The rows of pending changes among these, so a row on its way to another provider is not changed meanwhile. */
export async function listRowsInPendingChanges(trx: Trx, deliveryIds: readonly string[]): Promise<string[]> {
  if (deliveryIds.length === 0) return [];
  const { rows } = await sql<{ delivery_ids: string[] }>`
    select delivery_ids from provider_changes
     where status = 'pending' and delivery_ids && ${[...deliveryIds]}::uuid[]`.execute(trx);
  const pending = new Set(rows.flatMap((row) => row.delivery_ids));
  return deliveryIds.filter((id) => pending.has(id));
}

export interface NewProviderChange {
  municipalityId: string;
  personId: string;
  fromAssignmentId: string;
  toAssignmentId: string;
  fromUnitId: string;
  toUnitId: string;
  changeDate: string;
  deliveryIds: readonly string[];
  requestedById: string;
}

export async function insertProviderChange(trx: Trx, change: NewProviderChange): Promise<string> {
  const row = await trx
    .insertInto('provider_changes')
    .values({
      municipality_id: change.municipalityId,
      person_id: change.personId,
      from_assignment_id: change.fromAssignmentId,
      to_assignment_id: change.toAssignmentId,
      from_provider_unit_id: change.fromUnitId,
      to_provider_unit_id: change.toUnitId,
      change_date: change.changeDate,
      delivery_ids: [...change.deliveryIds],
      status: 'pending',
      requested_by_id: change.requestedById,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Records the new provider's answer on a pending change. */
export async function markChangeDecided(
  trx: Trx,
  changeId: string,
  status: 'accepted' | 'stopped',
  decidedById: string,
): Promise<void> {
  await trx
    .updateTable('provider_changes')
    .set({ status, decided_by_id: decidedById, decided_at: sql`now()`, version: sql`version + 1` })
    .where('id', '=', changeId)
    .where('status', '=', 'pending')
    .executeTakeFirstOrThrow();
}

/** What the moved rows are called in a message: the intervention, and the provider's label when split. */
export async function listRowNames(trx: Trx, deliveryIds: readonly string[]): Promise<string[]> {
  return [...(await listRowNameMap(trx, deliveryIds)).values()];
}

/** Each row's name by id, in the order of intervention name and start. */
export async function listRowNameMap(trx: Trx, deliveryIds: readonly string[]): Promise<Map<string, string>> {
  if (deliveryIds.length === 0) return new Map();
  const rows = await trx
    .selectFrom('deliveries as d')
    .innerJoin('assignment_interventions as ai', (join) =>
      join.onRef('ai.municipality_id', '=', 'd.municipality_id').onRef('ai.id', '=', 'd.assignment_intervention_id'),
    )
    .innerJoin('intervention_types as it', (join) =>
      join.onRef('it.municipality_id', '=', 'ai.municipality_id').onRef('it.id', '=', 'ai.intervention_type_id'),
    )
    .select(['d.id', 'it.name', 'd.label'])
    .where('d.id', 'in', [...new Set(deliveryIds)])
    .orderBy('it.name')
    .orderBy('d.period_from')
    .execute();
  return new Map(rows.map((row) => [row.id, deliveryRowName(row.name, row.label)]));
}
