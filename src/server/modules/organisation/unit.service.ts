/**
 * The unit tree: read by everyone with a position, changed by administrators. Every change
 * takes the municipality's organisation lock, checks the tree rules (domain/organisation-rules.ts)
 * against the tree as it stands, and writes its audit row in the same transaction.
 */
import type { z } from 'zod';
import type { Db } from '../../platform/db/database.ts';
import { inTenant, type Trx } from '../../platform/db/tenant.ts';
import type { PositionedActor } from '../../platform/access/actor.ts';
import { writeAudit } from '../../platform/audit/audit.ts';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../platform/errors.ts';
import * as rules from '../../../domain/organisation-rules.ts';
import type * as contract from '../../../contract/organisation.ts';
import * as repo from './unit.repository.ts';
import { canManageOrganisation } from './organisation.policy.ts';

type CreateUnitInput = z.output<typeof contract.CreateUnitRequest>;
type UpdateUnitInput = z.output<typeof contract.UpdateUnitRequest>;

/** Throws 403 unless the actor keeps the organisation; its existence is no secret, so not 404. */
export function assertCanManageOrganisation(actor: PositionedActor): void {
  if (!canManageOrganisation(actor.position))
    throw new ForbiddenError('Bara en administratör kan ändra organisationen.');
}

/** The tree as the rules see it. */
export function toTree(units: readonly contract.Unit[]): rules.Tree {
  return new Map(
    units.map((unit) => [
      unit.id,
      {
        id: unit.id,
        parentId: unit.parentId,
        kind: unit.kind,
        serviceArea: unit.serviceArea,
        isActive: unit.isActive,
        hasSystemAccess: unit.hasSystemAccess,
      },
    ]),
  );
}

/** Loads the tree for a change, after taking the lock so nobody changes it meanwhile. */
export async function lockAndLoadTree(
  trx: Trx,
  actor: PositionedActor,
): Promise<{ units: contract.Unit[]; tree: rules.Tree }> {
  await repo.lockOrganisation(trx, actor.municipalityId);
  const units = await repo.listUnits(trx);
  return { units, tree: toTree(units) };
}

export async function listUnits(db: Db, actor: PositionedActor): Promise<{ units: contract.Unit[] }> {
  return inTenant(db, actor.municipalityId, async (trx) => ({ units: await repo.listUnits(trx) }));
}

/** Creates a unit under a parent; its service area is the parent's. */
export async function createUnit(db: Db, actor: PositionedActor, input: CreateUnitInput): Promise<contract.Unit> {
  assertCanManageOrganisation(actor);
  return inTenant(db, actor.municipalityId, async (trx) => {
    const { tree } = await lockAndLoadTree(trx, actor);
    const parent = tree.get(input.parentId);
    if (!parent) throw new NotFoundError('Den överordnade enheten hittades inte.');
    const ownership = input.ownership ?? null;
    throwIfAny(rules.newUnitProblems({ kind: input.kind, ownership, hasSystemAccess: input.hasSystemAccess }, parent));
    const unitId = await repo.insertUnit(trx, {
      municipalityId: actor.municipalityId,
      parentId: parent.id,
      kind: input.kind,
      name: input.name,
      serviceArea: parent.serviceArea,
      ownership,
      hasSystemAccess: input.hasSystemAccess,
    });
    await writeAudit(trx, actor, {
      action: 'unit.create',
      entityType: 'unit',
      entityId: unitId,
      details: { kind: input.kind, parentId: parent.id },
    });
    return getUnit(trx, unitId);
  });
}

/**
 * Renames, moves, switches off or changes a unit. A move changes who sees the unit's persons,
 * so the audit row keeps where it came from and where it went.
 */
export async function updateUnit(
  db: Db,
  actor: PositionedActor,
  unitId: string,
  input: UpdateUnitInput,
): Promise<contract.Unit> {
  return inTenant(db, actor.municipalityId, async (trx) => {
    // Missing (or another municipality's) is 404 for everyone, as everywhere; only then 403.
    await getUnit(trx, unitId);
    assertCanManageOrganisation(actor);
    const { units, tree } = await lockAndLoadTree(trx, actor);
    const unit = units.find((candidate) => candidate.id === unitId);
    if (!unit) throw new NotFoundError('Enheten hittades inte.');
    if (unit.version !== input.version) throw new ConflictError();
    if (input.parentId !== null && !tree.has(input.parentId))
      throw new NotFoundError('Den överordnade enheten hittades inte.');
    const next: repo.UnitPatch = {
      parentId: input.parentId,
      name: input.name,
      ownership: input.ownership ?? null,
      hasSystemAccess: input.hasSystemAccess,
      isActive: input.isActive,
    };
    throwIfAny(rules.unitChangeProblems(tree, tree.get(unitId)!, next));
    await assertNoActiveWorkLeft(trx, tree, unit, next);
    const changed = (Object.keys(next) as (keyof repo.UnitPatch)[]).filter((key) => next[key] !== unit[key]);
    if (!(await repo.updateUnit(trx, unitId, input.version, next))) throw new ConflictError();
    const moved = unit.parentId !== next.parentId ? { fromParentId: unit.parentId, toParentId: next.parentId } : {};
    await writeAudit(trx, actor, {
      action: 'unit.update',
      entityType: 'unit',
      entityId: unitId,
      details: { changed, ...moved },
    });
    return getUnit(trx, unitId);
  });
}

/** Switching a unit off, or a provider away from Vardag, must not strand people working there. */
async function assertNoActiveWorkLeft(
  trx: Trx,
  tree: rules.Tree,
  unit: contract.Unit,
  next: repo.UnitPatch,
): Promise<void> {
  if (unit.isActive && !next.isActive) {
    const activeChildren = [...tree.values()].filter((child) => child.parentId === unit.id && child.isActive).length;
    const conflict = rules.deactivationConflict({
      activePositions: await repo.countActivePositions(trx, [unit.id]),
      activeChildren,
    });
    if (conflict) throw new ConflictError(conflict);
  }
  if (unit.kind === 'provider' && unit.hasSystemAccess && !next.hasSystemAccess) {
    const below = [...tree.keys()].filter((id) => rules.isSelfOrBelow(tree, unit.id, id));
    const conflict = rules.systemAccessConflict(await repo.countActivePositions(trx, below));
    if (conflict) throw new ConflictError(conflict);
  }
}

async function getUnit(trx: Trx, unitId: string): Promise<contract.Unit> {
  const unit = await repo.findUnit(trx, unitId);
  if (!unit) throw new NotFoundError('Enheten hittades inte.');
  return unit;
}

/** Turns the rules' field messages into a 400. */
export function throwIfAny(problems: rules.FieldErrors): void {
  if (Object.keys(problems).length > 0) throw new ValidationError(problems);
}
