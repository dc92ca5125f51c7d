import { describe, expect, it } from 'vitest';
import {
  currentReportingQuarter,
  earliestEnd,
  formatQuarter,
  judgeIvoItem,
  missingFreeTexts,
  nextQuarter,
  parseQuarter,
  previousQuarter,
  quarterFirstDay,
  quarterLabel,
  quarterOf,
  quarterReferenceDate,
  reportingWindow,
  resumedOn,
  type EarlierReport,
  type IvoItemFacts,
} from './ivo-report.ts';

const item = (facts: Partial<IvoItemFacts> = {}): IvoItemFacts => ({
  startDate: '2026-01-15',
  deliveredOn: null,
  endedOn: null,
  earlier: [],
  ...facts,
});
const reported = (referenceDate: string, kind: EarlierReport['kind'] = 'new'): EarlierReport => ({
  referenceDate,
  kind,
});

describe('quarters', () => {
  it('parse and format as YYYY-Qn, refusing anything else', () => {
    expect(parseQuarter('2026-Q2')).toEqual({ year: 2026, quarter: 2 });
    expect(formatQuarter({ year: 2026, quarter: 4 })).toBe('2026-Q4');
    for (const bad of ['2026-Q0', '2026-Q5', '2026Q1', '26-Q1', '2026-q1', '', '2026-Q1 ', '0999-Q1']) {
      expect(parseQuarter(bad), bad).toBeUndefined();
    }
    expect(quarterLabel({ year: 2026, quarter: 3 })).toBe('Kvartal 3 2026');
  });

  it('have their reference date on the last day of March, June, September and December', () => {
    expect([1, 2, 3, 4].map((q) => quarterReferenceDate({ year: 2026, quarter: q as 1 }))).toEqual([
      '2026-03-31',
      '2026-06-30',
      '2026-09-30',
      '2026-12-31',
    ]);
    expect(quarterFirstDay({ year: 2024, quarter: 1 })).toBe('2024-01-01');
    expect(quarterFirstDay({ year: 2024, quarter: 4 })).toBe('2024-10-01');
  });

  it('know which quarter a day falls in, on both sides of every boundary', () => {
    expect(quarterOf('2026-03-31')).toEqual({ year: 2026, quarter: 1 });
    expect(quarterOf('2026-04-01')).toEqual({ year: 2026, quarter: 2 });
    expect(quarterOf('2026-06-30')).toEqual({ year: 2026, quarter: 2 });
    expect(quarterOf('2026-07-01')).toEqual({ year: 2026, quarter: 3 });
    expect(quarterOf('2026-12-31')).toEqual({ year: 2026, quarter: 4 });
    expect(quarterOf('2027-01-01')).toEqual({ year: 2027, quarter: 1 });
    expect(quarterOf('2024-02-29')).toEqual({ year: 2024, quarter: 1 });
    expect(() => quarterOf('2026-02-29')).toThrow(RangeError);
  });

  it('step back and forth over the turn of the year', () => {
    expect(previousQuarter({ year: 2026, quarter: 1 })).toEqual({ year: 2025, quarter: 4 });
    expect(previousQuarter({ year: 2026, quarter: 3 })).toEqual({ year: 2026, quarter: 2 });
    expect(nextQuarter({ year: 2025, quarter: 4 })).toEqual({ year: 2026, quarter: 1 });
    expect(nextQuarter({ year: 2026, quarter: 2 })).toEqual({ year: 2026, quarter: 3 });
  });

  it('open their reporting window the day after and close it at the end of the month after; the second quarter in August', () => {
    expect(reportingWindow({ year: 2026, quarter: 1 })).toEqual({ opensOn: '2026-04-01', closesOn: '2026-04-30' });
    expect(reportingWindow({ year: 2026, quarter: 2 })).toEqual({ opensOn: '2026-07-01', closesOn: '2026-08-31' });
    expect(reportingWindow({ year: 2026, quarter: 3 })).toEqual({ opensOn: '2026-10-01', closesOn: '2026-10-31' });
    expect(reportingWindow({ year: 2026, quarter: 4 })).toEqual({ opensOn: '2027-01-01', closesOn: '2027-01-31' });
    expect(reportingWindow({ year: 2026, quarter: 4 }, { 1: 1, 2: 2, 3: 1, 4: 2 })).toEqual({
      opensOn: '2027-01-01',
      closesOn: '2027-02-28',
    });
    expect(reportingWindow({ year: 2027, quarter: 4 }, { 1: 1, 2: 2, 3: 1, 4: 2 }).closesOn).toBe('2028-02-29');
  });

  it('to report now is the latest whose reference date has passed', () => {
    expect(currentReportingQuarter('2026-04-01')).toEqual({ year: 2026, quarter: 1 });
    expect(currentReportingQuarter('2026-03-31')).toEqual({ year: 2025, quarter: 4 });
    expect(currentReportingQuarter('2026-08-15')).toEqual({ year: 2026, quarter: 2 });
    expect(currentReportingQuarter('2027-01-01')).toEqual({ year: 2026, quarter: 4 });
  });
});

describe('which items a quarter reports (decision 2026-01-15: three months end 2026-04-15)', () => {
  it('reports nothing while the three months run, even at a reference date after the decision', () => {
    expect(judgeIvoItem(item(), '2026-03-31')).toBeNull();
  });

  it('reports an undelivered item as new the first quarter after the three months', () => {
    expect(judgeIvoItem(item(), '2026-06-30')).toEqual({
      kind: 'new',
      deadline: '2026-04-15',
      deliveredOn: null,
      endedOn: null,
    });
  });

  it('counts the reference date itself as within the three months when they end on it', () => {
    // 2025-12-31 + 3 months = 2026-03-31: not yet late on the Q1 reference date.
    expect(judgeIvoItem(item({ startDate: '2025-12-31' }), '2026-03-31')).toBeNull();
    expect(judgeIvoItem(item({ startDate: '2025-12-30' }), '2026-03-31')).toMatchObject({
      kind: 'new',
      deadline: '2026-03-30',
    });
  });

  it('clamps month ends: from 30 November the three months end on the last day of February, in a leap year the 29th', () => {
    expect(judgeIvoItem(item({ startDate: '2025-11-30' }), '2026-03-31')).toMatchObject({ deadline: '2026-02-28' });
    expect(judgeIvoItem(item({ startDate: '2023-11-30' }), '2024-03-31')).toMatchObject({ deadline: '2024-02-29' });
    expect(judgeIvoItem(item({ startDate: '2023-11-29' }), '2024-03-31')).toMatchObject({ deadline: '2024-02-29' });
    expect(judgeIvoItem(item({ startDate: '2024-02-29' }), '2024-06-30')).toMatchObject({ deadline: '2024-05-29' });
    // From 31 March the three months end on 30 June: the Q2 reference date, so not yet.
    expect(judgeIvoItem(item({ startDate: '2026-03-31' }), '2026-06-30')).toBeNull();
    expect(judgeIvoItem(item({ startDate: '2026-03-31' }), '2026-09-30')).toMatchObject({ kind: 'new' });
  });

  it('never reports an item delivered within the three months, on the last day included', () => {
    expect(judgeIvoItem(item({ deliveredOn: '2026-04-15' }), '2026-06-30')).toBeNull();
    expect(judgeIvoItem(item({ deliveredOn: '2026-02-01' }), '2026-09-30')).toBeNull();
  });

  it('reports an item delivered late: undelivered on the reference date, or with its delivery date', () => {
    expect(judgeIvoItem(item({ deliveredOn: '2026-07-01' }), '2026-06-30')).toMatchObject({
      kind: 'new',
      deliveredOn: null,
    });
    expect(judgeIvoItem(item({ deliveredOn: '2026-06-30' }), '2026-06-30')).toMatchObject({
      kind: 'new',
      deliveredOn: '2026-06-30',
    });
    expect(judgeIvoItem(item({ deliveredOn: '2026-04-16' }), '2026-06-30')).toMatchObject({
      kind: 'new',
      deliveredOn: '2026-04-16',
    });
  });

  it('re-reports every quarter after one marked reported, until delivered or ended', () => {
    const earlier = [reported('2026-06-30')];
    expect(judgeIvoItem(item({ earlier }), '2026-09-30')).toMatchObject({ kind: 're_report' });
    const twice = [reported('2026-06-30'), reported('2026-09-30', 're_report')];
    expect(judgeIvoItem(item({ earlier: twice }), '2026-12-31')).toMatchObject({ kind: 're_report' });
    expect(judgeIvoItem(item({ earlier: twice }), '2027-03-31')).toMatchObject({ kind: 're_report' });
  });

  it('is new again in a quarter nobody marked: only a marked quarter makes the next a re-report', () => {
    expect(judgeIvoItem(item(), '2026-09-30')).toMatchObject({ kind: 'new' });
  });

  it('reads only earlier quarters: marking the same quarter twice keeps its rows new', () => {
    expect(judgeIvoItem(item({ earlier: [reported('2026-06-30')] }), '2026-06-30')).toMatchObject({ kind: 'new' });
    expect(judgeIvoItem(item({ earlier: [reported('2026-09-30')] }), '2026-06-30')).toMatchObject({ kind: 'new' });
  });

  it('reports the delivery date once, the quarter after it came, when an earlier quarter reported the item', () => {
    const earlier = [reported('2026-06-30')];
    expect(judgeIvoItem(item({ earlier, deliveredOn: '2026-08-03' }), '2026-09-30')).toEqual({
      kind: 'delivered',
      deadline: '2026-04-15',
      deliveredOn: '2026-08-03',
      endedOn: null,
    });
    // Delivered on the reference date itself: delivered by it.
    expect(judgeIvoItem(item({ earlier, deliveredOn: '2026-09-30' }), '2026-09-30')).toMatchObject({
      kind: 'delivered',
    });
    // Delivered the day after: still a re-report this quarter.
    expect(judgeIvoItem(item({ earlier, deliveredOn: '2026-10-01' }), '2026-09-30')).toMatchObject({
      kind: 're_report',
    });
    const closed = [...earlier, reported('2026-09-30', 'delivered')];
    expect(judgeIvoItem(item({ earlier: closed, deliveredOn: '2026-08-03' }), '2026-12-31')).toBeNull();
  });

  it('reports the end once when the decision ended after a report without a delivery', () => {
    const earlier = [reported('2026-06-30')];
    expect(judgeIvoItem(item({ earlier, endedOn: '2026-07-31' }), '2026-09-30')).toEqual({
      kind: 'ended',
      deadline: '2026-04-15',
      deliveredOn: null,
      endedOn: '2026-07-31',
    });
    // Its last day is the reference date: it still applied then, so it is reported once more.
    expect(judgeIvoItem(item({ earlier, endedOn: '2026-09-30' }), '2026-09-30')).toMatchObject({
      kind: 're_report',
    });
    const closed = [...earlier, reported('2026-09-30', 'ended')];
    expect(judgeIvoItem(item({ earlier: closed, endedOn: '2026-07-31' }), '2026-12-31')).toBeNull();
  });

  it('reports the delivery rather than the end when delivery began before the decision ended', () => {
    const earlier = [reported('2026-06-30')];
    expect(
      judgeIvoItem(item({ earlier, deliveredOn: '2026-07-10', endedOn: '2026-08-31' }), '2026-09-30'),
    ).toMatchObject({ kind: 'delivered', deliveredOn: '2026-07-10' });
    expect(
      judgeIvoItem(item({ earlier, deliveredOn: '2026-09-01', endedOn: '2026-08-31' }), '2026-09-30'),
    ).toMatchObject({ kind: 'ended', endedOn: '2026-08-31' });
  });

  it('reports once, as new with its date, an item closed late within the quarter that no quarter reported', () => {
    // Three months ran out on 2026-04-15: ended or delivered after that, within Q2, is reported in Q2.
    expect(judgeIvoItem(item({ endedOn: '2026-05-31' }), '2026-06-30')).toEqual({
      kind: 'new',
      deadline: '2026-04-15',
      deliveredOn: null,
      endedOn: '2026-05-31',
    });
    expect(judgeIvoItem(item({ deliveredOn: '2026-04-16' }), '2026-06-30')).toEqual({
      kind: 'new',
      deadline: '2026-04-15',
      deliveredOn: '2026-04-16',
      endedOn: null,
    });
    // Within the three months: never reportable.
    expect(judgeIvoItem(item({ deliveredOn: '2026-04-15' }), '2026-06-30')).toBeNull();
    expect(judgeIvoItem(item({ endedOn: '2026-02-28' }), '2026-06-30')).toBeNull();
    // Closed late in an earlier quarter (Q2): that quarter's to report, not Q3's.
    expect(judgeIvoItem(item({ deliveredOn: '2026-06-30' }), '2026-09-30')).toBeNull();
    expect(judgeIvoItem(item({ deliveredOn: '2026-07-01' }), '2026-09-30')).toMatchObject({ kind: 'new' });
  });

  it('keeps reporting however many offers were declined: only a start or an ending closes an item', () => {
    // The facts have no place for offers on purpose; the same item is reported every quarter.
    const earlier = [reported('2026-06-30'), reported('2026-09-30', 're_report')];
    expect(judgeIvoItem(item({ earlier }), '2026-12-31')).toMatchObject({ kind: 're_report' });
  });

  it('judges interruptions by their first day and the day delivery resumes', () => {
    const interruption = item({ startDate: '2026-02-10', deliveredOn: resumedOn('2026-06-30') });
    expect(judgeIvoItem(interruption, '2026-06-30')).toMatchObject({ kind: 'new', deadline: '2026-05-10' });
    expect(resumedOn('2026-06-30')).toBe('2026-07-01');
    expect(resumedOn('2024-02-28')).toBe('2024-02-29');
    expect(resumedOn(null)).toBeNull();
    // Resuming on the deadline's day is within the three months.
    expect(judgeIvoItem(item({ startDate: '2026-02-10', deliveredOn: '2026-05-10' }), '2026-06-30')).toBeNull();
    expect(
      judgeIvoItem(
        item({ startDate: '2026-02-10', deliveredOn: '2026-07-01', earlier: [reported('2026-06-30')] }),
        '2026-09-30',
      ),
    ).toMatchObject({ kind: 'delivered', deliveredOn: '2026-07-01' });
  });

  it('refuses a reference date that is no date', () => {
    expect(() => judgeIvoItem(item(), '2026-06-31')).toThrow(RangeError);
  });
});

describe('the earliest end', () => {
  it('takes the earliest known day, or null', () => {
    expect(earliestEnd(null, null)).toBeNull();
    expect(earliestEnd('2026-05-01', null, '2026-04-30')).toBe('2026-04-30');
  });
});

describe('the free texts a row lacks', () => {
  it('flags a missing reason and consequences on new and re-reported rows, blank counting as missing', () => {
    expect(missingFreeTexts('new', { delayReason: null, consequences: '  ', interimSupport: null })).toEqual([
      'delayReason',
      'consequences',
    ]);
    expect(
      missingFreeTexts('re_report', { delayReason: 'Ingen plats', consequences: null, interimSupport: null }),
    ).toEqual(['consequences']);
    expect(
      missingFreeTexts('new', { delayReason: 'Ingen plats', consequences: 'Anhörig hjälper', interimSupport: null }),
    ).toEqual([]);
  });

  it('asks nothing of a row that reports the delivery date or the end', () => {
    expect(missingFreeTexts('delivered', { delayReason: null, consequences: null, interimSupport: null })).toEqual([]);
    expect(missingFreeTexts('ended', { delayReason: null, consequences: null, interimSupport: null })).toEqual([]);
  });
});
