import { describe, expect, it } from 'vitest';
import { waitInSwedish } from './wait-time.ts';

describe('waitInSwedish', () => {
  it('says seconds under a minute, singular for one', () => {
    expect(waitInSwedish(1)).toBe('1 sekund');
    expect(waitInSwedish(45)).toBe('45 sekunder');
    expect(waitInSwedish(59)).toBe('59 sekunder');
  });

  it('says whole minutes from a minute, rounded up so no one comes back too early', () => {
    expect(waitInSwedish(60)).toBe('1 minut');
    expect(waitInSwedish(61)).toBe('2 minuter');
    expect(waitInSwedish(3599)).toBe('60 minuter');
  });
});
