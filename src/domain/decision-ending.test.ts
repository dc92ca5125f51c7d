import { describe, expect, it } from 'vitest';
import { isWaitingAssignmentWithdrawn, rowEndingOnDecisionEnd } from './decision-ending.ts';
import type { DeliveryRowFacts } from './delivery-rules.ts';

const row = (facts: Partial<DeliveryRowFacts>): DeliveryRowFacts => ({
  status: 'sent_to_delivery',
  periodFrom: '2026-02-01',
  periodTo: null,
  startedOn: null,
  ...facts,
});

describe('rowEndingOnDecisionEnd', () => {
  it('ends a row that runs past the day on the day, open-ended or ending later, sent or still under distribution', () => {
    for (const facts of [
      {},
      { periodTo: '2026-12-31' },
      { status: 'under_distribution' as const },
      { startedOn: '2026-02-03' },
      { startedOn: '2026-06-30' },
    ]) {
      expect(rowEndingOnDecisionEnd(row(facts), '2026-06-30'), JSON.stringify(facts)).toEqual({
        ending: { kind: 'end', periodTo: '2026-06-30' },
        problem: null,
      });
    }
  });

  it('ends a row on its first day when the decision ends that day', () => {
    expect(rowEndingOnDecisionEnd(row({ periodFrom: '2026-06-30' }), '2026-06-30').ending).toEqual({
      kind: 'end',
      periodTo: '2026-06-30',
    });
  });

  it('leaves a row that ends on the day or before, whatever its status', () => {
    for (const status of ['under_distribution', 'sent_to_delivery', 'withdrawn', 'ended'] as const) {
      expect(rowEndingOnDecisionEnd(row({ status, periodTo: '2026-06-30' }), '2026-06-30')).toEqual({
        ending: null,
        problem: null,
      });
      expect(rowEndingOnDecisionEnd(row({ status, periodTo: '2026-03-31' }), '2026-06-30')).toEqual({
        ending: null,
        problem: null,
      });
    }
  });

  it('ends a row that would begin after the day without it ever beginning', () => {
    expect(rowEndingOnDecisionEnd(row({ periodFrom: '2026-07-01' }), '2026-06-30').ending).toEqual({
      kind: 'never_begins',
      periodTo: '2026-06-30',
    });
    expect(
      rowEndingOnDecisionEnd(
        row({ status: 'under_distribution', periodFrom: '2026-09-01', periodTo: '2026-12-31' }),
        '2026-06-30',
      ).ending,
    ).toEqual({ kind: 'never_begins', periodTo: '2026-06-30' });
  });

  it('cuts a withdrawn or ended row whose last day is later, keeping its status', () => {
    expect(rowEndingOnDecisionEnd(row({ status: 'withdrawn', periodTo: '2026-07-31' }), '2026-06-30').ending).toEqual({
      kind: 'cut',
      periodTo: '2026-06-30',
    });
    expect(rowEndingOnDecisionEnd(row({ status: 'ended', periodTo: '2026-12-31' }), '2026-06-30').ending).toEqual({
      kind: 'cut',
      periodTo: '2026-06-30',
    });
    expect(
      rowEndingOnDecisionEnd(
        row({ status: 'withdrawn', periodFrom: '2026-08-01', periodTo: '2026-08-31' }),
        '2026-06-30',
      ).ending,
    ).toEqual({ kind: 'cut', periodTo: '2026-06-30' });
  });

  it('refuses when the support started after the day, naming the start date', () => {
    for (const facts of [
      { startedOn: '2026-07-01' },
      { status: 'withdrawn' as const, periodTo: '2026-07-31', startedOn: '2026-07-02' },
      { periodFrom: '2026-07-01', startedOn: '2026-07-01' },
    ]) {
      const plan = rowEndingOnDecisionEnd(row(facts), '2026-06-30');
      expect(plan.ending, JSON.stringify(facts)).toBeNull();
      expect(plan.problem).toContain(`Insatsen startade ${facts.startedOn}`);
    }
  });

  it('ends on the day before the decision began (it never applied)', () => {
    expect(rowEndingOnDecisionEnd(row({}), '2026-01-31').ending).toEqual({
      kind: 'never_begins',
      periodTo: '2026-01-31',
    });
  });
});

describe('isWaitingAssignmentWithdrawn', () => {
  it('withdraws when the decision ends today or earlier', () => {
    expect(isWaitingAssignmentWithdrawn('2026-05-10', '2026-05-10')).toBe(true);
    expect(isWaitingAssignmentWithdrawn('2026-04-30', '2026-05-10')).toBe(true);
  });

  it('leaves it waiting when the decision ends ahead: support is due until then', () => {
    expect(isWaitingAssignmentWithdrawn('2026-05-11', '2026-05-10')).toBe(false);
    expect(isWaitingAssignmentWithdrawn('2026-12-31', '2026-05-10', '2026-06-01')).toBe(false);
  });

  it('withdraws a change of provider that would only begin after the decision ends', () => {
    expect(isWaitingAssignmentWithdrawn('2026-05-31', '2026-05-10', '2026-06-01')).toBe(true);
    expect(isWaitingAssignmentWithdrawn('2026-06-01', '2026-05-10', '2026-06-01')).toBe(false);
  });
});
