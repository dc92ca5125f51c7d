import { describe, expect, it } from 'vitest';
import { telHref } from '../../format.ts';
import { visitTimeParts } from './visitText.ts';
import type { VisitIntervention } from './visits.api.ts';

const row: VisitIntervention = {
  deliveryId: '00000000-0000-4000-8000-000000000001',
  name: 'Personlig omvårdnad',
  providerUnitName: 'Hemtjänst Norr',
  periodFrom: '2026-02-01',
  periodTo: null,
  hoursPerVisit: 0.5,
  extraHoursTwoStaff: 0.25,
  days: 'whole_week',
  frequency: 2,
  frequencyUnit: 'times_per_day',
  plannedDays: ['mon', 'wed'],
  plannedTimes: 'morgon och kväll',
  minutesPerOccasion: 20,
  isTwoStaff: true,
  note: null,
  isToday: true,
  interruption: null,
};

describe('telHref (format.ts), as the summary links phones', () => {
  it('keeps the digits and a leading plus', () => {
    expect(telHref('08-123 456')).toBe('tel:08123456');
    expect(telHref(' +46 70-111 22 33 ')).toBe('tel:+46701112233');
  });

  it('gives no link without a digit', () => {
    expect(telHref('saknas')).toBeNull();
  });
});

describe('visitTimeParts', () => {
  it("words the row's time per visit, frequency and days, and the planned times", () => {
    expect(visitTimeParts(row)).toEqual([
      '0,5 tim/besök (+0,25 tim vid dubbel)',
      '2 ggr/dygn',
      'Hela veckan',
      'morgon och kväll',
    ]);
  });

  it("falls back to the assignment's minutes and planned days where the row says nothing", () => {
    expect(
      visitTimeParts({
        ...row,
        hoursPerVisit: null,
        extraHoursTwoStaff: null,
        days: null,
        frequency: null,
        frequencyUnit: null,
        plannedTimes: null,
      }),
    ).toEqual(['20 min/besök', 'mån, ons']);
  });
});
