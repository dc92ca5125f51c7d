/**
 * SQL that writes delivery rows, their history and the provider case they are sent into. Shared
 * by the deliveries service and the seed builders (seeds/lib/deliveries.ts), so test data is
 * written exactly as the app writes it. Every change of a row is followed by a delivery_events
 * row carrying its snapshot; callers use the functions here in pairs, never the tables directly.
 */
import { sql } from 'kysely';
import type { Trx } from '../../platform/db/tenant.ts';
import { deliverySnapshot, type DeliveryFields, type DeliveryRecord } from './delivery-snapshot.ts';

export type { DeliveryFields };

export type DeliveryEvent =
  | 'registered'
  | 'changed'
  | 'sent_to_delivery'
  | 'started'
  | 'withdrawn'
  | 'ended'
  | 'corrected'
  | 'moved_to_provider';

export interface NewDelivery extends DeliveryFields {
  municipalityId: string;
  assignmentId: string;
  assignmentInterventionId: string;
  decisionId: string;
  personId: string;
  createdById: string;
  continuesDeliveryId?: string | null;
}

function fieldColumns(fields: DeliveryFields) {
  return {
    provider_unit_id: fields.providerUnitId,
    label: fields.label,
    form_of_delivery: fields.formOfDelivery,
    resource: fields.resource,
    resource_use: fields.resourceUse,
    watch_date: fields.watchDate,
    period_from: fields.periodFrom,
    period_to: fields.periodTo,
    hours_per_visit: fields.hoursPerVisit,
    extra_hours_two_staff: fields.extraHoursTwoStaff,
    days: fields.days,
    frequency: fields.frequency,
    frequency_unit: fields.frequencyUnit,
  };
}

/** Inserts rows 'under_distribution', each with its 'registered' event; returns them in order. */
export async function insertDeliveries(
  trx: Trx,
  rows: readonly NewDelivery[],
  actorId: string,
): Promise<DeliveryRecord[]> {
  if (!rows.length) return [];
  const inserted = await trx
    .insertInto('deliveries')
    .values(
      rows.map((row) => ({
        municipality_id: row.municipalityId,
        assignment_id: row.assignmentId,
        assignment_intervention_id: row.assignmentInterventionId,
        decision_id: row.decisionId,
        person_id: row.personId,
        status: 'under_distribution',
        created_by_id: row.createdById,
        continues_delivery_id: row.continuesDeliveryId ?? null,
        ...fieldColumns(row),
      })),
    )
    .returningAll()
    .execute();
  await insertDeliveryEvents(trx, inserted, 'registered', actorId);
  return inserted;
}

/** Changes an 'under_distribution' row's fields if the version matches; undefined when stale or no longer under distribution. */
export async function updateDeliveryFields(
  trx: Trx,
  deliveryId: string,
  version: number,
  fields: DeliveryFields,
  actorId: string,
): Promise<DeliveryRecord | undefined> {
  const updated = await trx
    .updateTable('deliveries')
    .set({ ...fieldColumns(fields), version: sql`version + 1`, updated_at: sql`now()` })
    .where('id', '=', deliveryId)
    .where('version', '=', version)
    .where('status', '=', 'under_distribution')
    .returningAll()
    .executeTakeFirst();
  if (updated) await insertDeliveryEvents(trx, [updated], 'changed', actorId);
  return updated;
}

/** Appends one history row per record, each with the record as it now stands. */
export async function insertDeliveryEvents(
  trx: Trx,
  records: readonly DeliveryRecord[],
  event: DeliveryEvent,
  actorId: string | null,
  note: string | null = null,
): Promise<void> {
  if (!records.length) return;
  await trx
    .insertInto('delivery_events')
    .values(
      records.map((record) => ({
        municipality_id: record.municipality_id,
        delivery_id: record.id,
        event,
        actor_id: actorId,
        snapshot: JSON.stringify(deliverySnapshot(record)),
        note,
      })),
    )
    .execute();
}

export interface ProviderCaseOpening {
  municipalityId: string;
  personId: string;
  providerUnitId: string;
  /** The day the first row is sent there (today). */
  openedOn: string;
  /** Defaults to true; only test data leaves the person unlinked (see seeds/lib/deliveries.ts). */
  linkPerson?: boolean;
  /**
   * The rows about to be sent into the case. Rows of an assignment with none in an existing case
   * yet make it wait for acknowledgement again; the seed builders leave this out, as they say
   * themselves what is acknowledged.
   */
  deliveryIds?: readonly string[];
}

/**
 * The person's open provider case at the unit, opened when there is none — unacknowledged, so it
 * waits under the unit staff's Nya uppdrag — together with the person_unit_links row that puts
 * the person under the unit. Returns the case id.
 */
export async function findOrOpenProviderCase(trx: Trx, opening: ProviderCaseOpening): Promise<string> {
  // The lock also orders this against acknowledging and closing the case (provider-cases/).
  const existing = await trx
    .selectFrom('provider_cases')
    .select(['id', 'acknowledged_at'])
    .where('municipality_id', '=', opening.municipalityId)
    .where('person_id', '=', opening.personId)
    .where('provider_unit_id', '=', opening.providerUnitId)
    .where('closed_on', 'is', null)
    .forUpdate()
    .executeTakeFirst();
  if (existing) {
    if (opening.deliveryIds?.length)
      await awaitNewAssignments(trx, opening.municipalityId, existing, opening.deliveryIds);
    return existing.id;
  }
  const opened = await trx
    .insertInto('provider_cases')
    .values({
      municipality_id: opening.municipalityId,
      person_id: opening.personId,
      provider_unit_id: opening.providerUnitId,
      opened_on: opening.openedOn,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (opening.linkPerson === false) return opened.id;
  await trx
    .insertInto('person_unit_links')
    .values({
      municipality_id: opening.municipalityId,
      person_id: opening.personId,
      unit_id: opening.providerUnitId,
      source: 'provider_case',
      source_id: opened.id,
      valid_from: opening.openedOn,
    })
    .execute();
  return opened.id;
}

/**
 * Staff acknowledge every assignment sent to their unit (the provider manual: each new assignment
 * is kvitterat), so rows of an assignment with none in the case yet make it wait under Nya
 * uppdrag again, from now. A continuation of a row already there (a change of time) is the same
 * assignment and asks nothing. The version moves either way, so an acknowledgement made from the
 * case as it stood before cannot cover an assignment its maker never saw.
 */
async function awaitNewAssignments(
  trx: Trx,
  municipalityId: string,
  providerCase: { id: string; acknowledged_at: Date | null },
  deliveryIds: readonly string[],
): Promise<void> {
  const arriving = await trx
    .selectFrom('deliveries as d')
    .select('d.assignment_id')
    .distinct()
    .where('d.municipality_id', '=', municipalityId)
    .where('d.id', 'in', [...deliveryIds])
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('deliveries as here')
            .select(sql`1`.as('one'))
            .whereRef('here.municipality_id', '=', 'd.municipality_id')
            .whereRef('here.assignment_id', '=', 'd.assignment_id')
            .where('here.provider_case_id', '=', providerCase.id),
        ),
      ),
    )
    .execute();
  if (arriving.length === 0) return;
  const wasAcknowledged = providerCase.acknowledged_at !== null;
  if (wasAcknowledged) {
    // What the case's acknowledgement covered is kept per assignment before the case waits again
    // (cases acknowledged as a whole, e.g. by the seed builders, have no rows of their own yet).
    await sql`
      insert into provider_case_acknowledgements (municipality_id, provider_case_id, assignment_id, acknowledged_at, acknowledged_by_id)
      select distinct pc.municipality_id, pc.id, d.assignment_id, pc.acknowledged_at, pc.acknowledged_by_id
        from provider_cases pc
        join deliveries d on d.municipality_id = pc.municipality_id and d.provider_case_id = pc.id
       where pc.municipality_id = ${municipalityId} and pc.id = ${providerCase.id}
      on conflict do nothing`.execute(trx);
  }
  await trx
    .updateTable('provider_cases')
    .set({
      acknowledged_at: null,
      acknowledged_by_id: null,
      version: sql`version + 1`,
      updated_at: sql`now()`,
      ...(wasAcknowledged ? { waiting_again_since: sql<Date>`now()` } : {}),
    })
    .where('municipality_id', '=', municipalityId)
    .where('id', '=', providerCase.id)
    .execute();
}

/**
 * Sends 'under_distribution' rows to delivery into the given provider case, with their
 * 'sent_to_delivery' events. Rows whose version no longer matches (or that are no longer under
 * distribution) are left out of the result; the caller compares counts.
 */
export async function markSentToDelivery(
  trx: Trx,
  rows: readonly { id: string; version: number }[],
  providerCaseId: string,
  actorId: string,
): Promise<DeliveryRecord[]> {
  const sent: DeliveryRecord[] = [];
  for (const row of rows) {
    const updated = await trx
      .updateTable('deliveries')
      .set({
        status: 'sent_to_delivery',
        provider_case_id: providerCaseId,
        sent_to_delivery_at: sql`now()`,
        sent_to_delivery_by_id: actorId,
        version: sql`version + 1`,
        updated_at: sql`now()`,
      })
      .where('id', '=', row.id)
      .where('version', '=', row.version)
      .where('status', '=', 'under_distribution')
      .returningAll()
      .executeTakeFirst();
    if (updated) sent.push(updated);
  }
  await insertDeliveryEvents(trx, sent, 'sent_to_delivery', actorId);
  return sent;
}

/** Registers the day the support actually started, if the version matches. */
export async function markStarted(
  trx: Trx,
  deliveryId: string,
  version: number,
  startedOn: string,
  actorId: string,
): Promise<DeliveryRecord | undefined> {
  const updated = await trx
    .updateTable('deliveries')
    .set({ started_on: startedOn, version: sql`version + 1`, updated_at: sql`now()` })
    .where('id', '=', deliveryId)
    .where('version', '=', version)
    .where('status', '=', 'sent_to_delivery')
    .returningAll()
    .executeTakeFirst();
  if (updated) await insertDeliveryEvents(trx, [updated], 'started', actorId);
  return updated;
}

/** What a correction (Rätta) sets: the registered fields other than the unit and the period, and the start date. */
export type CorrectedFields = Omit<DeliveryFields, 'providerUnitId' | 'periodFrom' | 'periodTo'> & {
  startedOn: string | null;
};

/**
 * Corrects a row sent to delivery if the version matches, with a 'corrected' event carrying the
 * reason; undefined when stale or no longer sent to delivery. The unit and the period stay.
 */
export async function correctDeliveryFields(
  trx: Trx,
  deliveryId: string,
  version: number,
  fields: CorrectedFields,
  note: string,
  actorId: string,
): Promise<DeliveryRecord | undefined> {
  const updated = await trx
    .updateTable('deliveries')
    .set({
      label: fields.label,
      form_of_delivery: fields.formOfDelivery,
      resource: fields.resource,
      resource_use: fields.resourceUse,
      watch_date: fields.watchDate,
      hours_per_visit: fields.hoursPerVisit,
      extra_hours_two_staff: fields.extraHoursTwoStaff,
      days: fields.days,
      frequency: fields.frequency,
      frequency_unit: fields.frequencyUnit,
      started_on: fields.startedOn,
      version: sql`version + 1`,
      updated_at: sql`now()`,
    })
    .where('id', '=', deliveryId)
    .where('version', '=', version)
    .where('sent_to_delivery_at', 'is not', null)
    .returningAll()
    .executeTakeFirst();
  if (updated) await insertDeliveryEvents(trx, [updated], 'corrected', actorId, note);
  return updated;
}
