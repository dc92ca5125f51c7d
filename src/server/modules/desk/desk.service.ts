/**
 * The desk (Mitt skrivbord): "Mina enheter" with their persons, and the persons the user opened
 * lately. Listing names is reading person data, so every person listed gets a person.list_hit
 * audit row in the same transaction; protected identities stay masked.
 */
import type { Db } from '../../platform/db/database.ts';
import { inTenant, type Trx } from '../../platform/db/tenant.ts';
import type { PositionedActor } from '../../platform/access/actor.ts';
import { writeAudits } from '../../platform/audit/audit.ts';
import { NotFoundError } from '../../platform/errors.ts';
import type * as contract from '../../../contract/desk.ts';
import type { PersonSummary } from '../persons/person.repository.ts';
import { maskSummary } from '../persons/person.service.ts';
import * as repo from './desk.repository.ts';
import * as policy from './desk.policy.ts';

const RECENT_LIMIT = 20;

async function auditListHits(trx: Trx, actor: PositionedActor, persons: readonly PersonSummary[], details: Record<string, unknown>): Promise<void> {
  await writeAudits(trx, actor, persons.map((person) => ({
    action: 'person.list_hit', entityType: 'person', entityId: person.id, personId: person.id, details,
  })));
}

/** The folders: units with ongoing persons in scope, and how many recently opened persons there are. */
export async function getDeskOverview(db: Db, actor: PositionedActor): Promise<contract.DeskOverview> {
  const { personScopeUnitIds } = actor.position;
  return inTenant(db, actor.municipalityId, async (trx) => {
    const units = await repo.listDeskUnits(trx, policy.deskUnitIds(actor.position), personScopeUnitIds);
    // Counting shows no names, so it is not audited; opening the folder is.
    const recent = await repo.listRecentlyOpened(trx, actor.userId, personScopeUnitIds, RECENT_LIMIT);
    return { units, recentPersonCount: recent.length };
  });
}

/** Persons this user opened lately and may still see, newest first. */
export async function listRecentPersons(db: Db, actor: PositionedActor): Promise<contract.RecentPersons> {
  return inTenant(db, actor.municipalityId, async (trx) => {
    const recent = await repo.listRecentlyOpened(trx, actor.userId, actor.position.personScopeUnitIds, RECENT_LIMIT);
    await auditListHits(trx, actor, recent, { list: 'recent' });
    return { persons: recent.map(({ lastOpenedAt, ...person }) => ({ ...maskSummary(person), lastOpenedAt: lastOpenedAt.toISOString() })) };
  });
}

/** A desk unit's persons: ongoing or recently ended links, in Swedish name order. */
export async function listUnitPersons(db: Db, actor: PositionedActor, unitId: string): Promise<contract.UnitPersons> {
  if (!policy.canListUnitPersons(actor.position, unitId)) throw new NotFoundError('Enheten hittades inte.');
  const { personScopeUnitIds } = actor.position;
  return inTenant(db, actor.municipalityId, async (trx) => {
    const unit = await repo.findDeskUnit(trx, unitId, personScopeUnitIds);
    if (!unit) throw new NotFoundError('Enheten hittades inte.');
    const persons = await repo.listUnitPersons(trx, unitId, personScopeUnitIds);
    await auditListHits(trx, actor, persons, { list: 'unit', unitId });
    return { unit, persons: persons.map(maskSummary) };
  });
}
