/**
 * The time the rules reckon with. Production reads the system clock; tests inject a clock they
 * set, so a deadline rule is proven on its day and the day before without waiting (issue 16).
 * Only the watch machinery reads it so far; the other modules still ask todayInSweden() directly.
 */
import { todayInSweden } from '../../domain/dates.ts';

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** Today's date in Sweden by this clock, `YYYY-MM-DD`. */
export function todayBy(clock: Clock): string {
  return todayInSweden(clock.now());
}

/** A clock a test moves by hand. */
export function settableClock(start: Date = new Date()): Clock & { set(at: Date | string): void } {
  let current = start;
  return {
    now: () => current,
    set(at) {
      current = typeof at === 'string' ? new Date(at) : at;
    },
  };
}
