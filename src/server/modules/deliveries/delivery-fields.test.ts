import { describe, expect, it } from 'vitest';
import type { DeliveryFields } from '../../../contract/deliveries.ts';
import {
  MAX_FREQUENCY,
  deliveryFieldProblems,
  hasAtMostTwoDecimals,
  timeFieldProblems,
  type DeliveryFieldContext,
} from './delivery-fields.ts';

const NORTH = '00000000-0000-4000-8000-000000000001';
const fields = (overrides: Partial<DeliveryFields> = {}): DeliveryFields => ({
  providerUnitId: NORTH,
  label: null,
  formOfDelivery: null,
  resource: null,
  resourceUse: null,
  watchDate: null,
  periodFrom: '2026-02-01',
  periodTo: null,
  hoursPerVisit: null,
  extraHoursTwoStaff: null,
  days: null,
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
