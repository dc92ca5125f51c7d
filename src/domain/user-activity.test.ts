import { describe, expect, it } from 'vitest';
import { isUserActivity, USER_ACTIVITY_WINDOW_MS } from './user-activity.ts';

describe('isUserActivity', () => {
  const clicked = 1_000_000;
  it('counts a request sent at the click or within the window after it', () => {
    expect(isUserActivity(clicked, clicked)).toBe(true);
    expect(isUserActivity(clicked, clicked + USER_ACTIVITY_WINDOW_MS)).toBe(true);
  });
  it('does not count one sent later, as a poll is', () => {
    expect(isUserActivity(clicked, clicked + USER_ACTIVITY_WINDOW_MS + 1)).toBe(false);
    expect(isUserActivity(clicked, clicked + 30_000)).toBe(false);
  });
});
