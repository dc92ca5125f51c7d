import { describe, expect, it } from 'vitest';
import {
  MAX_FREQUENCY,
  deliveryDaysOf,
  deliveryFieldProblems,
  grantedDeliveryTime,
  isPlannedInVisits,
  hasAtMostTwoDecimals,
  timeFieldProblems,
  type DeliveryFieldContext,
  type DeliveryFieldValues,
} from './delivery-fields.ts';

const NORTH = '00000000-0000-4000-8000-000000000001';
const fields = (overrides: Partial<DeliveryFieldValues> = {}): DeliveryFieldValues => ({
  providerUnitId: NORTH,
  periodFrom: '2026-02-01',
  periodTo: null,
  hoursPerVisit: null,
  extraHoursTwoStaff: null,
  frequency: null,
  frequencyUnit: null,
  ...overrides,
});
const untilFurtherNotice: DeliveryFieldContext = {
  decision: { periodFrom: '2026-02-01', periodTo: null, endedOn: null },
  providerUnitIds: new Set([NORTH]),
};
const limited = (periodTo: string, endedOn: string | null = null): DeliveryFieldContext => ({
  ...untilFurtherNotice,
  decision: { periodFrom: '2026-02-01', periodTo, endedOn },
});

describe('deliveryFieldProblems: the period inside the decision', () => {
  it('takes an open period under a tills vidare decision, and any end', () => {
    expect(deliveryFieldProblems(fields(), untilFurtherNotice)).toEqual({});
    expect(deliveryFieldProblems(fields({ periodTo: '2099-12-31' }), untilFurtherNotice)).toEqual({});
  });

  it('puts a start before the decision on periodFrom, and the first day is allowed', () => {
    expect(deliveryFieldProblems(fields({ periodFrom: '2026-01-31' }), untilFurtherNotice)).toEqual({
      periodFrom: 'Verkställigheten kan inte börja före beslutsperioden (från 2026-02-01).',
    });
    expect(deliveryFieldProblems(fields({ periodFrom: '2026-02-01' }), untilFurtherNotice)).toEqual({});
  });

  it("needs an end by the decision's last day under a limited decision, on periodTo", () => {
    expect(deliveryFieldProblems(fields(), limited('2026-06-30')).periodTo).toMatch(
      /ange ett slutdatum för verkställigheten, senast 2026-06-30/,
    );
    expect(deliveryFieldProblems(fields({ periodTo: '2026-07-01' }), limited('2026-06-30')).periodTo).toMatch(
      /kan inte pågå efter beslutsperioden/,
    );
    expect(deliveryFieldProblems(fields({ periodTo: '2026-06-30' }), limited('2026-06-30'))).toEqual({});
  });

  it('counts a decision ended early by its ending day, and a start after it is on periodFrom', () => {
    expect(
      deliveryFieldProblems(fields({ periodTo: '2026-04-30' }), limited('2026-06-30', '2026-04-15')).periodTo,
    ).toMatch(/till och med 2026-04-15/);
    expect(
      deliveryFieldProblems(
        fields({ periodFrom: '2026-04-16', periodTo: '2026-04-30' }),
        limited('2026-06-30', '2026-04-15'),
      ),
    ).toEqual({
      periodFrom: 'Beslutet gäller till och med 2026-04-15; verkställigheten kan inte börja efter det.',
    });
  });

  it('puts an end before the start on periodTo', () => {
    expect(
      deliveryFieldProblems(fields({ periodFrom: '2026-03-01', periodTo: '2026-02-28' }), untilFurtherNotice),
    ).toEqual({ periodTo: 'Verkställighetens slut kan inte vara före dess början.' });
  });

  it('lets a leap day end and start periods', () => {
    const leap: DeliveryFieldContext = {
      ...untilFurtherNotice,
      decision: { periodFrom: '2028-02-01', periodTo: '2028-02-29', endedOn: null },
    };
    expect(deliveryFieldProblems(fields({ periodFrom: '2028-02-29', periodTo: '2028-02-29' }), leap)).toEqual({});
    expect(deliveryFieldProblems(fields({ periodFrom: '2028-02-01', periodTo: '2028-03-01' }), leap).periodTo).toMatch(
      /2028-02-29/,
    );
  });
});

// The date rules themselves are tested in src/domain/delivery-rules.start.test.ts; here, that they land on periodFrom.
describe('deliveryFieldProblems: the earliest start after a change of time or of provider', () => {
  it('puts a start before the day after the withdrawn row on periodFrom', () => {
    const after: DeliveryFieldContext = { ...untilFurtherNotice, continuesAfter: '2026-02-28' };
    expect(deliveryFieldProblems(fields({ periodFrom: '2026-03-01' }), after)).toEqual({});
    expect(deliveryFieldProblems(fields({ periodFrom: '2026-02-28' }), after)).toEqual({
      periodFrom: 'Raden fortsätter en återkallad rad som gäller till och med 2026-02-28; börja tidigast 2026-03-01.',
    });
  });

  it('puts a start before the change of provider on periodFrom, and takes the change date itself', () => {
    const change: DeliveryFieldContext = { ...untilFurtherNotice, providerChangeFrom: '2026-04-01' };
    expect(deliveryFieldProblems(fields({ periodFrom: '2026-04-01' }), change)).toEqual({});
    expect(deliveryFieldProblems(fields({ periodFrom: '2026-03-31', periodTo: '2026-03-01' }), change)).toEqual({
      periodFrom: 'Uppdraget är ett byte av utförare fr.o.m. 2026-04-01; raden kan börja tidigast 2026-04-01.',
    });
  });

  it('checks the decision too once the start is late enough', () => {
    const change: DeliveryFieldContext = { ...limited('2026-06-30'), providerChangeFrom: '2026-04-01' };
    expect(
      deliveryFieldProblems(fields({ periodFrom: '2026-04-01', periodTo: '2026-07-01' }), change).periodTo,
    ).toMatch(/kan inte pågå efter beslutsperioden/);
  });
});

describe('deliveryFieldProblems: unit and time', () => {
  it("needs one of the provider's active units", () => {
    expect(
      deliveryFieldProblems(fields({ providerUnitId: '00000000-0000-4000-8000-000000000002' }), untilFurtherNotice),
    ).toEqual({ providerUnitId: 'Välj en aktiv utförarenhet hos utföraren.' });
  });

  it('takes hours and frequencies with at most two decimals', () => {
    expect(
      deliveryFieldProblems(
        fields({ hoursPerVisit: 0.33, extraHoursTwoStaff: 0.25, frequency: 1.5, frequencyUnit: 'hours_per_week' }),
        untilFurtherNotice,
      ),
    ).toEqual({});
    expect(
      deliveryFieldProblems(fields({ hoursPerVisit: 0.333, extraHoursTwoStaff: 0.001 }), untilFurtherNotice),
    ).toEqual({
      hoursPerVisit: 'Ange högst två decimaler.',
      extraHoursTwoStaff: 'Ange högst två decimaler.',
    });
  });

  it('wants the frequency and its unit together', () => {
    expect(deliveryFieldProblems(fields({ frequency: 2 }), untilFurtherNotice)).toEqual({
      frequencyUnit: 'Välj enhet för tid/frekvens.',
    });
    expect(deliveryFieldProblems(fields({ frequencyUnit: 'times_per_day' }), untilFurtherNotice)).toEqual({
      frequency: 'Ange tid/frekvens för enheten.',
    });
  });

  it('caps each unit at what can exist', () => {
    for (const [unit, max] of Object.entries(MAX_FREQUENCY) as [keyof typeof MAX_FREQUENCY, number][]) {
      expect(deliveryFieldProblems(fields({ frequency: max, frequencyUnit: unit }), untilFurtherNotice)).toEqual({});
      expect(deliveryFieldProblems(fields({ frequency: max + 1, frequencyUnit: unit }), untilFurtherNotice)).toEqual({
        frequency: `Högst ${max} i den enheten.`,
      });
    }
  });

  it('tells two decimals from floating-point noise', () => {
    expect(hasAtMostTwoDecimals(0.1 + 0.2)).toBe(true);
    expect(hasAtMostTwoDecimals(0.3)).toBe(true);
    expect(hasAtMostTwoDecimals(1.15)).toBe(true);
    expect(hasAtMostTwoDecimals(12)).toBe(true);
    expect(hasAtMostTwoDecimals(0.005)).toBe(false);
  });
});

describe('timeFieldProblems', () => {
  it('checks only the time: no unit, no period', () => {
    expect(
      timeFieldProblems({ hoursPerVisit: 0.5, extraHoursTwoStaff: null, frequency: 2, frequencyUnit: 'times_per_day' }),
    ).toEqual({});
    expect(
      timeFieldProblems({
        hoursPerVisit: 0.333,
        extraHoursTwoStaff: null,
        frequency: 49,
        frequencyUnit: 'times_per_day',
      }),
    ).toEqual({
      hoursPerVisit: 'Ange högst två decimaler.',
      frequency: 'Högst 48 i den enheten.',
    });
    expect(
      timeFieldProblems({
        hoursPerVisit: null,
        extraHoursTwoStaff: null,
        frequency: null,
        frequencyUnit: 'hours_per_month',
      }),
    ).toEqual({ frequency: 'Ange tid/frekvens för enheten.' });
  });
});

describe('timeFieldProblems: what the request schema also refuses, so the form can say it first', () => {
  it('wants more than 0 and at most a day per visit', () => {
    const time = { hoursPerVisit: null, extraHoursTwoStaff: null, frequency: null, frequencyUnit: null };
    expect(timeFieldProblems({ ...time, hoursPerVisit: 0 })).toEqual({ hoursPerVisit: 'Ange fler än 0 timmar.' });
    expect(timeFieldProblems({ ...time, extraHoursTwoStaff: -1 })).toEqual({
      extraHoursTwoStaff: 'Ange fler än 0 timmar.',
    });
    expect(timeFieldProblems({ ...time, hoursPerVisit: 24 })).toEqual({});
    expect(timeFieldProblems({ ...time, hoursPerVisit: 24.5 })).toEqual({
      hoursPerVisit: 'Högst 24 timmar per besök.',
    });
    expect(timeFieldProblems({ ...time, frequency: 0, frequencyUnit: 'times_per_day' })).toEqual({
      frequency: 'Ange ett tal större än 0.',
    });
    expect(timeFieldProblems({ ...time, frequency: 1.005, frequencyUnit: 'times_per_day' })).toEqual({
      frequency: 'Ange högst två decimaler.',
    });
  });
});

describe('deliveryFieldProblems: every field at once', () => {
  it('reports a start outside the decision, a missing unit and bad hours together', () => {
    expect(
      deliveryFieldProblems(
        fields({ providerUnitId: '', periodFrom: '2026-01-01', hoursPerVisit: 30, frequency: 3 }),
        untilFurtherNotice,
      ),
    ).toEqual({
      providerUnitId: 'Välj en aktiv utförarenhet hos utföraren.',
      periodFrom: 'Verkställigheten kan inte börja före beslutsperioden (från 2026-02-01).',
      hoursPerVisit: 'Högst 24 timmar per besök.',
      frequencyUnit: 'Välj enhet för tid/frekvens.',
    });
  });

  it('says a day that does not exist on the field it is in', () => {
    expect(deliveryFieldProblems(fields({ periodFrom: '2026-02-30' }), untilFurtherNotice)).toEqual({
      periodFrom: 'Datumet finns inte.',
    });
    expect(deliveryFieldProblems(fields({ periodTo: '2027-02-29' }), untilFurtherNotice)).toEqual({
      periodTo: 'Datumet finns inte.',
    });
  });
});

describe('deliveryDaysOf', () => {
  it('names the whole week, Monday to Friday and the weekend, in any order', () => {
    expect(deliveryDaysOf(['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'])).toBe('whole_week');
    expect(deliveryDaysOf(['fri', 'thu', 'wed', 'tue', 'mon'])).toBe('weekdays');
    expect(deliveryDaysOf(['sat', 'sun'])).toBe('weekends');
  });

  it('leaves any other set, and none, unnamed', () => {
    expect(deliveryDaysOf([])).toBeNull();
    expect(deliveryDaysOf(['mon', 'wed', 'fri'])).toBeNull();
    expect(deliveryDaysOf(['mon', 'tue', 'wed', 'thu', 'fri', 'sat'])).toBeNull();
    expect(deliveryDaysOf(['sun'])).toBeNull();
  });
});

describe('grantedDeliveryTime: a row starts from what the officer granted', () => {
  const care = {
    isPersonalAlarm: false,
    grantedAmount: 2,
    scopeUnit: 'times_per_day',
    minutesPerOccasion: 20,
    plannedDays: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'],
    isTwoStaff: false,
  };

  it('turns minutes into hours per visit to the hundredth, the days into Utförs and the scope into Tid/Frekv', () => {
    expect(grantedDeliveryTime(care)).toEqual({
      hoursPerVisit: 0.33,
      extraHoursTwoStaff: null,
      days: 'whole_week',
      frequency: 2,
      frequencyUnit: 'times_per_day',
    });
    expect(grantedDeliveryTime({ ...care, minutesPerOccasion: 45 }).hoursPerVisit).toBe(0.75);
    expect(grantedDeliveryTime({ ...care, minutesPerOccasion: 7.5 }).hoursPerVisit).toBe(0.13);
    expect(grantedDeliveryTime({ ...care, minutesPerOccasion: 1440 }).hoursPerVisit).toBe(24);
    // Never 0: the row takes no 0 hours, and the shortest visit is still a visit.
    expect(grantedDeliveryTime({ ...care, minutesPerOccasion: 0.2 }).hoursPerVisit).toBe(0.01);
  });

  it('gives two staff the same time again as + Dubbel', () => {
    expect(grantedDeliveryTime({ ...care, isTwoStaff: true })).toMatchObject({
      hoursPerVisit: 0.33,
      extraHoursTwoStaff: 0.33,
    });
    expect(grantedDeliveryTime({ ...care, isTwoStaff: true, minutesPerOccasion: null })).toMatchObject({
      hoursPerVisit: null,
      extraHoursTwoStaff: null,
    });
  });

  it('keeps hours per week and month as they are, and leaves days and nights per month to the provider', () => {
    expect(grantedDeliveryTime({ ...care, scopeUnit: 'hours_per_month', grantedAmount: 20 })).toMatchObject({
      frequency: 20,
      frequencyUnit: 'hours_per_month',
    });
    expect(grantedDeliveryTime({ ...care, scopeUnit: 'hours_per_week', grantedAmount: 3.5 })).toMatchObject({
      frequency: 3.5,
      frequencyUnit: 'hours_per_week',
    });
    for (const scopeUnit of ['days_per_month', 'nights_per_month', 'none'])
      expect(grantedDeliveryTime({ ...care, scopeUnit, grantedAmount: 4 })).toMatchObject({
        frequency: null,
        frequencyUnit: null,
      });
  });

  it('asks nothing of a personal alarm', () => {
    expect(isPlannedInVisits({ isPersonalAlarm: true })).toBe(false);
    expect(isPlannedInVisits({ isPersonalAlarm: false })).toBe(true);
    expect(
      grantedDeliveryTime({ ...care, isPersonalAlarm: true, scopeUnit: 'none', grantedAmount: null, isTwoStaff: true }),
    ).toEqual({ hoursPerVisit: null, extraHoursTwoStaff: null, days: null, frequency: null, frequencyUnit: null });
  });

  it("fits the row's own rules: what it gives is never refused", () => {
    for (const minutes of [1, 7.5, 20, 59, 90, 1440])
      for (const [scopeUnit, max] of Object.entries(MAX_FREQUENCY)) {
        const time = grantedDeliveryTime({
          ...care,
          scopeUnit,
          grantedAmount: max,
          minutesPerOccasion: minutes,
          isTwoStaff: true,
        });
        expect(timeFieldProblems(time)).toEqual({});
      }
  });
});
