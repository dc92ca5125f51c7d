/**
 * The counter under a text field with a length limit: what it shows, and what screen readers are
 * told. They hear the count with the field's description when they arrive, and then only near the
 * limit, so typing a long text is not interrupted at every keystroke.
 */

/** One-line boxes shorter than this (numbers, dates, codes) never count: their limit only guards the format. */
const COUNTED_FROM = 50;

/**
 * Whether a field with this limit shows a counter now: a text area always (long texts meet their
 * limit), a one-line box of some length only once its text nears the limit — "0 av 100 tecken"
 * under every name and street field, or "4 av 6 tecken" under hours per visit, would be clutter.
 */
export function hasCounter(maxLength: number | undefined, isMultiline: boolean, length: number): maxLength is number {
  if (maxLength === undefined || maxLength <= 0) return false;
  if (isMultiline) return true;
  return maxLength >= COUNTED_FROM && isNearLimit(length, maxLength);
}

/** "123 av 2000 tecken". */
export function counterText(length: number, maxLength: number): string {
  return `${length} av ${maxLength} tecken`;
}

/** How few characters left count as near the limit: a tenth of it, at least 10. */
export function nearLimitFrom(maxLength: number): number {
  return Math.max(10, Math.ceil(maxLength / 10));
}

export function isNearLimit(length: number, maxLength: number): boolean {
  return maxLength - length <= nearLimitFrom(maxLength);
}

/** What the polite live region says: nothing until the text is near its limit. */
export function limitAnnouncement(length: number, maxLength: number): string {
  if (!isNearLimit(length, maxLength)) return '';
  const left = Math.max(0, maxLength - length);
  if (left === 0) return `Gränsen är nådd: ${maxLength} tecken.`;
  return left === 1 ? '1 tecken kvar.' : `${left} tecken kvar.`;
}
