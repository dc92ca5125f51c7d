/**
 * Send lists, kept by the units themselves. Anyone with a position reads them (they are what one
 * writes to); keeping them follows messages.policy.ts. A missing or foreign list or unit is 404
 * before any role check, then 403, as for the organisation (ADR 0007). Every change is audited.
 */
import type { z } from 'zod';
import type { Db } from '../../platform/db/database.ts';
import { inTenant, type Trx } from '../../platform/db/tenant.ts';
import type { PositionedActor } from '../../platform/access/actor.ts';
import { writeAudit } from '../../platform/audit/audit.ts';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../platform/errors.ts';
import type * as contract from '../../../contract/messages.ts';
import * as repo from './send-list.repository.ts';
import * as policy from './messages.policy.ts';

type CreateInput = z.output<typeof contract.CreateSendListRequest>;
type UpdateInput = z.output<typeof contract.UpdateSendListRequest>;

const NAME_TAKEN = 'Enheten har redan en sändlista med det namnet.';

function withPermissions(actor: PositionedActor, list: repo.SendListRecord): contract.SendListSummary {
  return {
    ...list,
    permissions: {
      canManage: policy.canKeepSendList(actor.position, list.unitId),
      canSetPurpose: policy.canSetSendListPurpose(actor.position, list.unitId),
    },
  };
}

/** The lists (active only unless asked, or only those the actor keeps), and where the actor may start one. */
export async function listSendLists(
  db: Db,
  actor: PositionedActor,
  query: z.output<typeof contract.SendListQuery>,
): Promise<contract.SendListList> {
  return inTenant(db, actor.municipalityId, async (trx) => {
    const lists = (await repo.listSendLists(trx, query.includeInactive === 'true')).map((list) =>
      withPermissions(actor, list),
    );
    const units = await repo.listActiveUnits(trx);
    return {
      sendLists: query.manageable === 'true' ? lists.filter((list) => list.permissions.canManage) : lists,
      unitsForNewLists: units
        .filter((unit) => policy.canKeepSendList(actor.position, unit.id))
        .map((unit) => ({ ...unit, canSetPurpose: policy.canSetSendListPurpose(actor.position, unit.id) })),
    };
  });
}

export async function getSendList(
  db: Db,
  actor: PositionedActor,
  sendListId: string,
): Promise<contract.SendListDetail> {
  return inTenant(db, actor.municipalityId, (trx) => detail(trx, actor, sendListId));
}

async function detail(trx: Trx, actor: PositionedActor, sendListId: string): Promise<contract.SendListDetail> {
  const list = await getList(trx, sendListId);
  return { ...withPermissions(actor, list), members: await repo.listMembers(trx, sendListId) };
}

async function getList(trx: Trx, sendListId: string): Promise<repo.SendListRecord> {
  const list = await repo.findSendList(trx, sendListId);
  if (!list) throw new NotFoundError('Sändlistan hittades inte.');
  return list;
}

/** The list if the actor may keep it: 404 when missing, 403 when not theirs to keep. */
async function getKeptList(trx: Trx, actor: PositionedActor, sendListId: string): Promise<repo.SendListRecord> {
  const list = await getList(trx, sendListId);
  if (!policy.canKeepSendList(actor.position, list.unitId))
    throw new ForbiddenError('Du får inte ändra den här enhetens sändlistor.');
  return list;
}

/** Turns the unique name per unit into a message on the name field. */
async function nameMustBeFree<T>(write: Promise<T>): Promise<T> {
  return write.catch((error: { code?: string }) => {
    if (error.code === '23505') throw new ValidationError({ name: NAME_TAKEN });
    throw error;
  });
}

export async function createSendList(
  db: Db,
  actor: PositionedActor,
  input: CreateInput,
): Promise<contract.SendListDetail> {
  return inTenant(db, actor.municipalityId, async (trx) => {
    const unit = await repo.findUnit(trx, input.unitId);
    if (!unit) throw new NotFoundError('Enheten hittades inte.');
    if (!policy.canKeepSendList(actor.position, unit.id))
      throw new ForbiddenError('Du får inte skapa sändlistor för den här enheten.');
    if (input.purpose && !policy.canSetSendListPurpose(actor.position, unit.id))
      throw new ForbiddenError('Bara enhetens chef eller en administratör får göra en lista till larmgrupp.');
    if (!unit.isActive) throw new ValidationError({ unitId: 'Enheten används inte längre.' });
    const sendListId = await nameMustBeFree(
      repo.insertSendList(trx, actor.municipalityId, unit.id, { name: input.name, purpose: input.purpose }),
    );
    await writeAudit(trx, actor, {
      action: 'send_list.create',
      entityType: 'send_list',
      entityId: sendListId,
      details: { unitId: unit.id, purpose: input.purpose },
    });
    return detail(trx, actor, sendListId);
  });
}

/**
 * Renames, switches off or on, or changes the purpose. Making a list the alarm group, or taking
 * an alarm group out of use, decides where personal-alarm assignments go: the manager's call.
 */
export async function updateSendList(
  db: Db,
  actor: PositionedActor,
  sendListId: string,
  input: UpdateInput,
): Promise<contract.SendListDetail> {
  return inTenant(db, actor.municipalityId, async (trx) => {
    const list = await getKeptList(trx, actor, sendListId);
    const isPurposeChanged = list.purpose !== input.purpose;
    const isAlarmGroupSwitchedOff = list.purpose === 'alarm_group' && list.isActive && !input.isActive;
    if ((isPurposeChanged || isAlarmGroupSwitchedOff) && !policy.canSetSendListPurpose(actor.position, list.unitId)) {
      throw new ForbiddenError('Bara enhetens chef eller en administratör får ändra eller stänga av larmgruppen.');
    }
    if (list.version !== input.version) throw new ConflictError();
    const next = { name: input.name, purpose: input.purpose, isActive: input.isActive };
    const changed = (Object.keys(next) as (keyof typeof next)[]).filter((key) => next[key] !== list[key]);
    if (!(await nameMustBeFree(repo.updateSendList(trx, sendListId, input.version, next)))) throw new ConflictError();
    await writeAudit(trx, actor, {
      action: 'send_list.update',
      entityType: 'send_list',
      entityId: sendListId,
      details: { changed },
    });
    return detail(trx, actor, sendListId);
  });
}

/** Adds an active user of the municipality; adding a member twice changes nothing. */
export async function addMember(
  db: Db,
  actor: PositionedActor,
  sendListId: string,
  userId: string,
): Promise<contract.SendListDetail> {
  return inTenant(db, actor.municipalityId, async (trx) => {
    await getKeptList(trx, actor, sendListId);
    const user = await repo.findUser(trx, userId);
    if (!user) throw new NotFoundError('Användaren hittades inte.');
    if (!user.isActive) throw new ValidationError({ userId: `${user.displayName} är inte längre aktiv.` });
    if (await repo.insertMember(trx, actor.municipalityId, sendListId, userId)) {
      await writeAudit(trx, actor, {
        action: 'send_list.add_member',
        entityType: 'send_list',
        entityId: sendListId,
        details: { userId },
      });
    }
    return detail(trx, actor, sendListId);
  });
}

export async function removeMember(
  db: Db,
  actor: PositionedActor,
  sendListId: string,
  userId: string,
): Promise<contract.SendListDetail> {
  return inTenant(db, actor.municipalityId, async (trx) => {
    await getKeptList(trx, actor, sendListId);
    if (!(await repo.deleteMember(trx, sendListId, userId)))
      throw new NotFoundError('Användaren finns inte på listan.');
    await writeAudit(trx, actor, {
      action: 'send_list.remove_member',
      entityType: 'send_list',
      entityId: sendListId,
      details: { userId },
    });
    return detail(trx, actor, sendListId);
  });
}
