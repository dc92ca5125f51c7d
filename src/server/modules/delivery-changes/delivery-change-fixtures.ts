/**
 * Test data for the delivery-change tests, the permission matrix and the browser test, through the
 * deliveries module's fixtures: a person under a unit with an assignment distributed there and its
 * rows sent to delivery.
 */
import type { Db } from '../../platform/db/database.ts';
import type { TestUnitKey, TestWorld } from '../../../../test/factories.ts';
import type { TestClient } from '../../../../test/http-client.ts';
import { createDeliveryRows, createSentAssignment, type SentAssignment } from '../deliveries/delivery-fixtures.ts';

export interface SentRows {
  personId: string;
  sent: SentAssignment;
  /** One row per intervention (ÄO: personal care, then meals), sent to delivery from 2026-02-01. */
  deliveryIds: string[];
}

export interface SentRowsOptions {
  /** The unit the rows are delivered at; the person is linked to it and to the authority. Defaults to Hemtjänst Norr. */
  unit?: TestUnitKey;
  /** An existing person instead of a new one. */
  personId?: string;
  /** The rows' last day; tills vidare when left out. */
  periodTo?: string | null;
  /** The decision's last day; tills vidare when left out. */
  decisionPeriodTo?: string | null;
  startedOn?: string | null;
  /** Link the person to the authority unit through the case (default true). */
  linkPerson?: boolean;
}

/** A person with two rows sent to delivery at the unit (hours per visit, every day, twice a day). */
export async function createSentRows(ownerDb: Db, world: TestWorld, options: SentRowsOptions = {}): Promise<SentRows> {
  const unit = options.unit ?? 'homeCareNorth';
  const isIfo = unit === 'familyTeam';
  const personId = options.personId ?? (await world.createPerson([isIfo ? 'ifoAuthority' : 'aoAuthority', unit])).id;
  const sent = await createSentAssignment(ownerDb, world, personId, {
    serviceArea: isIfo ? 'IFO' : 'AO', periodTo: options.decisionPeriodTo ?? null, linkPerson: options.linkPerson ?? true,
  });
  const rows = await createDeliveryRows(ownerDb, world, sent, world.units[unit], {
    periodTo: options.periodTo ?? null, startedOn: options.startedOn ?? null,
    formOfDelivery: 'Hemtjänst dag', hoursPerVisit: 0.5, days: 'whole_week', frequency: 2, frequencyUnit: 'times_per_day',
  });
  return { personId, sent, deliveryIds: rows.deliveryIds };
}

/** A row's current version, as a form would have read it. */
export async function deliveryVersion(ownerDb: Db, deliveryId: string): Promise<number> {
  return (await ownerDb.selectFrom('deliveries').select('version').where('id', '=', deliveryId).executeTakeFirstOrThrow()).version;
}

/** The events of a row's history, oldest first. */
export async function deliveryEvents(ownerDb: Db, deliveryId: string): Promise<{ event: string; note: string | null; snapshot: Record<string, unknown> }[]> {
  const rows = await ownerDb.selectFrom('delivery_events').select(['event', 'note', 'snapshot']).where('delivery_id', '=', deliveryId).orderBy('id').execute();
  return rows.map((row) => ({ event: row.event, note: row.note, snapshot: row.snapshot as Record<string, unknown> }));
}

/** Registers an interruption through the API as the client; its id. */
export async function interrupt(client: TestClient, deliveryId: string, fromDate: string, toDate: string | null, reason = 'Sjukhusvistelse'): Promise<string> {
  const response = await client.post(`/api/deliveries/${deliveryId}/interruptions`, { fromDate, toDate, reason });
  if (response.status !== 200) throw new Error(`interruption not registered: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body.id as string;
}

/** A row's interruptions as stored, by first day. */
export function interruptionsOf(ownerDb: Db, deliveryId: string) {
  return ownerDb.selectFrom('interruptions').select(['id', 'from_date', 'to_date', 'version']).where('delivery_id', '=', deliveryId).orderBy('from_date').execute();
}
