/**
 * Which requests keep a session alive. The idle timeout (SESSION_IDLE_MINUTES) protects an
 * unattended screen, so only what the user did may extend it: the web app's polls of the desk's
 * counts, the unread messages and Nya uppdrag must not. The web marks a request made when the user
 * has not touched the page for a while; the server answers it without touching the session.
 */

/** The header the web sets to '1' on such a request. */
export const BACKGROUND_REQUEST_HEADER = 'x-vardag-background';

/**
 * How long after a click, a key or a touch the requests it set off may still come: a screen that
 * opens fetches what it shows at once, and a dialog's follow-up reads within a few seconds.
 */
export const USER_ACTIVITY_WINDOW_MS = 10_000;

/** Whether a request sent now was set off by the user rather than by a timer. */
export function isUserActivity(lastInteractionAt: number, now: number): boolean {
  return now - lastInteractionAt <= USER_ACTIVITY_WINDOW_MS;
}
