/**
 * SQL for a provider case (genomförande) itself: finding it for the actor, its unit's delivery
 * periods for the person, and closing it with the person_unit_links row it opened. Rows stay here;
 * the service speaks ProviderCaseRecord.
 */
import { sql } from 'kysely';
import type { Trx } from '../../platform/db/tenant.ts';
import { isPersonInScope } from '../../platform/access/person-scope.ts';

export interface ProviderCaseRecord {
  id: string;
  personId: string;
  providerUnitId: string;
  /** The service area of the case's unit. */
  serviceArea: string;
  openedOn: string;
  closedOn: string | null;
  version: number;
}

/**
 * The provider case if its person is in the actor's scope, locked for the rest of the
 * transaction: sending a row to delivery at the unit (deliveries/delivery-write.repository.ts
 * findOrOpenProviderCase) waits on the same lock, so it never adds to a case being closed.
 */
export async function findProviderCaseForUpdate(trx: Trx, providerCaseId: string, scopeUnitIds: readonly string[]): Promise<ProviderCaseRecord | undefined> {
  const row = await trx.selectFrom('provider_cases as pc')
    .innerJoin('units as u', (join) => join.onRef('u.municipality_id', '=', 'pc.municipality_id').onRef('u.id', '=', 'pc.provider_unit_id'))
    .select(['pc.id', 'pc.person_id', 'pc.provider_unit_id', 'u.service_area', 'pc.opened_on', 'pc.closed_on', 'pc.version'])
    .where('pc.id', '=', providerCaseId)
    .where(isPersonInScope('pc.person_id', scopeUnitIds))
    .forUpdate('pc')
    .executeTakeFirst();
  return row && {
    id: row.id, personId: row.person_id, providerUnitId: row.provider_unit_id, serviceArea: row.service_area,
    openedOn: row.opened_on, closedOn: row.closed_on, version: row.version,
  };
}

/** The periods of every delivery row the unit has for the person, whatever their status. */
export async function listDeliveryPeriods(trx: Trx, personId: string, providerUnitId: string): Promise<{ periodFrom: string; periodTo: string | null }[]> {
  const rows = await trx.selectFrom('deliveries').select(['period_from', 'period_to'])
    .where('person_id', '=', personId).where('provider_unit_id', '=', providerUnitId)
    .execute();
  return rows.map((row) => ({ periodFrom: row.period_from, periodTo: row.period_to }));
}

/** Closes the case if the version still matches; the new version, or undefined when stale. */
export async function markClosed(trx: Trx, providerCaseId: string, version: number, closedOn: string, closedById: string): Promise<number | undefined> {
  const row = await trx.updateTable('provider_cases')
    .set({ closed_on: closedOn, closed_by_id: closedById, version: sql`version + 1`, updated_at: sql`now()` })
    .where('id', '=', providerCaseId).where('version', '=', version).where('closed_on', 'is', null)
    .returning('version').executeTakeFirst();
  return row?.version;
}

/**
 * Ends the unit's ongoing provider-case links to the person on the closing day, so the unit sees
 * the person only for the recent-link period after it (ADR 0004). A link cannot end before it
 * began, so one that began later (opened on a later day than the case says) ends on its first day.
 */
export async function endProviderCaseLinks(trx: Trx, personId: string, providerUnitId: string, closedOn: string): Promise<void> {
  await trx.updateTable('person_unit_links')
    .set({ valid_to: sql`greatest(valid_from, ${closedOn}::date)` })
    .where('person_id', '=', personId).where('unit_id', '=', providerUnitId)
    .where('source', '=', 'provider_case').where('valid_to', 'is', null)
    .execute();
}
