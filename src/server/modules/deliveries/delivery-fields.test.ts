import { describe, expect, it } from 'vitest';
import type { DeliveryFields } from '../../../contract/deliveries.ts';
import { MAX_FREQUENCY, deliveryFieldProblems, hasAtMostTwoDecimals, startDateProblem, type DeliveryFieldContext } from './delivery-fields.ts';

const NORTH = '00000000-0000-4000-8000-000000000001';
const fields = (overrides: Partial<DeliveryFields> = {}): DeliveryFields => ({
  providerUnitId: NORTH, label: null, formOfDelivery: null, resource: null, resourceUse: null, watchDate: null,
  periodFrom: '2026-02-01', periodTo: null, hoursPerVisit: null, extraHoursTwoStaff: null, days: null, frequency: null, frequencyUnit: null,
  ...overrides,
});
const untilFurtherNotice: DeliveryFieldContext = { decision: { periodFrom: '2026-02-01', periodTo: null, endedOn: null }, providerUnitIds: new Set([NORTH]) };
const limited = (periodTo: string, endedOn: string | null = null): DeliveryFieldContext => ({ ...untilFurtherNotice, decision: { periodFrom: '2026-02-01', periodTo, endedOn } });

describe('deliveryFieldProblems: the period inside the decision', () => {
  it('takes an open period under a tills vidare decision, and any end', () => {
    expect(deliveryFieldProblems(fields(), untilFurtherNotice)).toEqual({});
    expect(deliveryFieldProblems(fields({ periodTo: '2099-12-31' }), untilFurtherNotice)).toEqual({});
  });

  it('puts a start before the decision on periodFrom, and the first day is allowed', () => {
    expect(deliveryFieldProblems(fields({ periodFrom: '2026-01-31' }), untilFurtherNotice)).toEqual({ periodFrom: 'Verkställigheten kan inte börja före beslutsperioden (från 2026-02-01).' });
    expect(deliveryFieldProblems(fields({ periodFrom: '2026-02-01' }), untilFurtherNotice)).toEqual({});
  });

  it('needs an end by the decision\'s last day under a limited decision, on periodTo', () => {
    expect(deliveryFieldProblems(fields(), limited('2026-06-30')).periodTo).toMatch(/ange ett slutdatum för verkställigheten, senast 2026-06-30/);
    expect(deliveryFieldProblems(fields({ periodTo: '2026-07-01' }), limited('2026-06-30')).periodTo).toMatch(/kan inte pågå efter beslutsperioden/);
    expect(deliveryFieldProblems(fields({ periodTo: '2026-06-30' }), limited('2026-06-30'))).toEqual({});
  });

  it('counts a decision ended early by its ending day, and a start after it is on periodFrom', () => {
    expect(deliveryFieldProblems(fields({ periodTo: '2026-04-30' }), limited('2026-06-30', '2026-04-15')).periodTo).toMatch(/till och med 2026-04-15/);
    expect(deliveryFieldProblems(fields({ periodFrom: '2026-04-16', periodTo: '2026-04-30' }), limited('2026-06-30', '2026-04-15'))).toEqual({
      periodFrom: 'Beslutet gäller till och med 2026-04-15; verkställigheten kan inte börja efter det.',
    });
  });

  it('puts an end before the start on periodTo', () => {
    expect(deliveryFieldProblems(fields({ periodFrom: '2026-03-01', periodTo: '2026-02-28' }), untilFurtherNotice)).toEqual({ periodTo: 'Verkställighetens slut kan inte vara före dess början.' });
  });

  it('lets a leap day end and start periods', () => {
    const leap: DeliveryFieldContext = { ...untilFurtherNotice, decision: { periodFrom: '2028-02-01', periodTo: '2028-02-29', endedOn: null } };
    expect(deliveryFieldProblems(fields({ periodFrom: '2028-02-29', periodTo: '2028-02-29' }), leap)).toEqual({});
    expect(deliveryFieldProblems(fields({ periodFrom: '2028-02-01', periodTo: '2028-03-01' }), leap).periodTo).toMatch(/2028-02-29/);
  });
});

describe('deliveryFieldProblems: a row that continues a withdrawn one', () => {
  it('starts the day after the withdrawn row ends, across month ends and leap days', () => {
    const after = (continuesAfter: string): DeliveryFieldContext => ({ ...untilFurtherNotice, decision: { periodFrom: '2026-01-01', periodTo: null, endedOn: null }, continuesAfter });
    expect(deliveryFieldProblems(fields({ periodFrom: '2026-03-01' }), after('2026-02-28'))).toEqual({});
    expect(deliveryFieldProblems(fields({ periodFrom: '2026-02-28' }), after('2026-02-28'))).toEqual({
      periodFrom: 'Raden fortsätter en återkallad rad som gäller till och med 2026-02-28; börja tidigast 2026-03-01.',
    });
    expect(deliveryFieldProblems(fields({ periodFrom: '2028-02-29' }), { ...after('2028-02-29'), decision: { periodFrom: '2028-01-01', periodTo: null, endedOn: null } }).periodFrom)
      .toMatch(/börja tidigast 2028-03-01/);
    expect(deliveryFieldProblems(fields({ periodFrom: '2027-01-01' }), after('2026-12-31'))).toEqual({});
    expect(deliveryFieldProblems(fields({ periodFrom: '2026-05-01' }), after('2026-04-30'))).toEqual({});
  });
});

describe('deliveryFieldProblems: unit and time', () => {
  it('needs one of the provider\'s active units', () => {
    expect(deliveryFieldProblems(fields({ providerUnitId: '00000000-0000-4000-8000-000000000002' }), untilFurtherNotice)).toEqual({ providerUnitId: 'Välj en aktiv utförarenhet hos utföraren.' });
  });

  it('takes hours and frequencies with at most two decimals', () => {
    expect(deliveryFieldProblems(fields({ hoursPerVisit: 0.33, extraHoursTwoStaff: 0.25, frequency: 1.5, frequencyUnit: 'hours_per_week' }), untilFurtherNotice)).toEqual({});
    expect(deliveryFieldProblems(fields({ hoursPerVisit: 0.333, extraHoursTwoStaff: 0.001 }), untilFurtherNotice)).toEqual({
      hoursPerVisit: 'Ange högst två decimaler.', extraHoursTwoStaff: 'Ange högst två decimaler.',
    });
  });

  it('wants the frequency and its unit together', () => {
    expect(deliveryFieldProblems(fields({ frequency: 2 }), untilFurtherNotice)).toEqual({ frequencyUnit: 'Välj enhet för tid/frekvens.' });
    expect(deliveryFieldProblems(fields({ frequencyUnit: 'times_per_day' }), untilFurtherNotice)).toEqual({ frequency: 'Ange tid/frekvens för enheten.' });
  });

  it('caps each unit at what can exist', () => {
    for (const [unit, max] of Object.entries(MAX_FREQUENCY) as [keyof typeof MAX_FREQUENCY, number][]) {
      expect(deliveryFieldProblems(fields({ frequency: max, frequencyUnit: unit }), untilFurtherNotice)).toEqual({});
      expect(deliveryFieldProblems(fields({ frequency: max + 1, frequencyUnit: unit }), untilFurtherNotice)).toEqual({ frequency: `Högst ${max} i den enheten.` });
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

describe('startDateProblem', () => {
  const row = { periodFrom: '2026-02-01', periodTo: '2026-02-28' };
  it('takes any day of the period up to today', () => {
    expect(startDateProblem(row, '2026-02-01', '2026-03-15')).toBeNull();
    expect(startDateProblem(row, '2026-02-28', '2026-03-15')).toBeNull();
    expect(startDateProblem({ periodFrom: '2026-02-01', periodTo: null }, '2026-03-15', '2026-03-15')).toBeNull();
  });

  it('refuses the future, and days outside the period', () => {
    expect(startDateProblem(row, '2026-02-11', '2026-02-10')).toBe('Verkställighetsdatum kan inte vara i framtiden.');
    expect(startDateProblem(row, '2026-01-31', '2026-03-15')).toBe('Verkställighetsdatum kan inte vara före radens period (från 2026-02-01).');
    expect(startDateProblem(row, '2026-03-01', '2026-03-15')).toBe('Verkställighetsdatum kan inte vara efter radens period (till 2026-02-28).');
  });

  it('knows leap days', () => {
    const leap = { periodFrom: '2028-02-01', periodTo: '2028-02-29' };
    expect(startDateProblem(leap, '2028-02-29', '2028-03-01')).toBeNull();
    expect(startDateProblem(leap, '2028-03-01', '2028-03-01')).toMatch(/till 2028-02-29/);
  });
});
