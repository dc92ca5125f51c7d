import { afterEach, describe, expect, it, vi } from 'vitest';
import { emptyRow, parseDecimal, periodText, rowErrors, rowsErrors, toFields, type RowValues } from './deliveryForm.ts';

const decision = { id: 'd', decisionNumber: 'B-1', periodFrom: '2026-03-01', periodTo: '2026-12-31', endedOn: null };
const units = [{ id: 'u1', name: 'Almen' }];

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
    expect(rowErrors(row({ periodFrom: '2026-04-30' }), '2026-05-01').periodFrom).toContain('tidigast 2026-05-01');
    expect(rowErrors(row({ periodFrom: '2026-05-01' }), '2026-05-01')).toEqual({});
    // A malformed date says so, not that it is too early.
    expect(rowErrors(row({ periodFrom: 'x' }), '2026-05-01').periodFrom).toBe('Ange datum som ÅÅÅÅ-MM-DD.');
  });
});

describe('rowsErrors', () => {
  it("keys each row's errors as the server does: rows.N.field", () => {
    expect(rowsErrors([row(), row({ providerUnitId: '' })])).toEqual({ 'rows.1.providerUnitId': 'Välj utförarenhet.' });
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
