import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  emptyRow,
  grantedRow,
  parseDecimal,
  periodText,
  rowContextOf,
  rowErrors,
  rowsErrors,
  toFields,
  type RowValues,
} from './deliveryForm.ts';

const decision = { id: 'd', decisionNumber: 'B-1', periodFrom: '2026-03-01', periodTo: '2026-12-31', endedOn: null };
const units = [{ id: 'u1', name: 'Almen' }];
const context = rowContextOf({ decision, providerUnits: units, providerChange: null });
const fromChange = (changeDate: string) =>
  rowContextOf({ decision, providerUnits: units, providerChange: { changeDate, fromUnitName: 'X' } });

function row(values: Partial<RowValues> = {}): RowValues {
  return {
    ...emptyRow({ decision, providerUnits: units, providerChange: null }, 'ai-1'),
    periodFrom: '2026-03-01',
    ...values,
  };
}

afterEach(() => vi.useRealTimers());

describe('emptyRow', () => {
  it('starts on today within the decision, ends on its last day, and takes the only provider unit', () => {
    vi.useFakeTimers({ now: new Date('2026-04-15T10:00:00Z') });
    const fresh = emptyRow({ decision, providerUnits: units, providerChange: null }, 'ai-1');
    expect(fresh).toMatchObject({
      assignmentInterventionId: 'ai-1',
      providerUnitId: 'u1',
      periodFrom: '2026-04-15',
      periodTo: '2026-12-31',
    });
  });

  it("starts on the decision's first day when that lies ahead, and ends on an earlier end date", () => {
    vi.useFakeTimers({ now: new Date('2026-01-10T10:00:00Z') });
    const ended = { ...decision, endedOn: '2026-06-30' };
    const fresh = emptyRow({ decision: ended, providerUnits: units, providerChange: null }, 'ai-1');
    expect(fresh.periodFrom).toBe('2026-03-01');
    expect(fresh.periodTo).toBe('2026-06-30');
  });

  it('starts on the change date for a change of provider, and leaves the unit open among several', () => {
    const two = [...units, { id: 'u2', name: 'Björken' }];
    const fresh = emptyRow(
      { decision, providerUnits: two, providerChange: { changeDate: '2026-05-01', fromUnitName: 'X' } },
      'ai',
    );
    expect(fresh.periodFrom).toBe('2026-05-01');
    expect(fresh.providerUnitId).toBe('');
  });

  it('copies unit, form of delivery and period from the row it follows, with a key of its own', () => {
    const first = row({ providerUnitId: 'u9', formOfDelivery: 'Hemtjänst', periodTo: '2026-08-31' });
    const next = emptyRow({ decision, providerUnits: units, providerChange: null }, 'ai-2', first);
    expect(next).toMatchObject({
      providerUnitId: 'u9',
      formOfDelivery: 'Hemtjänst',
      periodFrom: first.periodFrom,
      periodTo: '2026-08-31',
    });
    expect(next.key).not.toBe(first.key);
  });
});

describe('parseDecimal', () => {
  it('reads a decimal comma or point, treats empty as none and anything else as NaN', () => {
    expect(parseDecimal('0,33')).toBe(0.33);
    expect(parseDecimal(' 2.5 ')).toBe(2.5);
    expect(parseDecimal('7')).toBe(7);
    expect(parseDecimal('  ')).toBeNull();
    for (const text of ['1,', ',5', '1,2,3', '-1', 'två']) expect(parseDecimal(text), text).toBeNaN();
  });
});

describe('rowErrors', () => {
  it('finds nothing wrong with a complete row', () => {
    expect(rowErrors(row({ hoursPerVisit: '0,5', frequency: '3', frequencyUnit: 'times_per_week' }))).toEqual({});
  });

  it('wants a provider unit and a first day', () => {
    expect(rowErrors(row({ providerUnitId: '', periodFrom: ' ' }))).toEqual({
      providerUnitId: 'Välj utförarenhet.',
      periodFrom: 'Ange första dag.',
    });
  });

  it('wants dates as YYYY-MM-DD', () => {
    const errors = rowErrors(row({ periodFrom: '1/3 2026', periodTo: '2026-3-1', watchDate: '20260301' }));
    expect(errors).toEqual({
      periodFrom: 'Ange datum som ÅÅÅÅ-MM-DD.',
      periodTo: 'Ange datum som ÅÅÅÅ-MM-DD.',
      watchDate: 'Ange datum som ÅÅÅÅ-MM-DD.',
    });
  });

  it('wants numbers above zero', () => {
    const errors = rowErrors(
      row({ hoursPerVisit: '0', extraHoursTwoStaff: 'x', frequency: '0,0', frequencyUnit: 'times_per_week' }),
    );
    const message = 'Ange ett tal större än 0, t.ex. 0,5.';
    expect(errors).toEqual({ hoursPerVisit: message, extraHoursTwoStaff: message, frequency: message });
  });

  it('wants a frequency and its unit together', () => {
    expect(rowErrors(row({ frequency: '2' }))).toEqual({ frequencyUnit: 'Välj enhet för tid/frekvens.' });
    expect(rowErrors(row({ frequencyUnit: 'times_per_week' }))).toEqual({
      frequency: 'Ange tid/frekvens för enheten.',
    });
  });

  it("refuses a start before a change of provider's date, but not on or after it", () => {
    expect(rowErrors(row({ periodFrom: '2026-04-30' }), fromChange('2026-05-01')).periodFrom).toContain(
      'tidigast 2026-05-01',
    );
    expect(rowErrors(row({ periodFrom: '2026-05-01' }), fromChange('2026-05-01'))).toEqual({});
    // A malformed date says so, not that it is too early.
    expect(rowErrors(row({ periodFrom: 'x' }), fromChange('2026-05-01')).periodFrom).toBe('Ange datum som ÅÅÅÅ-MM-DD.');
  });

  it('says a day that does not exist, as the server would', () => {
    expect(rowErrors(row({ periodFrom: '2026-02-30', watchDate: '2026-13-01' }))).toEqual({
      periodFrom: 'Datumet finns inte.',
      watchDate: 'Datumet finns inte.',
    });
  });

  it('checks the time as the server does: at most 24 hours, two decimals, within the unit', () => {
    expect(rowErrors(row({ hoursPerVisit: '25', extraHoursTwoStaff: '0,333' }))).toEqual({
      hoursPerVisit: 'Högst 24 timmar per besök.',
      extraHoursTwoStaff: 'Ange högst två decimaler.',
    });
    expect(rowErrors(row({ frequency: '49', frequencyUnit: 'times_per_day' }))).toEqual({
      frequency: 'Högst 48 i den enheten.',
    });
  });
});

describe("rowErrors with the decision and the provider's units: every rule the server checks", () => {
  it('finds nothing wrong with a row inside the decision at a unit of the provider', () => {
    expect(rowErrors(row({ periodTo: '2026-12-31' }), context)).toEqual({});
  });

  it('puts a start before the decision, and an end after it, on their fields', () => {
    expect(rowErrors(row({ periodFrom: '2026-02-01', periodTo: '2026-12-31' }), context)).toEqual({
      periodFrom: 'Verkställigheten kan inte börja före beslutsperioden (från 2026-03-01).',
    });
    expect(rowErrors(row({ periodTo: '2027-01-31' }), context)).toEqual({
      periodTo: 'Verkställigheten kan inte pågå efter beslutsperioden: beslutet gäller till och med 2026-12-31.',
    });
    expect(rowErrors(row({ periodTo: '' }), context).periodTo).toContain('ange ett slutdatum');
    expect(rowErrors(row({ periodFrom: '2026-05-01', periodTo: '2026-04-30' }), context)).toEqual({
      periodTo: 'Verkställighetens slut kan inte vara före dess början.',
    });
  });

  it('reports a period outside the decision together with the other problems of the row, all at once', () => {
    expect(
      rowErrors(
        row({
          providerUnitId: '',
          periodFrom: '2027-02-01',
          periodTo: '2027-03-01',
          hoursPerVisit: '30',
          frequency: '2',
        }),
        context,
      ),
    ).toEqual({
      providerUnitId: 'Välj utförarenhet.',
      periodFrom: 'Beslutet gäller till och med 2026-12-31; verkställigheten kan inte börja efter det.',
      hoursPerVisit: 'Högst 24 timmar per besök.',
      frequencyUnit: 'Välj enhet för tid/frekvens.',
    });
  });

  it("wants a unit of the provider's", () => {
    expect(rowErrors(row({ providerUnitId: 'u-gone', periodTo: '2026-12-31' }), context)).toEqual({
      providerUnitId: 'Välj en aktiv utförarenhet hos utföraren.',
    });
  });
});

describe('rowsErrors', () => {
  it("keys each row's errors as the server does: rows.N.field", () => {
    expect(rowsErrors([row(), row({ providerUnitId: '' })])).toEqual({ 'rows.1.providerUnitId': 'Välj utförarenhet.' });
  });

  it('checks every row against the decision at once', () => {
    expect(
      rowsErrors([row({ periodFrom: '2026-01-01', periodTo: '2026-12-31' }), row({ periodTo: '2027-06-30' })], context),
    ).toEqual({
      'rows.0.periodFrom': 'Verkställigheten kan inte börja före beslutsperioden (från 2026-03-01).',
      'rows.1.periodTo':
        'Verkställigheten kan inte pågå efter beslutsperioden: beslutet gäller till och med 2026-12-31.',
    });
  });
});

describe('grantedRow: a row starts from what the officer granted', () => {
  const options = { decision, providerUnits: units, providerChange: null };
  const meals = {
    id: 'ai-meals',
    isPersonalAlarm: false,
    grantedAmount: 7,
    scopeUnit: 'times_per_week',
    minutesPerOccasion: 20,
    plannedDays: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'],
    isTwoStaff: true,
  };

  it('fills hours per visit with a decimal comma, + Dubbel for two staff, Utförs and Tid/Frekv', () => {
    vi.useFakeTimers({ now: new Date('2026-04-15T10:00:00Z') });
    expect(grantedRow(options, meals)).toMatchObject({
      assignmentInterventionId: 'ai-meals',
      providerUnitId: 'u1',
      periodFrom: '2026-04-15',
      periodTo: '2026-12-31',
      hoursPerVisit: '0,33',
      extraHoursTwoStaff: '0,33',
      days: 'whole_week',
      frequency: '7',
      frequencyUnit: 'times_per_week',
    });
    // What it fills in passes the form's own check, so an untouched row can be sent.
    expect(rowErrors(grantedRow(options, meals), context)).toEqual({});
  });

  it('leaves a personal alarm without time', () => {
    const alarm = { ...meals, id: 'ai-alarm', isPersonalAlarm: true, scopeUnit: 'none', grantedAmount: null };
    expect(grantedRow(options, alarm)).toMatchObject({
      hoursPerVisit: '',
      extraHoursTwoStaff: '',
      days: '',
      frequency: '',
      frequencyUnit: '',
    });
  });

  it('a split row copies unit, form of delivery and period of the row before, and the grant again', () => {
    const first = {
      ...grantedRow(options, meals),
      providerUnitId: 'u9',
      formOfDelivery: 'Hemtjänst',
      periodTo: '2026-08-31',
      hoursPerVisit: '1',
    };
    const next = grantedRow(options, meals, first);
    expect(next).toMatchObject({
      providerUnitId: 'u9',
      formOfDelivery: 'Hemtjänst',
      periodTo: '2026-08-31',
      hoursPerVisit: '0,33',
    });
    expect(next.key).not.toBe(first.key);
  });
});

describe('toFields', () => {
  it('trims text, turns empty text into null and numbers into numbers', () => {
    const values = row({
      label: '  Morgon ',
      resource: '',
      periodFrom: ' 2026-03-01 ',
      periodTo: '',
      hoursPerVisit: '0,75',
      frequency: '',
      days: '',
      frequencyUnit: '',
    });
    expect(toFields(values)).toEqual({
      providerUnitId: 'u1',
      label: 'Morgon',
      formOfDelivery: null,
      resource: null,
      resourceUse: null,
      watchDate: null,
      periodFrom: '2026-03-01',
      periodTo: null,
      hoursPerVisit: 0.75,
      extraHoursTwoStaff: null,
      days: null,
      frequency: null,
      frequencyUnit: null,
    });
  });
});

describe('periodText', () => {
  it('writes an open period as t.v. and a closed one with a dash', () => {
    expect(periodText('2019-11-05', null)).toBe('2019-11-05–t.v.');
    expect(periodText('2019-11-05', '2020-01-31')).toBe('2019-11-05–2020-01-31');
  });

  it('says a row that ended before its first day never began', () => {
    expect(periodText('2026-05-01', '2026-04-30')).toBe('2026-05-01, påbörjades aldrig (avslutad 2026-04-30)');
  });
});
