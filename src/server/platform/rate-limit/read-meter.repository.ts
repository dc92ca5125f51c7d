/** The one statement a metered request costs: read_meter_charge (migration 0032). */
import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import type { ReadBudget, BudgetLimits } from './read-limits.ts';

export interface Charge {
  isAllowed: boolean;
  /** Whole seconds until the full window (the later, when both are full) ends; 0 when allowed. */
  retryAfterSeconds: number;
  /** This refusal is the first of the session's window: the passing to audit. */
  sessionPassed: boolean;
  /** The same for the user's long window. */
  userPassed: boolean;
  sessionUsed: number;
  userUsed: number;
}

export interface ChargeRequest {
  municipalityId: string;
  userId: string;
  sessionId: string;
  budget: ReadBudget;
  cost: number;
  limits: BudgetLimits;
  sessionWindowSeconds: number;
  userWindowSeconds: number;
}

/**
 * Runs on the pool, outside any transaction: the function sets the tenant and asynchronous commit
 * for its own statement's transaction only.
 */
export async function chargeReads(db: Db, request: ChargeRequest): Promise<Charge> {
  const { rows } = await sql<{
    is_allowed: boolean;
    retry_after_seconds: number;
    session_passed: boolean;
    user_passed: boolean;
    session_used: number;
    user_used: number;
  }>`select * from read_meter_charge(${request.municipalityId}, ${request.userId}, ${request.sessionId}, ${request.budget}, ${request.cost},
       ${request.limits.perSession}, ${request.sessionWindowSeconds}, ${request.limits.perUser}, ${request.userWindowSeconds})`.execute(
    db,
  );
  const row = rows[0]!;
  return {
    isAllowed: row.is_allowed,
    retryAfterSeconds: row.retry_after_seconds,
    sessionPassed: row.session_passed,
    userPassed: row.user_passed,
    sessionUsed: row.session_used,
    userUsed: row.user_used,
  };
}
