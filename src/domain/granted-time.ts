/**
 * Granted time. The assignment routine (seed 004) says the total granted time is rounded up to
 * the nearest quarter hour; times arrive as minutes or as decimal hours ("0,33 tim/besök").
 */

const QUARTER = 15;
/** Hours like 0,33 become 19.8 minutes; products of decimal fractions carry float noise (1.15 h = 69.00000000000001 min). */
const NOISE = 1e-6;

/** Rounds minutes up to the next multiple of 15; exact quarters stay as they are. */
export function roundUpToQuarterHour(minutes: number): number {
  if (!Number.isFinite(minutes) || minutes < 0)
    throw new RangeError(`Minutes must be a finite number ≥ 0, got ${minutes}`);
  const quarters = minutes / QUARTER;
  const nearest = Math.round(quarters);
  // Float noise just above an exact quarter must not push it to the next one.
  const whole = Math.abs(quarters - nearest) < NOISE ? nearest : Math.ceil(quarters);
  return whole * QUARTER;
}

/** Decimal hours to minutes, free of float noise to a millionth of a minute. */
export function hoursToMinutes(hours: number): number {
  if (!Number.isFinite(hours) || hours < 0) throw new RangeError(`Hours must be a finite number ≥ 0, got ${hours}`);
  return Math.round((hours * 60) / NOISE) * NOISE;
}

/** Minutes as Swedish hours and minutes, e.g. 135 → "2 tim 15 min". */
export function formatMinutesAsHours(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = Math.round(minutes - hours * 60);
  if (hours === 0) return `${rest} min`;
  return rest === 0 ? `${hours} tim` : `${hours} tim ${rest} min`;
}
