/**
 * How long to wait, in Swedish, for a 429's message: the server's read limits say it, and the web
 * says it for a 429 that came without a message (a proxy's).
 */
export function waitInSwedish(seconds: number): string {
  if (seconds < 60) return seconds === 1 ? '1 sekund' : `${seconds} sekunder`;
  // Rounded up: "1 minut" when 61 seconds remain would send the user back too early.
  const minutes = Math.ceil(seconds / 60);
  return minutes === 1 ? '1 minut' : `${minutes} minuter`;
}
