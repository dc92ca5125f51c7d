import { describe, expect, it } from 'vitest';
import {
  DEFAULT_WATCH_SETTINGS as settings,
  decisionPeriodEnding,
  deliveryStartNotRegistered,
  interruptionNotResumed,
  shortTermStayWithoutPlace,
  unacknowledgedAssignment,
  undeliveredDecision,
} from './deadline-rules.ts';

describe('undeliveredDecision', () => {
  const facts = { decisionDate: '2026-11-30', deliveredOn: null, endedOn: null };

  it('is silent until the reminder day, two months on', () => {
    expect(undeliveredDecision(facts, '2027-01-29', settings)).toBeNull();
    expect(undeliveredDecision(facts, '2027-01-30', settings)).toEqual({
      state: 'approaching',
      dueOn: '2027-02-28',
      steps: ['reminder'],
    });
  });

  it('is reportable the day after the last day of February, three months from 30 November', () => {
    expect(undeliveredDecision(facts, '2027-02-28', settings)?.state).toBe('approaching');
    expect(undeliveredDecision(facts, '2027-03-01', settings)).toEqual({
      state: 'overdue',
      dueOn: '2027-02-28',
      steps: ['reminder', 'reportable'],
    });
  });

  it('reckons a leap year: from 2027-11-30 the last day is 2028-02-29', () => {
    const leap = { ...facts, decisionDate: '2027-11-30' };
    expect(undeliveredDecision(leap, '2028-02-29', settings)?.state).toBe('approaching');
    expect(undeliveredDecision(leap, '2028-03-01', settings)?.state).toBe('overdue');
  });

  it('ends with a delivery start, however late', () => {
    expect(undeliveredDecision({ ...facts, deliveredOn: '2027-04-01' }, '2027-05-01', settings)).toBeNull();
  });

  it('ends the day after the decision ended, not on its last day', () => {
    expect(undeliveredDecision({ ...facts, endedOn: '2027-03-05' }, '2027-03-05', settings)?.state).toBe('overdue');
    expect(undeliveredDecision({ ...facts, endedOn: '2027-03-05' }, '2027-03-06', settings)).toBeNull();
  });

  it('takes the reminder months from the settings, never later than the deadline', () => {
    const oneMonth = { ...settings, reminderMonths: 1 };
    expect(undeliveredDecision(facts, '2026-12-30', oneMonth)?.steps).toEqual(['reminder']);
    expect(undeliveredDecision(facts, '2026-12-29', oneMonth)).toBeNull();
    const late = { ...settings, reminderMonths: 5 };
    expect(undeliveredDecision(facts, '2027-02-27', late)).toBeNull();
    expect(undeliveredDecision(facts, '2027-02-28', late)?.steps).toEqual(['reminder']);
  });
});

describe('interruptionNotResumed', () => {
  const open = { fromDate: '2026-05-31', toDate: null, deliveryEndedOn: null };

  it('reminds at two months and is reportable after three (31 May → 31 August)', () => {
    expect(interruptionNotResumed(open, '2026-07-30', settings)).toBeNull();
    expect(interruptionNotResumed(open, '2026-07-31', settings)?.state).toBe('approaching');
    expect(interruptionNotResumed(open, '2026-08-31', settings)?.state).toBe('approaching');
    expect(interruptionNotResumed(open, '2026-09-01', settings)).toEqual({
      state: 'overdue',
      dueOn: '2026-08-31',
      steps: ['reminder', 'reportable'],
    });
  });

  it('is not watched when planned to resume by the deadline', () => {
    expect(interruptionNotResumed({ ...open, toDate: '2026-08-30' }, '2026-08-01', settings)).toBeNull();
    expect(interruptionNotResumed({ ...open, toDate: '2026-08-31' }, '2026-08-01', settings)?.state).toBe(
      'approaching',
    );
  });

  it('ends once resumed or once the row ended', () => {
    expect(interruptionNotResumed({ ...open, toDate: '2026-09-10' }, '2026-09-10', settings)?.state).toBe('overdue');
    expect(interruptionNotResumed({ ...open, toDate: '2026-09-10' }, '2026-09-11', settings)).toBeNull();
    expect(interruptionNotResumed({ ...open, deliveryEndedOn: '2026-09-02' }, '2026-09-03', settings)).toBeNull();
  });
});

describe('unacknowledgedAssignment', () => {
  const sentAt = '2026-12-07T08:00:00.000Z';

  it('waits 24 hours, then tells the manager, then 24 hours more the case officer', () => {
    const facts = { sentAt, hasPersonalAlarm: false };
    expect(unacknowledgedAssignment(facts, new Date('2026-12-08T07:59:59.999Z'), settings)).toEqual({
      state: 'due',
      dueOn: '2026-12-08T08:00:00.000Z',
      steps: [],
    });
    expect(unacknowledgedAssignment(facts, new Date('2026-12-08T08:00:00.000Z'), settings).steps).toEqual(['manager']);
    expect(unacknowledgedAssignment(facts, new Date('2026-12-09T07:59:59.999Z'), settings).steps).toEqual(['manager']);
    expect(unacknowledgedAssignment(facts, new Date('2026-12-09T08:00:00.000Z'), settings)).toEqual({
      state: 'overdue',
      dueOn: '2026-12-08T08:00:00.000Z',
      steps: ['manager', 'officer'],
    });
  });

  it('gives a personal alarm four hours', () => {
    const facts = { sentAt, hasPersonalAlarm: true };
    expect(unacknowledgedAssignment(facts, new Date('2026-12-07T11:59:00.000Z'), settings).steps).toEqual([]);
    expect(unacknowledgedAssignment(facts, new Date('2026-12-07T12:00:00.000Z'), settings).steps).toEqual(['manager']);
    expect(unacknowledgedAssignment(facts, new Date('2026-12-07T16:00:00.000Z'), settings).steps).toEqual([
      'manager',
      'officer',
    ]);
  });
});

describe('deliveryStartNotRegistered', () => {
  it('is due on the first day and overdue after it, until a start is registered', () => {
    expect(deliveryStartNotRegistered({ periodFrom: '2026-12-08', startedOn: null }, '2026-12-07')).toBeNull();
    expect(deliveryStartNotRegistered({ periodFrom: '2026-12-08', startedOn: null }, '2026-12-08')?.state).toBe('due');
    expect(deliveryStartNotRegistered({ periodFrom: '2026-12-08', startedOn: null }, '2026-12-09')?.state).toBe(
      'overdue',
    );
    expect(deliveryStartNotRegistered({ periodFrom: '2026-12-08', startedOn: '2026-12-08' }, '2026-12-09')).toBeNull();
  });
});

describe('shortTermStayWithoutPlace', () => {
  const facts = {
    decisionDate: '2026-12-01',
    periodFrom: '2026-12-10',
    placeFrom: null,
    endedOn: null,
    periodTo: null,
  };

  it('lists a decision without a place from the decision date, overdue once its period begins', () => {
    expect(shortTermStayWithoutPlace(facts, '2026-11-30')).toBeNull();
    expect(shortTermStayWithoutPlace(facts, '2026-12-01')?.state).toBe('due');
    expect(shortTermStayWithoutPlace(facts, '2026-12-09')?.state).toBe('due');
    expect(shortTermStayWithoutPlace(facts, '2026-12-10')?.state).toBe('overdue');
  });

  it('ends with a place, or after the decision’s last day', () => {
    expect(shortTermStayWithoutPlace({ ...facts, placeFrom: '2026-12-10' }, '2026-12-11')).toBeNull();
    expect(shortTermStayWithoutPlace({ ...facts, periodTo: '2026-12-20' }, '2026-12-20')?.state).toBe('overdue');
    expect(shortTermStayWithoutPlace({ ...facts, periodTo: '2026-12-20' }, '2026-12-21')).toBeNull();
    expect(shortTermStayWithoutPlace({ ...facts, endedOn: '2026-12-12' }, '2026-12-13')).toBeNull();
  });
});

describe('decisionPeriodEnding', () => {
  const facts = { periodTo: '2027-01-31', endedOn: null, isContinued: false };

  it('shows from 30 days before the last day to the day itself', () => {
    expect(decisionPeriodEnding(facts, '2026-12-31', settings)).toBeNull();
    expect(decisionPeriodEnding(facts, '2027-01-01', settings)).toEqual({
      state: 'approaching',
      dueOn: '2027-01-31',
      steps: [],
    });
    expect(decisionPeriodEnding(facts, '2027-01-31', settings)?.state).toBe('due');
    expect(decisionPeriodEnding(facts, '2027-02-01', settings)).toBeNull();
  });

  it('leaves out tills vidare, ended and continued decisions', () => {
    expect(decisionPeriodEnding({ ...facts, periodTo: null }, '2027-01-15', settings)).toBeNull();
    expect(decisionPeriodEnding({ ...facts, endedOn: '2027-01-20' }, '2027-01-15', settings)).toBeNull();
    expect(decisionPeriodEnding({ ...facts, isContinued: true }, '2027-01-15', settings)).toBeNull();
  });
});
