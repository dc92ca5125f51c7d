/**
 * The provider folders of the desk, over open provider cases (genomföranden) at the position's
 * units: "Nya uppdrag" to acknowledge (kvittera), for everyone who works at a provider unit, and
 * "Ej aktuella – att avsluta", for the managers and coordinators who close them. Each listed
 * person is an audited list hit; protected identities are masked.
 */
import type { Db } from '../../platform/db/database.ts';
import { inTenant } from '../../platform/db/tenant.ts';
import type { PositionedActor } from '../../platform/access/actor.ts';
import { ForbiddenError, NotFoundError, ValidationError } from '../../platform/errors.ts';
import { todayInSweden } from '../../../domain/dates.ts';
import { daysBetween } from '../../../domain/periods.ts';
import { deliveryRowName } from '../../../domain/delivery-rules.ts';
import { NOT_CURRENT_DEFAULT_DAYS } from '../../../contract/desk.ts';
import type * as contract from '../../../contract/desk.ts';
import * as folders from './provider-folders.repository.ts';
import * as policy from './desk.policy.ts';
import { auditListHits } from './desk.service.ts';

export const UNACKNOWLEDGED_PAGE_SIZE = 50;
export const NOT_CURRENT_PAGE_SIZE = 50;
export const STARTS_TO_REGISTER_LIMIT = 50;

function maskPerson(person: folders.PersonRef): contract.UnacknowledgedItem['person'] {
  return person.protectedIdentity ? { ...person, firstName: null, lastName: null } : person;
}

/** The position's provider-case units, or just the one asked for (404 when it is not one of them). */
function unitsFor(actor: PositionedActor, unitId: string | undefined): string[] {
  const units = policy.providerCaseUnitIds(actor.position);
  if (unitId === undefined) return units;
  if (!units.includes(unitId)) throw new NotFoundError('Enheten hittades inte.');
  return [unitId];
}

/** Open provider cases waiting to be acknowledged at the position's units (or one of them), waiting longest first. */
export async function listUnacknowledged(
  db: Db,
  actor: PositionedActor,
  query: { unitId?: string | undefined; cursor?: string | undefined },
): Promise<contract.UnacknowledgedList> {
  if (!policy.canListUnacknowledged(actor.position))
    throw new ForbiddenError('Att kvittera nya uppdrag gäller den som arbetar hos en utförare.');
  const units = unitsFor(actor, query.unitId);
  const cursor = query.cursor ? decodeCursor(query.cursor) : null;
  const scope = actor.position.personScopeUnitIds;
  const today = todayInSweden();
  return inTenant(db, actor.municipalityId, async (trx) => {
    const rows = await folders.listUnacknowledged(trx, units, scope, today, cursor, UNACKNOWLEDGED_PAGE_SIZE + 1);
    const page = rows.slice(0, UNACKNOWLEDGED_PAGE_SIZE);
    const total =
      cursor === null && rows.length <= UNACKNOWLEDGED_PAGE_SIZE
        ? rows.length
        : await folders.countUnacknowledged(trx, units, scope, today);
    const interventions = await folders.listInterventionsToAcknowledge(
      trx,
      page.map((row) => row.providerCaseId),
    );
    await auditListHits(
      trx,
      actor,
      page.map((row) => row.person),
      { list: 'unacknowledged' },
      { type: 'provider_case', ids: page.map((row) => row.providerCaseId) },
    );
    const last = page.at(-1);
    return {
      items: page.map((row) => ({
        providerCaseId: row.providerCaseId,
        person: maskPerson(row.person),
        unit: row.unit,
        openedOn: row.openedOn,
        waitingSince: row.waitingSince.toISOString(),
        wasAcknowledgedBefore: row.wasAcknowledgedBefore,
        interventions: interventions.get(row.providerCaseId) ?? [],
      })),
      total,
      nextCursor: rows.length > UNACKNOWLEDGED_PAGE_SIZE && last ? encodeCursor(last.cursor) : null,
    };
  });
}

/** Open provider cases with nothing ongoing or planned today whose last row ended within the look-back. */
export async function listNotCurrent(
  db: Db,
  actor: PositionedActor,
  query: { unitId?: string | undefined; lookBackDays?: number | undefined; page?: number | undefined },
): Promise<contract.NotCurrentList> {
  if (!policy.canListNotCurrent(actor.position))
    throw new ForbiddenError('Ej aktuella – att avsluta visas för chefer och samordnare hos utförare.');
  const units = unitsFor(actor, query.unitId);
  const lookBackDays = query.lookBackDays ?? NOT_CURRENT_DEFAULT_DAYS;
  const page = query.page ?? 1;
  const today = todayInSweden();
  return inTenant(db, actor.municipalityId, async (trx) => {
    const found = await folders.listNotCurrent(
      trx,
      units,
      actor.position.personScopeUnitIds,
      { today, lookBackDays },
      (page - 1) * NOT_CURRENT_PAGE_SIZE,
      NOT_CURRENT_PAGE_SIZE,
    );
    const reasons = await folders.listEndReasons(trx, found.rows);
    await auditListHits(
      trx,
      actor,
      found.rows.map((row) => row.person),
      { list: 'not_current' },
      { type: 'provider_case', ids: found.rows.map((row) => row.providerCaseId) },
    );
    return {
      items: found.rows.map((row) => ({
        providerCaseId: row.providerCaseId,
        version: row.version,
        person: maskPerson(row.person),
        unit: row.unit,
        openedOn: row.openedOn,
        lastDeliveryEnd: row.lastDeliveryEnd,
        daysSinceLastEnd: daysBetween(row.lastDeliveryEnd, today),
        endReason: reasons.get(row.providerCaseId) ?? null,
      })),
      total: found.total,
      page,
      pageSize: NOT_CURRENT_PAGE_SIZE,
      lookBackDays,
    };
  });
}

/** Rows at the position's units whose first day has come with no start date registered, first day longest ago first. */
export async function listStartsToRegister(db: Db, actor: PositionedActor): Promise<contract.StartsToRegisterList> {
  if (!policy.canListStartsToRegister(actor.position))
    throw new ForbiddenError('Verkställighetsdatum registreras av chefer och samordnare hos utförare.');
  const units = policy.providerCaseUnitIds(actor.position);
  const scope = actor.position.personScopeUnitIds;
  const today = todayInSweden();
  return inTenant(db, actor.municipalityId, async (trx) => {
    const rows = await folders.listStartsToRegister(trx, units, scope, today, STARTS_TO_REGISTER_LIMIT + 1);
    const shown = rows.slice(0, STARTS_TO_REGISTER_LIMIT);
    const total =
      rows.length <= STARTS_TO_REGISTER_LIMIT
        ? rows.length
        : await folders.countStartsToRegister(trx, units, scope, today);
    await auditListHits(
      trx,
      actor,
      shown.map((row) => row.person),
      { list: 'starts_to_register' },
      { type: 'delivery', ids: shown.map((row) => row.deliveryId) },
    );
    return {
      items: shown.map((row) => ({
        deliveryId: row.deliveryId,
        person: maskPerson(row.person),
        unit: row.unit,
        intervention: deliveryRowName(row.interventionName, row.label),
        periodFrom: row.periodFrom,
      })),
      total,
    };
  });
}

// The cursor is opaque to clients: the last row's exact waiting-since time and id, base64url-encoded.
function encodeCursor(cursor: folders.UnacknowledgedCursor): string {
  return Buffer.from(`${cursor.waitingSinceMicros}.${cursor.id}`, 'utf8').toString('base64url');
}

function decodeCursor(text: string): folders.UnacknowledgedCursor {
  const match = /^(\d{1,17})\.([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i.exec(
    Buffer.from(text, 'base64url').toString('utf8'),
  );
  if (!match) throw new ValidationError({ cursor: 'Ogiltig sidmarkör. Börja om från första sidan.' });
  return { waitingSinceMicros: Number(match[1]), id: match[2]! };
}
