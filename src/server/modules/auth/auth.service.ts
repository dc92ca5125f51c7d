/**
 * Sign-in with user name and password, sessions, the choice of position, and turning a session
 * cookie into an Actor. An OIDC sign-in (SITHS through the municipality's IdP) would add another
 * way to reach startSession with its own issuer; nothing after that changes (ADR 0003).
 */
import type { Db } from '../../platform/db/database.ts';
import { inTenant, type Trx } from '../../platform/db/tenant.ts';
import type { Config } from '../../platform/config.ts';
import type { Actor, RequestMeta } from '../../platform/access/actor.ts';
import { writeAudit } from '../../platform/audit/audit.ts';
import { NotFoundError, UnauthorizedError } from '../../platform/errors.ts';
import { verifyAgainstDecoy, verifyPassword } from '../../platform/auth/password.ts';
import { newCsrfToken, newSessionToken, sessionIdOf } from '../../platform/auth/session-token.ts';
import { personScopeUnitIds } from '../../../domain/access.ts';
import type { SessionInfo, SignInRequest } from '../../../contract/auth.ts';
import * as repo from './auth.repository.ts';
import * as throttle from './sign-in-throttle.service.ts';
import { canChoosePosition } from './auth.policy.ts';

export interface SignInResult {
  token: string;
  maxAgeSeconds: number;
}

const WRONG_CREDENTIALS = 'Fel användarnamn eller lösenord.';

/** What sign-in knows of the request: the session cookie it carried, if any, ends when a new one starts. */
export type SignInMeta = RequestMeta & { userAgent: string | null; previousToken: string | undefined };

export async function signIn(db: Db, config: Config, input: SignInRequest, meta: SignInMeta): Promise<SignInResult> {
  const key = { username: input.username.toLowerCase(), clientAddress: meta.clientAddress };
  const attemptId = await throttle.reserveSignInAttempt(db, config, key);
  let candidate: repo.LoginCandidate | undefined;
  let isValid = false;
  try {
    candidate = await repo.findLoginCandidate(db, repo.LOCAL_ISSUER, key.username);
    isValid =
      candidate?.passwordHash && candidate.isActive
        ? await verifyPassword(candidate.passwordHash, input.password)
        : await verifyAgainstDecoy(input.password);
  } finally {
    // Settled whatever happened: an attempt left unsettled would hold later ones waiting.
    await throttle.settleSignInAttempt(db, config, attemptId, key, isValid);
  }
  if (!isValid || !candidate) throw new UnauthorizedError(WRONG_CREDENTIALS);
  return startSession(db, config, candidate.municipalityId, candidate.userId, repo.LOCAL_ISSUER, meta);
}

/**
 * A new session, ending the one whose cookie the sign-in carried (ASVS 7.2.4): whoever signs in
 * on a browser gets a fresh token, and the old one stops working even if someone kept a copy. The
 * old session may be another user's in another municipality; it ends in its own tenant, with its
 * own audit row, in the new session's transaction when the tenant is the same.
 */
async function startSession(
  db: Db,
  config: Config,
  municipalityId: string,
  userId: string,
  issuer: string,
  meta: SignInMeta,
): Promise<SignInResult> {
  const token = newSessionToken();
  const sessionId = sessionIdOf(token);
  const requestMeta: RequestMeta = { requestId: meta.requestId, clientAddress: meta.clientAddress };
  const replaced = meta.previousToken
    ? await resolveActor(db, config, meta.previousToken, requestMeta, false)
    : undefined;
  if (replaced && replaced.municipalityId !== municipalityId) {
    await inTenant(db, replaced.municipalityId, (trx) => endReplacedSession(trx, replaced));
  }
  await inTenant(db, municipalityId, async (trx) => {
    if (replaced && replaced.municipalityId === municipalityId) await endReplacedSession(trx, replaced);
    const user = await repo.getUserWithPositions(trx, userId);
    // With a single position there is nothing to choose.
    const positionId = user.positions.length === 1 ? user.positions[0]!.id : null;
    await repo.insertSession(trx, {
      id: sessionId,
      municipalityId,
      userId,
      positionId,
      identityIssuer: issuer,
      csrfToken: newCsrfToken(),
      clientAddress: meta.clientAddress,
      userAgent: meta.userAgent,
      maxHours: config.sessionMaxHours,
    });
    const actor: Actor = {
      ...requestMeta,
      municipalityId,
      userId,
      displayName: user.displayName,
      sessionId,
      position: null,
      csrfToken: '',
    };
    await writeAudit(trx, actor, {
      action: 'session.sign_in',
      entityType: 'user',
      entityId: userId,
      details: { issuer },
    });
  });
  return { token, maxAgeSeconds: config.sessionMaxHours * 3600 };
}

async function endReplacedSession(trx: Trx, replaced: Actor): Promise<void> {
  await repo.deleteSession(trx, replaced.sessionId);
  await writeAudit(trx, replaced, {
    action: 'session.end',
    entityType: 'user',
    entityId: replaced.userId,
    details: { reason: 'new_sign_in' },
  });
}

export async function signOut(db: Db, actor: Actor): Promise<void> {
  await inTenant(db, actor.municipalityId, async (trx) => {
    await repo.deleteSession(trx, actor.sessionId);
    await writeAudit(trx, actor, { action: 'session.sign_out', entityType: 'user', entityId: actor.userId });
  });
}

export async function getSessionInfo(db: Db, config: Config, actor: Actor): Promise<SessionInfo> {
  return inTenant(db, actor.municipalityId, async (trx) => {
    const user = await repo.getUserWithPositions(trx, actor.userId);
    return {
      user: { id: user.id, username: user.username, displayName: user.displayName },
      municipality: { id: actor.municipalityId, name: user.municipalityName },
      positions: user.positions,
      currentPositionId: actor.position?.id ?? null,
      csrfToken: actor.csrfToken,
      idleTimeoutMinutes: config.sessionIdleMinutes,
    };
  });
}

export async function choosePosition(db: Db, actor: Actor, positionId: string): Promise<void> {
  await inTenant(db, actor.municipalityId, async (trx) => {
    const user = await repo.getUserWithPositions(trx, actor.userId);
    if (!canChoosePosition(user.positions, positionId)) throw new NotFoundError('Befattningen finns inte.');
    await repo.setSessionPosition(trx, actor.sessionId, positionId);
    await writeAudit(
      trx,
      { ...actor, position: null },
      { action: 'session.choose_position', entityType: 'position', entityId: positionId },
    );
  });
}

/**
 * The Actor behind a session cookie, or undefined when the session is unknown, idle or expired.
 * `isUserActivity` false (a background poll of the web app) answers without keeping the session alive.
 */
export async function resolveActor(
  db: Db,
  config: Config,
  token: string,
  meta: RequestMeta,
  isUserActivity = true,
): Promise<Actor | undefined> {
  const sessionId = sessionIdOf(token);
  // Whole seconds: a test may configure a few seconds as a fraction of a minute.
  const session = await repo.resolveSession(db, sessionId, Math.round(config.sessionIdleMinutes * 60), isUserActivity);
  if (!session) return undefined;
  const base: Actor = {
    ...meta,
    municipalityId: session.municipalityId,
    userId: session.userId,
    displayName: session.displayName,
    sessionId,
    csrfToken: session.csrfToken,
    position: null,
  };
  const chosen = session.position;
  if (!chosen) return base;
  const { unitsBelow, authorityUnitsOfServiceArea, ...position } = chosen;
  const personScope = personScopeUnitIds({
    roles: position.roles,
    unitId: position.unitId,
    unitsBelow,
    authorityUnitsOfServiceArea,
  });
  return { ...base, position: { ...position, unitsBelow, personScopeUnitIds: personScope } };
}
