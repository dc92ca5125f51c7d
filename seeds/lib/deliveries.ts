/**
 * Builds a distributed assignment straight into the database as the owner role, the way the app
 * writes it (through the deliveries module's write repository): the provider-side state
 * 'accepted' with its event, delivery rows with their 'registered' history, and — for rows sent
 * to delivery — the person's provider case at the unit (opened if none), the person_unit_links
 * row that puts the person under the unit, and the 'sent_to_delivery' history. Event messages are
 * left to the app. Shared by tests and benchmarks.
 */
import { sql } from 'kysely';
import { todayInSweden } from '../../src/domain/dates.ts';
import type { Trx } from '../../src/server/platform/db/tenant.ts';
import {
  findOrOpenProviderCase,
  insertDeliveries,
  markSentToDelivery,
  markStarted,
  type NewDelivery,
} from '../../src/server/modules/deliveries/delivery-write.repository.ts';
import type { DeliveryDays, FrequencyUnit } from '../../src/contract/deliveries.ts';
import type { OwnerDb } from './builders.ts';

export type { DeliveryDays, FrequencyUnit };

export interface DeliveryRowSpec {
  assignmentInterventionId: string;
  providerUnitId: string;
  periodFrom: string;
  /** Null or missing = tills vidare (only right under a tills vidare decision; the builder does not check). */
  periodTo?: string | null;
  /** Defaults to 'sent_to_delivery'. */
  status?: 'under_distribution' | 'sent_to_delivery';
  label?: string | null;
  formOfDelivery?: string | null;
  resource?: string | null;
  resourceUse?: string | null;
  watchDate?: string | null;
  hoursPerVisit?: number | null;
  extraHoursTwoStaff?: number | null;
  days?: DeliveryDays | null;
  frequency?: number | null;
  frequencyUnit?: FrequencyUnit | null;
  /** Verkställighetsdatum; only for rows sent to delivery. */
  startedOn?: string | null;
  /** The withdrawn row this one continues (a change of time). */
  continuesDeliveryId?: string | null;
}

export interface DeliveriesSpec {
  municipalityId: string;
  assignmentId: string;
  rows: DeliveryRowSpec[];
  createdById: string;
  /** Defaults to true: the assignment's provider-side state goes from 'new' to 'accepted' with its event. */
  accept?: boolean;
  /** The day provider cases are opened (and the person is linked from); defaults to today in Sweden. */
  sentOn?: string;
  /** When given, the provider cases the rows were sent into are acknowledged (kvitterade) by this user. */
  acknowledgedById?: string;
  /**
   * Defaults to true. False leaves person_unit_links alone: the permission matrix needs rows for a
   * person who must stay outside a unit's scope.
   */
  linkPerson?: boolean;
}

export interface CreatedDeliveries {
  /** deliveries ids, in the order given. */
  deliveryIds: string[];
  /** Per row, in the order given: the provider case it was sent into, or null while under distribution. */
  providerCaseIds: (string | null)[];
}

/** Registers the rows of an assignment's distribution and sends those marked for delivery. */
export async function createDeliveries(db: OwnerDb, spec: DeliveriesSpec): Promise<CreatedDeliveries> {
  return inTransaction(db, async (trx) => {
    const assignment = await trx
      .selectFrom('assignments')
      .select(['decision_id', 'person_id'])
      .where('municipality_id', '=', spec.municipalityId)
      .where('id', '=', spec.assignmentId)
      .executeTakeFirstOrThrow();
    if (spec.accept ?? true) await accept(trx, spec);
    const records = await insertDeliveries(
      trx,
      spec.rows.map(
        (row): NewDelivery => ({
          municipalityId: spec.municipalityId,
          assignmentId: spec.assignmentId,
          assignmentInterventionId: row.assignmentInterventionId,
          decisionId: assignment.decision_id,
          personId: assignment.person_id,
          createdById: spec.createdById,
          continuesDeliveryId: row.continuesDeliveryId ?? null,
          providerUnitId: row.providerUnitId,
          label: row.label ?? null,
          formOfDelivery: row.formOfDelivery ?? null,
          resource: row.resource ?? null,
          resourceUse: row.resourceUse ?? null,
          watchDate: row.watchDate ?? null,
          periodFrom: row.periodFrom,
          periodTo: row.periodTo ?? null,
          hoursPerVisit: row.hoursPerVisit ?? null,
          extraHoursTwoStaff: row.extraHoursTwoStaff ?? null,
          days: row.days ?? null,
          frequency: row.frequency ?? null,
          frequencyUnit: row.frequencyUnit ?? null,
        }),
      ),
      spec.createdById,
    );
    const providerCaseIds: (string | null)[] = spec.rows.map(() => null);
    for (const [index, row] of spec.rows.entries()) {
      if ((row.status ?? 'sent_to_delivery') !== 'sent_to_delivery') continue;
      const record = records[index]!;
      const providerCaseId = await findOrOpenProviderCase(trx, {
        municipalityId: spec.municipalityId,
        personId: assignment.person_id,
        providerUnitId: row.providerUnitId,
        openedOn: spec.sentOn ?? todayInSweden(),
        linkPerson: spec.linkPerson ?? true,
      });
      const [sent] = await markSentToDelivery(
        trx,
        [{ id: record.id, version: record.version }],
        providerCaseId,
        spec.createdById,
      );
      if (row.startedOn) await markStarted(trx, record.id, sent!.version, row.startedOn, spec.createdById);
      providerCaseIds[index] = providerCaseId;
    }
    if (spec.acknowledgedById) await acknowledge(trx, spec, providerCaseIds, spec.acknowledgedById);
    return { deliveryIds: records.map((record) => record.id), providerCaseIds };
  });
}

async function accept(trx: Trx, spec: DeliveriesSpec): Promise<void> {
  const accepted = await trx
    .updateTable('assignment_states')
    .set({ status: 'accepted', changed_at: sql`now()`, changed_by_id: spec.createdById, version: sql`version + 1` })
    .where('municipality_id', '=', spec.municipalityId)
    .where('assignment_id', '=', spec.assignmentId)
    .where('status', '=', 'new')
    .returning('assignment_id')
    .executeTakeFirst();
  if (accepted) {
    await trx
      .insertInto('assignment_events')
      .values({
        municipality_id: spec.municipalityId,
        assignment_id: spec.assignmentId,
        event: 'accepted',
        actor_id: spec.createdById,
      })
      .execute();
  }
}

async function acknowledge(
  trx: Trx,
  spec: DeliveriesSpec,
  providerCaseIds: (string | null)[],
  userId: string,
): Promise<void> {
  const ids = [...new Set(providerCaseIds.filter((id): id is string => id !== null))];
  if (!ids.length) return;
  await trx
    .updateTable('provider_cases')
    .set({ acknowledged_at: sql`now()`, acknowledged_by_id: userId, version: sql`version + 1`, updated_at: sql`now()` })
    .where('municipality_id', '=', spec.municipalityId)
    .where('id', 'in', ids)
    .where('acknowledged_at', 'is', null)
    .execute();
  await trx
    .insertInto('assignment_events')
    .values({
      municipality_id: spec.municipalityId,
      assignment_id: spec.assignmentId,
      event: 'acknowledged',
      actor_id: userId,
    })
    .execute();
}

// The rows, their history and the provider case belong together; a caller already in a transaction keeps its own.
function inTransaction<T>(db: OwnerDb, fn: (trx: Trx) => Promise<T>): Promise<T> {
  if (db.isTransaction) return fn(db as Trx);
  return db.transaction().execute(fn);
}
