/**
 * The provider-kept lists on a person. Reading needs the person in scope; changing needs
 * canEditPersonProviderTabs. Each read and change is audited with the person.
 */
import type { Db } from '../../platform/db/database.ts';
import { inTenant } from '../../platform/db/tenant.ts';
import type { PositionedActor } from '../../platform/access/actor.ts';
import { writeAudit } from '../../platform/audit/audit.ts';
import { ConflictError, ForbiddenError, NotFoundError } from '../../platform/errors.ts';
import { getPersonInScope } from './person.service.ts';
import { canEditPersonProviderTabs } from './person.policy.ts';
import * as repo from './person-details.repository.ts';

export interface DetailList extends repo.DetailListSpec {
  /** Audit entity type and section name. */
  entityType: string;
}

export const RELATIVES: DetailList = {
  table: 'person_relatives',
  entityType: 'person_relative',
  columns: {
    name: 'name',
    relation: 'relation',
    phone: 'phone',
    email: 'email',
    address: 'address',
    isNextOfKin: 'is_next_of_kin',
    note: 'note',
  },
};
export const REFERENCE_PERSONS: DetailList = {
  table: 'person_reference_persons',
  entityType: 'person_reference_person',
  columns: { role: 'role', name: 'name', organisation: 'organisation', phone: 'phone', email: 'email', note: 'note' },
};
export const KEYS: DetailList = {
  table: 'person_keys',
  entityType: 'person_key',
  columns: { keyNumber: 'key_number', description: 'description' },
};

export async function listPersonDetails(db: Db, actor: PositionedActor, list: DetailList, personId: string) {
  return inTenant(db, actor.municipalityId, async (trx) => {
    await getPersonInScope(trx, actor, personId);
    await writeAudit(trx, actor, {
      action: 'person.read',
      entityType: 'person',
      entityId: personId,
      personId,
      details: { section: list.entityType },
    });
    return repo.listDetails(trx, list, personId);
  });
}

type Change =
  | { kind: 'add'; input: Record<string, unknown> }
  | { kind: 'update'; itemId: string; version: number; input: Record<string, unknown> }
  | { kind: 'remove'; itemId: string; version: number };

/** Adds, updates or removes one row, then returns the whole list as it now stands. */
export async function changePersonDetail(
  db: Db,
  actor: PositionedActor,
  list: DetailList,
  personId: string,
  change: Change,
) {
  return inTenant(db, actor.municipalityId, async (trx) => {
    await getPersonInScope(trx, actor, personId);
    if (!canEditPersonProviderTabs(actor.position))
      throw new ForbiddenError('Du har inte behörighet att ändra de här uppgifterna.');
    let itemId: string;
    if (change.kind === 'add') {
      itemId = await repo.insertDetail(trx, list, actor.municipalityId, personId, change.input);
    } else {
      itemId = change.itemId;
      const outcome =
        change.kind === 'update'
          ? await repo.updateDetail(trx, list, personId, change.itemId, change.version, change.input)
          : await repo.deleteDetail(trx, list, personId, change.itemId, change.version);
      if (outcome === 'missing') throw new NotFoundError('Raden finns inte längre.');
      if (outcome === 'stale') throw new ConflictError();
    }
    await writeAudit(trx, actor, {
      action: `person.${change.kind === 'add' ? 'create' : change.kind === 'update' ? 'update' : 'delete'}_detail`,
      entityType: list.entityType,
      entityId: itemId,
      personId,
    });
    return repo.listDetails(trx, list, personId);
  });
}
