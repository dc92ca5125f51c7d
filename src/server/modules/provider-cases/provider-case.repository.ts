/**
 * All SQL for a person's case at a provider unit (genomförande): finding it for a reader with the
 * read scope (provider-case.policy.ts providerCaseReadScope) in the WHERE, so a case out of scope is
 * never loaded and answers 404 like a missing one; its assignments and their acknowledgements
 * (kvittera), "Mina personer"; the unit's delivery periods for the person and closing, with the
 * person_unit_links row the case opened. Row-level security adds the tenant. Rows stay here; the
 * service speaks ProviderCaseRecord. A case is opened by sending rows to delivery
 * (../deliveries/delivery-write.repository.ts findOrOpenProviderCase, shared with the seeds).
 */
import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { Trx } from '../../platform/db/tenant.ts';
import { isPersonInScope } from '../../platform/access/person-scope.ts';
import type { ServiceAreaCode } from '../../../domain/organisation.ts';
import type { PersonRecordRef } from '../assignments/index.ts';
import type { ProviderCaseReadScope } from './provider-case.policy.ts';

export interface ProviderCaseRecord {
  id: string;
  person: PersonRecordRef;
  providerUnit: { id: string; name: string };
  /** The service area of the case's unit. */
  serviceArea: ServiceAreaCode;
  openedOn: string;
  acknowledgedAt: Date | null;
  acknowledgedByName: string | null;
  closedOn: string | null;
  version: number;
}

/** Whether the reader knows the case (`pc`, joined to its unit `u`): the read rule, in SQL. */
function isProviderCaseReadable(scope: ProviderCaseReadScope): RawBuilder<SqlBool> {
  const parts: RawBuilder<SqlBool>[] = [];
  if (scope.staffUnitIds.length)
    parts.push(sql<SqlBool>`pc.provider_unit_id = any(${[...scope.staffUnitIds]}::uuid[])`);
  if (scope.authority?.personScopeUnitIds.length) {
    parts.push(
      sql<SqlBool>`(u.service_area = ${scope.authority.serviceArea} and ${isPersonInScope('pc.person_id', scope.authority.personScopeUnitIds)})`,
    );
  }
  return parts.length ? sql<SqlBool>`(${sql.join(parts, sql` or `)})` : sql<SqlBool>`false`;
}

/**
 * One provider case the reader knows of; undefined when missing, out of scope or in another
 * municipality. With `lock` it stays locked for the rest of the transaction: acknowledging and
 * closing take it, and sending a row to delivery at the unit (findOrOpenProviderCase) waits on
 * the same lock, so a row never joins a case being closed.
 */
export async function findProviderCase(
  trx: Trx,
  providerCaseId: string,
  scope: ProviderCaseReadScope,
  lock = false,
): Promise<ProviderCaseRecord | undefined> {
  if (scope.staffUnitIds.length === 0 && scope.authority === null) return undefined;
  let query = trx
    .selectFrom('provider_cases as pc')
    .innerJoin('persons as p', (join) =>
      join.onRef('p.municipality_id', '=', 'pc.municipality_id').onRef('p.id', '=', 'pc.person_id'),
    )
    .innerJoin('units as u', (join) =>
      join.onRef('u.municipality_id', '=', 'pc.municipality_id').onRef('u.id', '=', 'pc.provider_unit_id'),
    )
    .leftJoin('users as ack', (join) =>
      join.onRef('ack.municipality_id', '=', 'pc.municipality_id').onRef('ack.id', '=', 'pc.acknowledged_by_id'),
    )
    .select([
      'pc.id',
      'p.id as person_id',
      'p.identity_number',
      'p.first_name',
      'p.last_name',
      'p.protected_identity',
      'u.id as unit_id',
      'u.name as unit_name',
      'u.service_area',
      'pc.opened_on',
      'pc.acknowledged_at',
      'ack.display_name as acknowledged_by_name',
      'pc.closed_on',
      'pc.version',
    ])
    .where('pc.id', '=', providerCaseId)
    .where(isProviderCaseReadable(scope));
  if (lock) query = query.forUpdate('pc');
  const row = await query.executeTakeFirst();
  return (
    row && {
      id: row.id,
      person: {
        id: row.person_id,
        identityNumber: row.identity_number,
        firstName: row.first_name,
        lastName: row.last_name,
        protectedIdentity: row.protected_identity,
      },
      providerUnit: { id: row.unit_id, name: row.unit_name },
      serviceArea: row.service_area as ServiceAreaCode,
      openedOn: row.opened_on,
      acknowledgedAt: row.acknowledged_at,
      acknowledgedByName: row.acknowledged_by_name,
      closedOn: row.closed_on,
      version: row.version,
    }
  );
}

export interface ProviderCaseAssignment {
  id: string;
  assignmentNumber: string;
  /** This assignment's own acknowledgement in the case; null when none is recorded (see the service). */
  acknowledgedAt: Date | null;
  acknowledgedByName: string | null;
}

/** The assignments whose rows were sent into the provider case, oldest first, with their acknowledgements there. */
export async function listProviderCaseAssignments(trx: Trx, providerCaseId: string): Promise<ProviderCaseAssignment[]> {
  const rows = await trx
    .selectFrom('assignments as a')
    .leftJoin('provider_case_acknowledgements as pa', (join) =>
      join
        .onRef('pa.municipality_id', '=', 'a.municipality_id')
        .onRef('pa.assignment_id', '=', 'a.id')
        .on('pa.provider_case_id', '=', providerCaseId),
    )
    .leftJoin('users as ack', (join) =>
      join.onRef('ack.municipality_id', '=', 'pa.municipality_id').onRef('ack.id', '=', 'pa.acknowledged_by_id'),
    )
    .select(['a.id', 'a.assignment_number', 'pa.acknowledged_at', 'ack.display_name as acknowledged_by_name'])
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('deliveries as d')
          .select(sql`1`.as('one'))
          .whereRef('d.municipality_id', '=', 'a.municipality_id')
          .whereRef('d.assignment_id', '=', 'a.id')
          .where('d.provider_case_id', '=', providerCaseId),
      ),
    )
    .orderBy('a.sent_at')
    .orderBy('a.id')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    assignmentNumber: row.assignment_number,
    acknowledgedAt: row.acknowledged_at,
    acknowledgedByName: row.acknowledged_by_name,
  }));
}

/** Records that the user acknowledged these assignments in the case, now. */
export async function insertAcknowledgements(
  trx: Trx,
  municipalityId: string,
  providerCaseId: string,
  assignmentIds: readonly string[],
  userId: string,
): Promise<void> {
  if (assignmentIds.length === 0) return;
  await trx
    .insertInto('provider_case_acknowledgements')
    .values(
      assignmentIds.map((assignmentId) => ({
        municipality_id: municipalityId,
        provider_case_id: providerCaseId,
        assignment_id: assignmentId,
        acknowledged_at: sql<Date>`now()`,
        acknowledged_by_id: userId,
      })),
    )
    .execute();
}

export async function isInMyPersons(trx: Trx, userId: string, personId: string): Promise<boolean> {
  const row = await trx
    .selectFrom('my_persons')
    .select('person_id')
    .where('user_id', '=', userId)
    .where('person_id', '=', personId)
    .executeTakeFirst();
  return row !== undefined;
}

/** Acknowledges an open, unacknowledged case if the version matches; the new version, or undefined. */
export async function markAcknowledged(
  trx: Trx,
  providerCaseId: string,
  version: number,
  userId: string,
): Promise<{ version: number; acknowledgedAt: Date } | undefined> {
  const row = await trx
    .updateTable('provider_cases')
    .set({ acknowledged_at: sql`now()`, acknowledged_by_id: userId, version: sql`version + 1`, updated_at: sql`now()` })
    .where('id', '=', providerCaseId)
    .where('version', '=', version)
    .where('acknowledged_at', 'is', null)
    .where('closed_on', 'is', null)
    .returning(['version', 'acknowledged_at'])
    .executeTakeFirst();
  return row?.acknowledged_at ? { version: row.version, acknowledgedAt: row.acknowledged_at } : undefined;
}

/** Adds the person to the user's "Mina personer"; already there is fine. */
export async function addToMyPersons(
  trx: Trx,
  municipalityId: string,
  userId: string,
  personId: string,
): Promise<void> {
  await trx
    .insertInto('my_persons')
    .values({ municipality_id: municipalityId, user_id: userId, person_id: personId })
    .onConflict((conflict) => conflict.columns(['municipality_id', 'user_id', 'person_id']).doNothing())
    .execute();
}

/** The periods of every delivery row the unit has for the person, whatever their status. */
export async function listDeliveryPeriods(
  trx: Trx,
  personId: string,
  providerUnitId: string,
): Promise<{ periodFrom: string; periodTo: string | null }[]> {
  const rows = await trx
    .selectFrom('deliveries')
    .select(['period_from', 'period_to'])
    .where('person_id', '=', personId)
    .where('provider_unit_id', '=', providerUnitId)
    .execute();
  return rows.map((row) => ({ periodFrom: row.period_from, periodTo: row.period_to }));
}

/** Closes the case if the version still matches; the new version, or undefined when stale. */
export async function markClosed(
  trx: Trx,
  providerCaseId: string,
  version: number,
  closedOn: string,
  closedById: string,
): Promise<number | undefined> {
  const row = await trx
    .updateTable('provider_cases')
    .set({ closed_on: closedOn, closed_by_id: closedById, version: sql`version + 1`, updated_at: sql`now()` })
    .where('id', '=', providerCaseId)
    .where('version', '=', version)
    .where('closed_on', 'is', null)
    .returning('version')
    .executeTakeFirst();
  return row?.version;
}

/**
 * Ends the unit's ongoing provider-case links to the person on the closing day, so the unit sees
 * the person only for the recent-link period after it (ADR 0004). A link cannot end before it
 * began, so one that began later (opened on a later day than the case says) ends on its first day.
 */
export async function endProviderCaseLinks(
  trx: Trx,
  personId: string,
  providerUnitId: string,
  closedOn: string,
): Promise<void> {
  await trx
    .updateTable('person_unit_links')
    .set({ valid_to: sql`greatest(valid_from, ${closedOn}::date)` })
    .where('person_id', '=', personId)
    .where('unit_id', '=', providerUnitId)
    .where('source', '=', 'provider_case')
    .where('valid_to', 'is', null)
    .execute();
}
