/**
 * "Mina personer": persons a user keeps at hand, added from the person page or when acknowledging
 * an assignment. The list gives no access: it shows only persons still in the user's scope, and a
 * person can be added or removed only while in scope (else 404, the same as missing). Listing is
 * audited per person shown; adding and removing are audited too.
 */
import type { Db } from '../../platform/db/database.ts';
import { inTenant } from '../../platform/db/tenant.ts';
import type { PositionedActor } from '../../platform/access/actor.ts';
import { writeAudit } from '../../platform/audit/audit.ts';
import { ConflictError } from '../../platform/errors.ts';
import type * as contract from '../../../contract/desk.ts';
import { getPersonInScope, maskSummary } from '../persons/index.ts';
import * as repo from './my-persons.repository.ts';
import { auditListHits } from './desk.service.ts';

/**
 * A list to keep at hand, not a second "Mina enheter": a cap keeps it short enough to read, and
 * keeps the folder one cheap page however long someone has worked here.
 */
export const MY_PERSONS_MAX = 200;

export async function listMyPersons(db: Db, actor: PositionedActor): Promise<contract.MyPersons> {
  return inTenant(db, actor.municipalityId, async (trx) => {
    const persons = await repo.listMyPersons(trx, actor.userId, actor.position.personScopeUnitIds, MY_PERSONS_MAX);
    await auditListHits(trx, actor, persons, { list: 'my_persons' });
    return {
      persons: persons.map(({ addedAt, ...person }) => ({ ...maskSummary(person), addedAt: addedAt.toISOString() })),
    };
  });
}

/** Whether the person is on the user's list, for the person page's toggle; it names no one, so it is not audited. */
export async function getMyPersonStatus(
  db: Db,
  actor: PositionedActor,
  personId: string,
): Promise<contract.MyPersonStatus> {
  return inTenant(db, actor.municipalityId, async (trx) => {
    await getPersonInScope(trx, actor, personId);
    return { personId, isMyPerson: await repo.isMyPerson(trx, actor.userId, personId) };
  });
}

/** Adds a person in scope; adding one already there changes nothing and answers the same. */
export async function addMyPerson(db: Db, actor: PositionedActor, personId: string): Promise<contract.MyPersonStatus> {
  return inTenant(db, actor.municipalityId, async (trx) => {
    await getPersonInScope(trx, actor, personId);
    if (await repo.isMyPerson(trx, actor.userId, personId)) return { personId, isMyPerson: true };
    if ((await repo.countMyPersonRows(trx, actor.userId)) >= MY_PERSONS_MAX) {
      throw new ConflictError(`Mina personer rymmer högst ${MY_PERSONS_MAX} personer. Ta bort någon först.`);
    }
    await repo.addMyPerson(trx, actor.municipalityId, actor.userId, personId);
    await writeAudit(trx, actor, { action: 'my_persons.add', entityType: 'person', entityId: personId, personId });
    return { personId, isMyPerson: true };
  });
}

/** Removes a person in scope from the list; removing one not there answers the same. */
export async function removeMyPerson(
  db: Db,
  actor: PositionedActor,
  personId: string,
): Promise<contract.MyPersonStatus> {
  return inTenant(db, actor.municipalityId, async (trx) => {
    await getPersonInScope(trx, actor, personId);
    if (await repo.removeMyPerson(trx, actor.userId, personId)) {
      await writeAudit(trx, actor, { action: 'my_persons.remove', entityType: 'person', entityId: personId, personId });
    }
    return { personId, isMyPerson: false };
  });
}
