import { describe, expect, it } from 'vitest';
import { counterText, hasCounter, isNearLimit, limitAnnouncement, nearLimitFrom } from './characterCount.ts';

describe('hasCounter', () => {
  it('counts multi-line fields with a limit always, and one-line fields once near their limit', () => {
    expect(hasCounter(2000, true, 0)).toBe(true);
    expect(hasCounter(50, true, 0)).toBe(true);
    expect(hasCounter(100, false, 0)).toBe(false);
    expect(hasCounter(100, false, 89)).toBe(false);
    expect(hasCounter(100, false, 90)).toBe(true);
    expect(hasCounter(20, false, 10)).toBe(false); // a short box: its limit guards a format
    expect(hasCounter(6, false, 4)).toBe(false);
    expect(hasCounter(50, false, 40)).toBe(true);
  });

  it('counts nothing without a limit', () => {
    expect(hasCounter(undefined, true, 5)).toBe(false);
    expect(hasCounter(0, true, 5)).toBe(false);
  });
});

describe('counterText', () => {
  it('says how many of how many', () => {
    expect(counterText(123, 2000)).toBe('123 av 2000 tecken');
    expect(counterText(0, 200)).toBe('0 av 200 tecken');
  });
});

describe('near the limit', () => {
  it('starts a tenth before the limit, at least 10 characters', () => {
    expect(nearLimitFrom(2000)).toBe(200);
    expect(nearLimitFrom(300)).toBe(30);
    expect(nearLimitFrom(50)).toBe(10);
    expect(isNearLimit(1799, 2000)).toBe(false);
    expect(isNearLimit(1800, 2000)).toBe(true);
  });

  it('announces nothing far from the limit, then what is left, then that the limit is reached', () => {
    expect(limitAnnouncement(0, 2000)).toBe('');
    expect(limitAnnouncement(1799, 2000)).toBe('');
    expect(limitAnnouncement(1800, 2000)).toBe('200 tecken kvar.');
    expect(limitAnnouncement(1999, 2000)).toBe('1 tecken kvar.');
    expect(limitAnnouncement(2000, 2000)).toBe('Gränsen är nådd: 2000 tecken.');
  });

  it('says the limit is reached for a text longer than the limit (one read in from before a lower limit)', () => {
    expect(limitAnnouncement(210, 200)).toBe('Gränsen är nådd: 200 tecken.');
  });
});
