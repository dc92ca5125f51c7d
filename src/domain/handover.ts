/**
 * The telephone hand-over (överlämning) of a new client's assignment: when it was made, as staff
 * write it in Swedish time. It records something that happened, so it cannot lie in the future —
 * an assignment must not leave saying a hand-over was made that has not been. Pure; the server
 * refuses with the message on the field, and the form says the same before it sends.
 */

const stockholmParts = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Stockholm',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/**
 * "2026-03-02 14:30" as staff write it, in Swedish time whatever the machine's zone; a timestamp
 * with Z or an offset is taken as it is. Invalid input gives an invalid Date.
 */
export function parseSwedishDateTime(text: string): Date {
  const value = text.trim().replace(' ', 'T');
  if (/(Z|[+-]\d{2}:\d{2})$/.test(value)) return new Date(value);
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(value);
  if (!match) return new Date(Number.NaN);
  const [year, month, day, hour, minute] = match.slice(1).map(Number) as [number, number, number, number, number];
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  // Date.UTC rolls 2026-02-30 into March and month 13 into the next year: a changed day or month is not a date.
  const check = new Date(wall);
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day || hour > 23 || minute > 59)
    return new Date(Number.NaN);
  // The zone's offset at that moment: try the wall time as UTC, see what Stockholm's clock says, correct.
  let instant = wall - offsetAt(wall);
  instant = wall - offsetAt(instant);
  return new Date(instant);
}

function offsetAt(instant: number): number {
  const parts = Object.fromEntries(
    stockholmParts.formatToParts(new Date(instant)).map((part) => [part.type, Number(part.value)]),
  );
  const asUtc = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!);
  return asUtc - Math.floor(instant / 1000) * 1000;
}

/** Said when the hand-over time lies after now. */
export const HANDOVER_IN_FUTURE = 'Överlämningen kan inte ha gjorts i framtiden. Ange när den gjordes.';

/**
 * Why the hand-over time cannot be recorded, or null: it must be a real date and time, and not
 * after `now` (to the minute staff write; the current minute is fine).
 */
export function handoverTimeProblem(text: string, now: Date): string | null {
  const at = parseSwedishDateTime(text);
  if (Number.isNaN(at.getTime())) return 'Datumet eller tiden finns inte.';
  if (at.getTime() > now.getTime()) return HANDOVER_IN_FUTURE;
  return null;
}
