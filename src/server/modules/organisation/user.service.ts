/**
 * Users, their passwords and positions, kept by administrators. Each change writes its audit
 * row in the same transaction; the row names the fields changed and never holds a password.
 */
import type { z } from 'zod';
import type { Db } from '../../platform/db/database.ts';
import { inTenant, type Trx } from '../../platform/db/tenant.ts';
import type { PositionedActor } from '../../platform/access/actor.ts';
import { writeAudit } from '../../platform/audit/audit.ts';
import { ConflictError, NotFoundError, ValidationError } from '../../platform/errors.ts';
import { hashPassword, passwordProblem } from '../../platform/auth/password.ts';
import * as rules from '../../../domain/organisation-rules.ts';
import type * as contract from '../../../contract/organisation.ts';
import * as repo from './user.repository.ts';
import * as policy from './organisation.policy.ts';
import { assertCanManageOrganisation, lockAndLoadTree, throwIfAny } from './unit.service.ts';

type CreateUserInput = z.output<typeof contract.CreateUserRequest>;
type UpdateUserInput = z.output<typeof contract.UpdateUserRequest>;

const USERNAME_TAKEN = 'Användarnamnet är upptaget.';

/**
 * A taken user name shows up as a unique violation: of users within the municipality, or of
 * login_identities across all of them (which this tenant cannot see, and must not be told about).
 */
function rethrowTakenUsername(error: unknown): never {
  if ((error as { code?: string }).code === '23505')
    throw new ConflictError(USERNAME_TAKEN, { fieldErrors: { username: USERNAME_TAKEN } });
  throw error;
}

/** Checks the password rule, then hashes; hashing takes tens of milliseconds, so never while holding locks. */
async function hashNewPassword(password: string): Promise<string> {
  const problem = passwordProblem(password);
  if (problem) throw new ValidationError({ password: problem });
  return hashPassword(password);
}

export async function listUsers(db: Db, actor: PositionedActor): Promise<{ users: contract.User[] }> {
  assertCanManageOrganisation(actor);
  return inTenant(db, actor.municipalityId, async (trx) => ({ users: await repo.listUsers(trx) }));
}

export async function getUser(db: Db, actor: PositionedActor, userId: string): Promise<contract.User> {
  return inTenant(db, actor.municipalityId, (trx) => getManagedUser(trx, actor, userId));
}

async function getUserIn(trx: Trx, userId: string): Promise<contract.User> {
  const user = await repo.findUser(trx, userId);
  if (!user) throw new NotFoundError('Användaren hittades inte.');
  return user;
}

/** Missing (or another municipality's) is 404 for everyone, as everywhere; only then 403. */
async function getManagedUser(trx: Trx, actor: PositionedActor, userId: string): Promise<contract.User> {
  const user = await getUserIn(trx, userId);
  assertCanManageOrganisation(actor);
  return user;
}

/** A user who signs in with user name and password; positions are added afterwards. */
export async function createUser(db: Db, actor: PositionedActor, input: CreateUserInput): Promise<contract.User> {
  assertCanManageOrganisation(actor);
  const passwordHash = await hashNewPassword(input.password);
  return inTenant(db, actor.municipalityId, async (trx) => {
    const userId = await repo
      .insertUser(trx, {
        municipalityId: actor.municipalityId,
        username: input.username,
        displayName: input.displayName,
        email: input.email,
        passwordHash,
      })
      .catch(rethrowTakenUsername);
    await writeAudit(trx, actor, {
      action: 'user.create',
      entityType: 'user',
      entityId: userId,
      details: { username: input.username },
    });
    return getUserIn(trx, userId);
  });
}

/** Saves name, e-mail and user name; switching a user off ends their sessions in the same transaction. */
export async function updateUser(
  db: Db,
  actor: PositionedActor,
  userId: string,
  input: UpdateUserInput,
): Promise<contract.User> {
  return inTenant(db, actor.municipalityId, async (trx) => {
    const user = await getManagedUser(trx, actor, userId);
    if (!input.isActive && !policy.canDeactivateUser(actor, userId))
      throw new ValidationError({ isActive: 'Du kan inte inaktivera ditt eget konto.' });
    if (user.version !== input.version) throw new ConflictError();
    const next: repo.UserPatch = {
      username: input.username,
      displayName: input.displayName,
      email: input.email,
      isActive: input.isActive,
    };
    const changed = (Object.keys(next) as (keyof repo.UserPatch)[]).filter((key) => next[key] !== user[key]);
    if (!(await repo.updateUser(trx, userId, input.version, next).catch(rethrowTakenUsername)))
      throw new ConflictError();
    // Deleting rather than waiting for expiry: a user switched off must be out now, not in 30 minutes.
    const sessionsEnded = next.isActive ? 0 : await repo.deleteSessionsOf(trx, userId);
    await writeAudit(trx, actor, {
      action: 'user.update',
      entityType: 'user',
      entityId: userId,
      details: { changed, ...(next.isActive ? {} : { sessionsEnded }) },
    });
    return getUserIn(trx, userId);
  });
}

/**
 * Sets a new password and ends the user's sessions in the same transaction (ASVS 7.4.3): a reset
 * is often because someone else knew the old one, and their session must not outlive it.
 * Administrators setting their own keep the session they are in. The audit row says that it
 * happened and how many sessions ended, nothing about the password.
 */
export async function setPassword(
  db: Db,
  actor: PositionedActor,
  userId: string,
  password: string,
): Promise<contract.User> {
  return inTenant(db, actor.municipalityId, async (trx) => {
    await getManagedUser(trx, actor, userId);
    // Hashed only once the caller is known to be allowed; nothing is written or locked yet.
    await repo.setPasswordHash(trx, userId, await hashNewPassword(password));
    const sessionsEnded = await repo.deleteSessionsOf(
      trx,
      userId,
      userId === actor.userId ? actor.sessionId : undefined,
    );
    await writeAudit(trx, actor, {
      action: 'user.set_password',
      entityType: 'user',
      entityId: userId,
      details: { sessionsEnded },
    });
    return getUserIn(trx, userId);
  });
}

/** Gives a user a position in a unit with roles that fit it; returns the user with all positions. */
export async function createPosition(
  db: Db,
  actor: PositionedActor,
  userId: string,
  input: contract.PositionInput,
): Promise<contract.User> {
  const roles = rules.normaliseRoles(input.roles);
  return inTenant(db, actor.municipalityId, async (trx) => {
    await getManagedUser(trx, actor, userId);
    const { tree } = await lockAndLoadTree(trx, actor);
    const unit = tree.get(input.unitId);
    if (!unit) throw new NotFoundError('Enheten hittades inte.');
    throwIfAny(rules.positionProblems(tree, unit, roles, true));
    const positionId = await repo.insertPosition(trx, actor.municipalityId, userId, {
      unitId: unit.id,
      title: input.title,
      roles,
    });
    await writeAudit(trx, actor, {
      action: 'position.create',
      entityType: 'position',
      entityId: positionId,
      details: { userId, unitId: unit.id, roles },
    });
    return getUserIn(trx, userId);
  });
}

/** Changes a position's unit, title, roles or whether it is active; the next request of its holder sees the change. */
export async function updatePosition(
  db: Db,
  actor: PositionedActor,
  positionId: string,
  input: contract.UpdatePositionRequest,
): Promise<contract.User> {
  const roles = rules.normaliseRoles(input.roles);
  return inTenant(db, actor.municipalityId, async (trx) => {
    const position = await repo.findPosition(trx, positionId);
    if (!position) throw new NotFoundError('Befattningen hittades inte.');
    assertCanManageOrganisation(actor);
    if (!policy.keepsOwnAdministration(actor, positionId, { roles, isActive: input.isActive })) {
      throw new ValidationError(
        input.isActive
          ? { roles: 'Du kan inte ta bort administratörsrollen från befattningen du arbetar i.' }
          : { isActive: 'Du kan inte avsluta befattningen du arbetar i.' },
      );
    }
    const { tree } = await lockAndLoadTree(trx, actor);
    if (position.version !== input.version) throw new ConflictError();
    const unit = tree.get(input.unitId);
    if (!unit) throw new NotFoundError('Enheten hittades inte.');
    throwIfAny(rules.positionProblems(tree, unit, roles, input.isActive));
    const next = { unitId: unit.id, title: input.title, roles, isActive: input.isActive };
    const changed = (Object.keys(next) as (keyof typeof next)[]).filter((key) =>
      key === 'roles' ? next.roles.join() !== rules.normaliseRoles(position.roles).join() : next[key] !== position[key],
    );
    if (!(await repo.updatePosition(trx, positionId, input.version, next))) throw new ConflictError();
    await writeAudit(trx, actor, {
      action: 'position.update',
      entityType: 'position',
      entityId: positionId,
      details: { userId: position.userId, changed },
    });
    return getUserIn(trx, position.userId);
  });
}
