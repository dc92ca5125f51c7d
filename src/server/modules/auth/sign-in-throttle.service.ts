/**
 * Reserving and settling a sign-in attempt under the throttle (ADR 0015). An attempt that could
 * pass a limit if the attempts still being checked turn out wrong waits a moment for them, rather
 * than being refused: parallel sign-ins with the right password all get in, a burst of guesses gets
 * no more checks than the limit allows.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { Db } from '../../platform/db/database.ts';
import type { Config } from '../../platform/config.ts';
import { TooManyRequestsError } from '../../platform/errors.ts';
import { throttledMessage, throttleVerdict } from './sign-in-throttle.ts';
import * as repo from './sign-in-throttle.repository.ts';

export type { AttemptKey } from './sign-in-throttle.repository.ts';

/** Far longer than checking a password takes, even for a dozen at once on a busy machine. */
const MAX_WAIT_MS = 5_000;
const PRUNE_SHARE = 0.02;

const windowsOf = (config: Config): repo.ThrottleWindows => ({
  failureWindowHours: config.loginFailureWindowHours,
  knownAddressDays: config.loginKnownAddressDays,
});

const throttled = (retryAfterSeconds: number) =>
  new TooManyRequestsError(throttledMessage(retryAfterSeconds), retryAfterSeconds);

/** Records the attempt as being checked and returns its id; throws 429 when the throttle holds it. */
export async function reserveSignInAttempt(db: Db, config: Config, key: repo.AttemptKey): Promise<number> {
  const givesUpAt = Date.now() + MAX_WAIT_MS;
  for (;;) {
    const { verdict, attemptId } = await repo.reserveAttempt(db, key, windowsOf(config), (counts) =>
      throttleVerdict(counts, config),
    );
    if (attemptId !== undefined) return attemptId;
    if (verdict.kind === 'refuse') throw throttled(verdict.retryAfterSeconds);
    if (Date.now() >= givesUpAt) throw throttled(1);
    // Jittered, so waiting attempts do not all come back at the same moment.
    await sleep(20 + Math.random() * 40);
  }
}

export async function settleSignInAttempt(
  db: Db,
  config: Config,
  attemptId: number,
  key: repo.AttemptKey,
  isSuccess: boolean,
): Promise<void> {
  await repo.settleAttempt(db, attemptId, key, isSuccess);
  if (Math.random() < PRUNE_SHARE) await repo.pruneAttempts(db, windowsOf(config));
}
