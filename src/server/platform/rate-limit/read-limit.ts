/**
 * Charges a metered read before the route runs and refuses it with 429 when the session's burst
 * window or the user's long window has no room. The first refusal of a window is audited
 * (`read_limit.exceeded`), once, for the access-log review (ASVS 2.4.1); the requests refused after
 * it in the same window are not, so hammering cannot flood the log.
 */
import type { Db } from '../db/database.ts';
import { inTenant } from '../db/tenant.ts';
import type { Actor } from '../access/actor.ts';
import { writeAudits, type AuditEvent } from '../audit/audit.ts';
import { TooManyRequestsError } from '../errors.ts';
import { waitInSwedish } from '../../../domain/wait-time.ts';
import { chargeReads } from './read-meter.repository.ts';
import { limitsOf, type ReadBudget, type ReadCost, type ReadLimits } from './read-limits.ts';

export async function enforceReadLimit(
  db: Db,
  limits: ReadLimits,
  actor: Actor,
  readCost: ReadCost,
  route: string,
): Promise<void> {
  const budgetLimits = limitsOf(limits, readCost.budget);
  const charge = await chargeReads(db, {
    municipalityId: actor.municipalityId,
    userId: actor.userId,
    sessionId: actor.sessionId,
    budget: readCost.budget,
    cost: readCost.cost,
    limits: budgetLimits,
    sessionWindowSeconds: limits.sessionWindowSeconds,
    userWindowSeconds: limits.userWindowSeconds,
  });
  const passings: AuditEvent[] = [];
  const passing = (window: 'session' | 'user', limit: number, windowSeconds: number, used: number): AuditEvent => ({
    action: 'read_limit.exceeded',
    entityType: 'user',
    entityId: actor.userId,
    details: { budget: readCost.budget, window, limit, windowSeconds, used, route },
  });
  if (charge.sessionPassed)
    passings.push(passing('session', budgetLimits.perSession, limits.sessionWindowSeconds, charge.sessionUsed));
  if (charge.userPassed)
    passings.push(passing('user', budgetLimits.perUser, limits.userWindowSeconds, charge.userUsed));
  // Its own transaction: the refused request reads nothing, so there is no read to commit it with.
  if (passings.length > 0) await inTenant(db, actor.municipalityId, (trx) => writeAudits(trx, actor, passings));
  if (!charge.isAllowed)
    throw new TooManyRequestsError(
      readLimitMessage(readCost.budget, charge.retryAfterSeconds),
      charge.retryAfterSeconds,
    );
}

/** Swedish, shown as it is by the web app: what happened and how long to wait. */
export function readLimitMessage(budget: ReadBudget, retryAfterSeconds: number): string {
  const wait = waitInSwedish(retryAfterSeconds);
  return budget === 'person_record'
    ? `Du har öppnat ovanligt många personer på kort tid. Av säkerhetsskäl kan du öppna fler om ${wait}.`
    : `Du har listat eller sökt fram ovanligt många personer på kort tid. Av säkerhetsskäl kan du fortsätta om ${wait}.`;
}
