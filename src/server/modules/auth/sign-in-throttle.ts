/**
 * The sign-in throttle's rule (ADR 0015), pure: from what the database counted for each key, let
 * the attempt go, wait for attempts still being checked, or refuse it for so many seconds. A key
 * allows some failures without delay; after those, each failure holds the key for a delay that
 * doubles per further failure up to a cap. Never a lock: once the delay has passed, one more
 * attempt is checked.
 */
import type { Config } from '../../platform/config.ts';
import { waitInSwedish } from '../../../domain/wait-time.ts';

/** What the database counted for one key (name and address, address, or name). */
export interface KeyCount {
  failures: number;
  /** Attempts whose password is still being checked. */
  unsettled: number;
  /** Seconds since the latest failure was known; null when there is none. */
  secondsSinceLastFailure: number | null;
}

export interface ThrottleCounts {
  /** The user name has signed in from this address lately: only the pair's own failures hold it. */
  isKnownAddress: boolean;
  pair: KeyCount;
  /** Failures from this address for names not known there (a spray). */
  address: KeyCount;
  /** Failures for this name from addresses it is not known from (a distributed attack). */
  name: KeyCount;
}

export type Verdict = { kind: 'go' } | { kind: 'wait' } | { kind: 'refuse'; retryAfterSeconds: number };

type Limits = Pick<
  Config,
  | 'loginFreeFailures'
  | 'loginAddressFreeFailures'
  | 'loginNameFreeFailures'
  | 'loginFirstDelaySeconds'
  | 'loginMaxDelaySeconds'
>;

/** The delay a key is held for after this many failures: none until the free ones are used. */
export function delayAfter(
  failures: number,
  freeFailures: number,
  limits: Pick<Limits, 'loginFirstDelaySeconds' | 'loginMaxDelaySeconds'>,
): number {
  if (failures < freeFailures) return 0;
  const doublings = Math.min(failures - freeFailures, 30);
  return Math.min(limits.loginMaxDelaySeconds, limits.loginFirstDelaySeconds * 2 ** doublings);
}

function keyVerdict(count: KeyCount, freeFailures: number, limits: Limits): Verdict {
  const remaining = delayAfter(count.failures, freeFailures, limits) - (count.secondsSinceLastFailure ?? Infinity);
  if (remaining > 0) return { kind: 'refuse', retryAfterSeconds: Math.ceil(remaining) };
  // An attempt still being checked is no failure, so it cannot refuse anyone; but if it may turn
  // out one, this attempt could be a guess past the limit, so it waits to see.
  if (count.unsettled > 0 && count.failures + count.unsettled >= freeFailures) return { kind: 'wait' };
  return { kind: 'go' };
}

export function throttleVerdict(counts: ThrottleCounts, limits: Limits): Verdict {
  const verdicts = [keyVerdict(counts.pair, limits.loginFreeFailures, limits)];
  if (!counts.isKnownAddress) {
    verdicts.push(
      keyVerdict(counts.address, limits.loginAddressFreeFailures, limits),
      keyVerdict(counts.name, limits.loginNameFreeFailures, limits),
    );
  }
  const refusals = verdicts.flatMap((verdict) => (verdict.kind === 'refuse' ? [verdict.retryAfterSeconds] : []));
  if (refusals.length > 0) return { kind: 'refuse', retryAfterSeconds: Math.max(...refusals) };
  return verdicts.some((verdict) => verdict.kind === 'wait') ? { kind: 'wait' } : { kind: 'go' };
}

/** The 429's message: how long to wait, in Swedish (the same rule as the read limits'). */
export function throttledMessage(retryAfterSeconds: number): string {
  return `För många misslyckade inloggningsförsök. Vänta ${waitInSwedish(retryAfterSeconds)} och försök igen.`;
}
