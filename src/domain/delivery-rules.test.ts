import { describe, expect, it } from 'vitest';
import {
  DELIVERY_STATUSES,
  DELIVERY_TRANSITIONS,
  canChangeDeliveryStatus,
  cancelProblem,
  cancelledLastDay,
  endProblem,
  hasEndedBeforeStart,
  interruptionProblems,
  interruptionReportDeadline,
  deliveryRowName,
  isFinalDeliveryStatus,
  isInterruptionReportable,
  isOngoingOrPlanned,
  planWithdrawal,
  providerChangeLastDay,
  providerChangeProblem,
  statusChangeProblem,
  withdrawalProblem,
  type DeliveryRowFacts,
  type DeliveryStatus,
} from './delivery-rules.ts';

const SENT: DeliveryRowFacts = { status: 'sent_to_delivery', periodFrom: '2026-02-01', periodTo: '2026-12-31' };
const OPEN: DeliveryRowFacts = { status: 'sent_to_delivery', periodFrom: '2026-02-01', periodTo: null };
const TILLS_VIDARE = { periodFrom: '2026-02-01', periodTo: null, endedOn: null };
const YEAR_DECISION = { periodFrom: '2026-01-01', periodTo: '2026-12-31', endedOn: null };
const TILLS_VIDARE_FROM_2026 = { periodFrom: '2026-01-01', periodTo: null, endedOn: null };

describe("a row's name", () => {
  it("is the intervention, with the provider's label when the row has one", () => {
    expect(deliveryRowName('Personlig omvårdnad', null)).toBe('Personlig omvårdnad');
    expect(deliveryRowName('Personlig omvårdnad', 'Morgon')).toBe('Personlig omvårdnad (Morgon)');
    expect(deliveryRowName('Matdistribution', '')).toBe('Matdistribution');
  });
});

describe('status transitions', () => {
  const table: [DeliveryStatus, DeliveryStatus, boolean][] = [
    ['under_distribution', 'sent_to_delivery', true],
    ['under_distribution', 'ended', true],
    ['under_distribution', 'withdrawn', false],
    ['under_distribution', 'under_distribution', false],
    ['sent_to_delivery', 'withdrawn', true],
    ['sent_to_delivery', 'ended', true],
    ['sent_to_delivery', 'under_distribution', false],
    ['sent_to_delivery', 'sent_to_delivery', false],
    ['withdrawn', 'ended', false],
    ['withdrawn', 'sent_to_delivery', false],
    ['withdrawn', 'under_distribution', false],
    ['withdrawn', 'withdrawn', false],
    ['ended', 'sent_to_delivery', false],
    ['ended', 'withdrawn', false],
    ['ended', 'under_distribution', false],
    ['ended', 'ended', false],
  ];
  it.each(table)('%s → %s: %s', (from, to, allowed) => {
    expect(canChangeDeliveryStatus(from, to)).toBe(allowed);
  });

  it('covers every pair of statuses', () => {
    expect(table).toHaveLength(DELIVERY_STATUSES.length ** 2);
    expect(Object.keys(DELIVERY_TRANSITIONS).sort()).toEqual([...DELIVERY_STATUSES].sort());
  });

  it('knows the final statuses', () => {
    expect(DELIVERY_STATUSES.filter(isFinalDeliveryStatus)).toEqual(['withdrawn', 'ended']);
  });

  it('explains a refused change in Swedish', () => {
    expect(statusChangeProblem('sent_to_delivery', 'withdrawn')).toBeNull();
    expect(statusChangeProblem('under_distribution', 'ended')).toBeNull();
    expect(statusChangeProblem('under_distribution', 'withdrawn')).toBe(
      'Bara rader som är skickade till genomförande kan återkallas.',
    );
    expect(statusChangeProblem('withdrawn', 'ended')).toBe('Raden är redan återkallad; ändra den nya raden i stället.');
    expect(statusChangeProblem('ended', 'withdrawn')).toBe('Raden är redan avslutad.');
  });
});

describe('change of time (withdrawal)', () => {
  it('ends the row the day before and continues it from the day to the old end', () => {
    expect(planWithdrawal(SENT, YEAR_DECISION, '2026-06-15')).toEqual({
      withdrawnTo: '2026-06-14',
      continuation: { from: '2026-06-15', to: '2026-12-31' },
    });
  });

  it('keeps a tills vidare row open-ended under a tills vidare decision', () => {
    expect(planWithdrawal(OPEN, TILLS_VIDARE, '2026-06-01')).toEqual({
      withdrawnTo: '2026-05-31',
      continuation: { from: '2026-06-01', to: null },
    });
  });

  it('ends the continuation with the decision when the decision has been ended early', () => {
    const ended = { ...TILLS_VIDARE, endedOn: '2026-09-30' };
    expect(planWithdrawal(OPEN, ended, '2026-06-01').continuation).toEqual({ from: '2026-06-01', to: '2026-09-30' });
    expect(planWithdrawal(SENT, { ...YEAR_DECISION, endedOn: '2026-08-31' }, '2026-06-01').continuation).toEqual({
      from: '2026-06-01',
      to: '2026-08-31',
    });
  });

  it('counts back across month ends, year ends and leap days', () => {
    const longRow: DeliveryRowFacts = { status: 'sent_to_delivery', periodFrom: '1999-01-01', periodTo: null };
    const forever = { periodFrom: '1999-01-01', periodTo: null, endedOn: null };
    const dayBeforeOf = (day: string) => planWithdrawal(longRow, forever, day).withdrawnTo;
    expect(dayBeforeOf('2024-03-01')).toBe('2024-02-29');
    expect(dayBeforeOf('2026-03-01')).toBe('2026-02-28');
    expect(dayBeforeOf('2000-03-01')).toBe('2000-02-29');
    expect(dayBeforeOf('2027-01-01')).toBe('2026-12-31');
    expect(dayBeforeOf('2026-05-01')).toBe('2026-04-30');
    expect(dayBeforeOf('2024-02-29')).toBe('2024-02-28');
  });

  it('is unaffected by the days Sweden changes the clock', () => {
    const dstRow: DeliveryRowFacts = { status: 'sent_to_delivery', periodFrom: '2026-01-01', periodTo: null };
    expect(planWithdrawal(dstRow, TILLS_VIDARE_FROM_2026, '2026-03-29').withdrawnTo).toBe('2026-03-28');
    expect(planWithdrawal(dstRow, TILLS_VIDARE_FROM_2026, '2026-03-30').withdrawnTo).toBe('2026-03-29');
    expect(planWithdrawal(dstRow, TILLS_VIDARE_FROM_2026, '2026-10-25').withdrawnTo).toBe('2026-10-24');
    expect(planWithdrawal(dstRow, TILLS_VIDARE_FROM_2026, '2026-10-26').withdrawnTo).toBe('2026-10-25');
  });

  it('allows the day after the first day and the last day itself', () => {
    expect(planWithdrawal(SENT, YEAR_DECISION, '2026-02-02')).toEqual({
      withdrawnTo: '2026-02-01',
      continuation: { from: '2026-02-02', to: '2026-12-31' },
    });
    expect(planWithdrawal(SENT, YEAR_DECISION, '2026-12-31')).toEqual({
      withdrawnTo: '2026-12-30',
      continuation: { from: '2026-12-31', to: '2026-12-31' },
    });
  });

  it('refuses the first day itself and days before it', () => {
    expect(withdrawalProblem(SENT, YEAR_DECISION, '2026-02-01')).toBe(
      'Ändringen kan gälla tidigast dagen efter radens första dag, 2026-02-02.',
    );
    expect(withdrawalProblem(SENT, YEAR_DECISION, '2026-01-15')).toBe(
      'Ändringen kan gälla tidigast dagen efter radens första dag, 2026-02-02.',
    );
    const leapStart: DeliveryRowFacts = { status: 'sent_to_delivery', periodFrom: '2024-02-28', periodTo: null };
    expect(
      withdrawalProblem(leapStart, { periodFrom: '2024-01-01', periodTo: null, endedOn: null }, '2024-02-28'),
    ).toBe('Ändringen kan gälla tidigast dagen efter radens första dag, 2024-02-29.');
  });

  it('refuses a day after the row or the decision has ended', () => {
    expect(withdrawalProblem(SENT, YEAR_DECISION, '2027-01-01')).toBe(
      'Raden gäller till och med 2026-12-31; ändringen kan gälla senast den dagen.',
    );
    expect(withdrawalProblem(OPEN, { ...TILLS_VIDARE, endedOn: '2026-06-30' }, '2026-07-01')).toBe(
      'Beslutet gäller till och med 2026-06-30; ändringen kan gälla senast den dagen.',
    );
  });

  it('refuses days that do not exist', () => {
    for (const day of ['2026-02-29', '1900-02-29', '2026-04-31', '2026-13-01', '2026-6-1', '']) {
      expect(withdrawalProblem(OPEN, TILLS_VIDARE, day)).toBe('Datumet finns inte.');
    }
    expect(
      withdrawalProblem(
        { ...OPEN, periodFrom: '1999-01-01' },
        { ...TILLS_VIDARE, periodFrom: '1999-01-01' },
        '2000-02-29',
      ),
    ).toBeNull();
  });

  it('withdraws only rows sent to delivery', () => {
    expect(withdrawalProblem({ ...SENT, status: 'under_distribution' }, YEAR_DECISION, '2026-06-01')).toBe(
      'Bara rader som är skickade till genomförande kan återkallas.',
    );
    expect(withdrawalProblem({ ...SENT, status: 'withdrawn' }, YEAR_DECISION, '2026-06-01')).toBe(
      'Raden är redan återkallad; ändra den nya raden i stället.',
    );
    expect(withdrawalProblem({ ...SENT, status: 'ended' }, YEAR_DECISION, '2026-06-01')).toBe(
      'Raden är redan avslutad.',
    );
    expect(() => planWithdrawal({ ...SENT, status: 'ended' }, YEAR_DECISION, '2026-06-01')).toThrow(RangeError);
  });
});

describe('ending', () => {
  it('takes any day of the row, its first and last included', () => {
    expect(endProblem(SENT, '2026-02-01')).toBeNull();
    expect(endProblem(SENT, '2026-07-31')).toBeNull();
    expect(endProblem(SENT, '2026-12-31')).toBeNull();
    expect(endProblem(OPEN, '2040-02-29')).toBeNull();
  });

  it('ends rows under distribution too (a continuation never registered)', () => {
    expect(endProblem({ ...OPEN, status: 'under_distribution' }, '2026-03-01')).toBeNull();
  });

  it('refuses an end before the first day or after the last', () => {
    expect(endProblem(SENT, '2026-01-31')).toBe('Slutdatum kan inte vara före radens första dag, 2026-02-01.');
    expect(endProblem(SENT, '2027-01-01')).toBe(
      'Raden gäller till och med 2026-12-31; slutdatum kan vara senast den dagen.',
    );
  });

  it('refuses an end before the support started', () => {
    expect(endProblem({ ...SENT, startedOn: '2026-03-02' }, '2026-03-01')).toBe(
      'Insatsen startade 2026-03-02; slutdatum kan inte vara före det.',
    );
    expect(endProblem({ ...SENT, startedOn: '2026-03-02' }, '2026-03-02')).toBeNull();
  });

  it('refuses impossible days and rows already finished', () => {
    expect(endProblem(OPEN, '2026-02-30')).toBe('Datumet finns inte.');
    expect(endProblem(OPEN, '2100-02-29')).toBe('Datumet finns inte.');
    expect(endProblem({ ...SENT, status: 'ended' }, '2026-06-01')).toBe('Raden är redan avslutad.');
    expect(endProblem({ ...SENT, status: 'withdrawn' }, '2026-06-01')).toBe(
      'Raden är redan återkallad; ändra den nya raden i stället.',
    );
  });
});

describe('cancelling before the start (Avbryt före start)', () => {
  const PLANNED = {
    status: 'sent_to_delivery' as const,
    periodFrom: '2026-05-02',
    startedOn: null,
    continuesDeliveryId: null,
    hasInterruptions: false,
  };
  const TODAY = '2026-05-01';

  it('takes a row sent or under distribution that has no start date, whenever its first day is', () => {
    expect(cancelProblem(PLANNED, TODAY)).toBeNull();
    expect(cancelProblem({ ...PLANNED, status: 'under_distribution' }, TODAY)).toBeNull();
    // Planned from last week and never begun (the person declined): still cancelled, not ended.
    expect(cancelProblem({ ...PLANNED, periodFrom: '2026-04-24' }, TODAY)).toBeNull();
  });

  it('refuses a row that has begun: a start date or an interruption says so', () => {
    expect(cancelProblem({ ...PLANNED, periodFrom: '2026-04-01', startedOn: '2026-04-03' }, TODAY)).toBe(
      'Insatsen startade 2026-04-03; avsluta den med Rätta/Avsluta i stället.',
    );
    expect(cancelProblem({ ...PLANNED, hasInterruptions: true }, TODAY)).toBe(
      'Raden har avbrott, så insatsen har börjat; avsluta den med Rätta/Avsluta i stället.',
    );
  });

  it('takes a continuation after a change of time only before its first day', () => {
    const continuation = { ...PLANNED, continuesDeliveryId: 'withdrawn-row' };
    expect(cancelProblem(continuation, TODAY)).toBeNull();
    expect(cancelProblem({ ...continuation, periodFrom: TODAY }, TODAY)).toBe(
      'Raden fortsätter en rad som ändrats i tid och gäller sedan 2026-05-01; avsluta den med Rätta/Avsluta i stället.',
    );
  });

  it('refuses rows already finished', () => {
    expect(cancelProblem({ ...PLANNED, status: 'ended' }, TODAY)).toBe('Raden är redan avslutad.');
    expect(cancelProblem({ ...PLANNED, status: 'withdrawn' }, TODAY)).toBe(
      'Raden är redan återkallad; ändra den nya raden i stället.',
    );
  });

  it('ends the row the day before its first day, across month and leap-year ends', () => {
    expect(cancelledLastDay('2026-05-02')).toBe('2026-05-01');
    expect(cancelledLastDay('2028-03-01')).toBe('2028-02-29');
    expect(cancelledLastDay('2027-01-01')).toBe('2026-12-31');
  });

  it('tells a row that covered no day from one that did', () => {
    expect(hasEndedBeforeStart({ periodFrom: '2026-05-02', periodTo: '2026-05-01' })).toBe(true);
    expect(hasEndedBeforeStart({ periodFrom: '2026-05-02', periodTo: '2026-05-02' })).toBe(false);
    expect(hasEndedBeforeStart({ periodFrom: '2026-05-02', periodTo: null })).toBe(false);
  });
});

describe('change of provider', () => {
  it('ends the old rows the day before the change', () => {
    expect(providerChangeLastDay('2026-03-01')).toBe('2026-02-28');
    expect(providerChangeLastDay('2024-03-01')).toBe('2024-02-29');
    expect(providerChangeLastDay('2027-01-01')).toBe('2026-12-31');
    expect(providerChangeLastDay('2026-03-30')).toBe('2026-03-29');
  });

  it('takes a day after the first day and up to the last', () => {
    expect(providerChangeProblem(SENT, '2026-02-02')).toBeNull();
    expect(providerChangeProblem(SENT, '2026-12-31')).toBeNull();
    expect(providerChangeProblem(OPEN, '2030-01-01')).toBeNull();
  });

  it('refuses the first day, a day after the row ended, and impossible days', () => {
    expect(providerChangeProblem(SENT, '2026-02-01')).toBe(
      'Bytet kan gälla tidigast dagen efter radens första dag, 2026-02-02.',
    );
    expect(providerChangeProblem(SENT, '2027-01-01')).toBe(
      'Raden gäller till och med 2026-12-31; bytet kan gälla senast den dagen.',
    );
    expect(providerChangeProblem(SENT, '2026-11-31')).toBe('Datumet finns inte.');
  });

  it('moves only rows sent to delivery', () => {
    for (const status of ['under_distribution', 'withdrawn', 'ended'] as const) {
      expect(providerChangeProblem({ ...SENT, status }, '2026-06-01')).toBe(
        'Bara rader som är skickade till genomförande kan byta utförare.',
      );
    }
  });
});

describe('ongoing or planned', () => {
  it('is true for an open row and one ending on or after the day', () => {
    expect(isOngoingOrPlanned({ periodTo: null }, '2026-11-23')).toBe(true);
    expect(isOngoingOrPlanned({ periodTo: '2026-11-23' }, '2026-11-23')).toBe(true);
    expect(isOngoingOrPlanned({ periodTo: '2027-01-01' }, '2026-12-31')).toBe(true);
  });

  it('is false for a row that ended before the day', () => {
    expect(isOngoingOrPlanned({ periodTo: '2026-11-22' }, '2026-11-23')).toBe(false);
    expect(isOngoingOrPlanned({ periodTo: '2024-02-29' }, '2024-03-01')).toBe(false);
    expect(isOngoingOrPlanned({ periodTo: '2026-12-31' }, '2027-01-01')).toBe(false);
  });
});

describe('interruptions', () => {
  it('accepts one inside the row, open or resumed', () => {
    expect(interruptionProblems({ fromDate: '2026-03-01', toDate: null }, SENT, [])).toEqual({});
    expect(interruptionProblems({ fromDate: '2026-02-01', toDate: '2026-12-31' }, SENT, [])).toEqual({});
    expect(interruptionProblems({ fromDate: '2026-03-01', toDate: '2026-03-01' }, SENT, [])).toEqual({});
  });

  it('accepts one on a row that has since ended (recorded afterwards)', () => {
    expect(
      interruptionProblems({ fromDate: '2026-03-01', toDate: '2026-03-10' }, { ...SENT, status: 'ended' }, []),
    ).toEqual({});
  });

  it('refuses one on a row still under distribution', () => {
    expect(
      interruptionProblems({ fromDate: '2026-03-01', toDate: null }, { ...SENT, status: 'under_distribution' }, []),
    ).toEqual({ fromDate: 'Raden är inte skickad till genomförande; den kan inte ha avbrott.' });
  });

  it('refuses an end before the start', () => {
    expect(interruptionProblems({ fromDate: '2026-03-01', toDate: '2026-02-28' }, SENT, [])).toEqual({
      toDate: 'Avbrottet kan inte sluta före det börjar.',
    });
  });

  it('refuses one outside the row', () => {
    expect(interruptionProblems({ fromDate: '2026-01-31', toDate: null }, SENT, [])).toEqual({
      fromDate: 'Avbrottet kan inte börja före radens första dag, 2026-02-01.',
    });
    expect(interruptionProblems({ fromDate: '2027-01-01', toDate: null }, SENT, [])).toEqual({
      fromDate: 'Raden gäller till och med 2026-12-31; avbrottet måste börja senast då.',
    });
    expect(interruptionProblems({ fromDate: '2026-12-01', toDate: '2027-01-01' }, SENT, [])).toEqual({
      toDate: 'Raden gäller till och med 2026-12-31; avbrottet kan inte pågå efter det.',
    });
  });

  it('refuses impossible days', () => {
    expect(interruptionProblems({ fromDate: '2026-02-29', toDate: null }, SENT, [])).toEqual({
      fromDate: 'Datumet finns inte.',
    });
    expect(interruptionProblems({ fromDate: '2026-03-01', toDate: '2026-06-31' }, SENT, [])).toEqual({
      toDate: 'Datumet finns inte.',
    });
  });

  it('refuses overlap with another interruption of the row, touching ends included', () => {
    const others = [
      { fromDate: '2026-03-01', toDate: '2026-03-10' },
      { fromDate: '2026-05-01', toDate: null },
    ];
    expect(interruptionProblems({ fromDate: '2026-03-10', toDate: '2026-03-12' }, SENT, others)).toEqual({
      fromDate: 'Avbrottet överlappar ett annat avbrott (från 2026-03-01 till 2026-03-10).',
    });
    expect(interruptionProblems({ fromDate: '2026-02-20', toDate: null }, SENT, others)).toEqual({
      fromDate: 'Avbrottet överlappar ett annat avbrott (från 2026-03-01 till 2026-03-10).',
    });
    expect(interruptionProblems({ fromDate: '2026-06-01', toDate: '2026-06-02' }, SENT, others)).toEqual({
      fromDate: 'Avbrottet överlappar ett annat avbrott (från 2026-05-01, ej återupptaget).',
    });
    expect(interruptionProblems({ fromDate: '2026-03-11', toDate: '2026-04-30' }, SENT, others)).toEqual({});
  });

  describe('reporting to IVO after three months', () => {
    it('counts three calendar months, clamped at month ends and leap days', () => {
      expect(interruptionReportDeadline('2026-01-15')).toBe('2026-04-15');
      expect(interruptionReportDeadline('2026-11-30')).toBe('2027-02-28');
      expect(interruptionReportDeadline('2023-11-30')).toBe('2024-02-29');
      expect(interruptionReportDeadline('2026-05-31')).toBe('2026-08-31');
      expect(interruptionReportDeadline('2026-03-31')).toBe('2026-06-30');
      expect(interruptionReportDeadline('1999-11-29')).toBe('2000-02-29');
      expect(interruptionReportDeadline('1899-11-29')).toBe('1900-02-28');
      expect(interruptionReportDeadline('2026-12-29')).toBe('2027-03-29');
    });

    it('is not reportable while still open before the deadline, and is the day after it', () => {
      const open = { fromDate: '2026-01-15', toDate: null };
      expect(isInterruptionReportable(open, '2026-04-14')).toBe(false);
      expect(isInterruptionReportable(open, '2026-04-15')).toBe(false);
      expect(isInterruptionReportable(open, '2026-04-16')).toBe(true);
    });

    it('is not reportable when delivery resumed by the deadline', () => {
      expect(isInterruptionReportable({ fromDate: '2026-01-15', toDate: '2026-04-14' }, '2026-11-23')).toBe(false);
      expect(isInterruptionReportable({ fromDate: '2026-01-15', toDate: '2026-01-20' }, '2026-11-23')).toBe(false);
    });

    it('is reportable when delivery resumed after the deadline', () => {
      expect(isInterruptionReportable({ fromDate: '2026-01-15', toDate: '2026-04-15' }, '2026-11-23')).toBe(true);
      expect(isInterruptionReportable({ fromDate: '2026-01-15', toDate: '2026-06-30' }, '2026-11-23')).toBe(true);
    });

    it('waits for the deadline when the planned resumption is later', () => {
      expect(isInterruptionReportable({ fromDate: '2026-10-01', toDate: '2027-03-01' }, '2026-11-23')).toBe(false);
      expect(isInterruptionReportable({ fromDate: '2026-10-01', toDate: '2027-03-01' }, '2027-01-02')).toBe(true);
    });

    it('handles a leap-day deadline and a month-end start', () => {
      const fromNovember = { fromDate: '2023-11-30', toDate: null };
      expect(isInterruptionReportable(fromNovember, '2024-02-29')).toBe(false);
      expect(isInterruptionReportable(fromNovember, '2024-03-01')).toBe(true);
      expect(isInterruptionReportable({ fromDate: '2023-11-30', toDate: '2024-02-28' }, '2024-06-01')).toBe(false);
      expect(isInterruptionReportable({ fromDate: '2023-11-30', toDate: '2024-02-29' }, '2024-06-01')).toBe(true);
      expect(isInterruptionReportable({ fromDate: '2026-11-30', toDate: null }, '2027-02-28')).toBe(false);
      expect(isInterruptionReportable({ fromDate: '2026-11-30', toDate: null }, '2027-03-01')).toBe(true);
    });

    it('crosses the year end and the clock changes without shifting a day', () => {
      expect(isInterruptionReportable({ fromDate: '2026-12-29', toDate: null }, '2027-03-29')).toBe(false);
      expect(isInterruptionReportable({ fromDate: '2026-12-29', toDate: null }, '2027-03-30')).toBe(true);
      expect(isInterruptionReportable({ fromDate: '2026-07-25', toDate: '2026-10-24' }, '2026-12-01')).toBe(false);
      expect(isInterruptionReportable({ fromDate: '2026-07-25', toDate: '2026-10-25' }, '2026-12-01')).toBe(true);
    });
  });
});
