/**
 * The IVO quarter report of decisions not delivered (issue 16; DOMAIN.md §4 and §12; SoL 2025:400
 * 34 kap. 1–2 §§, LSS 28 f–h §§). Pure: quarters and their reporting windows, and which items a
 * quarter reports as of its reference date (the quarter's last day), and as what.
 *
 * An item is a granted intervention (a partly delivered decision reports only the part not
 * delivered: each granted intervention is its own item) or an interruption of a delivery row.
 * It is reportable when it was not delivered (resumed) within three months of the decision
 * (interruption) date and still is not by the reference date; then it is `new` the first time a
 * quarter is marked reported with it and `re_report` every quarter after, until it is delivered or
 * ends — which the next quarter reports once (`delivered` with the date, or `ended`). A declined
 * offer changes nothing here: only a delivery start (a resumption) or an ending does.
 */
import { addDays, isIsoDate } from './periods.ts';
import { undeliveredDeadline } from './undelivered.ts';

export type QuarterNumber = 1 | 2 | 3 | 4;

export interface Quarter {
  year: number;
  quarter: QuarterNumber;
}

const QUARTER_PATTERN = /^(\d{4})-Q([1-4])$/;

/** '2026-Q2' → { year: 2026, quarter: 2 }; undefined for anything else. */
export function parseQuarter(value: string): Quarter | undefined {
  const match = QUARTER_PATTERN.exec(value);
  if (!match) return undefined;
  const year = Number(match[1]);
  if (year < 1900) return undefined;
  return { year, quarter: Number(match[2]) as QuarterNumber };
}

export function formatQuarter({ year, quarter }: Quarter): string {
  return `${year}-Q${quarter}`;
}

/** As people say it: "Kvartal 2 2026". */
export function quarterLabel({ year, quarter }: Quarter): string {
  return `Kvartal ${quarter} ${year}`;
}

const pad = (value: number) => String(value).padStart(2, '0');

export function quarterFirstDay({ year, quarter }: Quarter): string {
  return `${year}-${pad(quarter * 3 - 2)}-01`;
}

/** The reference date: the quarter's last day (31 March, 30 June, 30 September, 31 December). */
export function quarterReferenceDate({ year, quarter }: Quarter): string {
  return `${year}-${pad(quarter * 3)}-${quarter === 1 || quarter === 4 ? '31' : '30'}`;
}

/** The quarter a day falls in. */
export function quarterOf(date: string): Quarter {
  if (!isIsoDate(date)) throw new RangeError(`Not a date: ${date}`);
  const month = Number(date.slice(5, 7));
  return { year: Number(date.slice(0, 4)), quarter: Math.ceil(month / 3) as QuarterNumber };
}

export function previousQuarter({ year, quarter }: Quarter): Quarter {
  return quarter === 1 ? { year: year - 1, quarter: 4 } : { year, quarter: (quarter - 1) as QuarterNumber };
}

export function nextQuarter({ year, quarter }: Quarter): Quarter {
  return quarter === 4 ? { year: year + 1, quarter: 1 } : { year, quarter: (quarter + 1) as QuarterNumber };
}

/**
 * IVO's reporting windows: each opens the day after the reference date and closes at the end of
 * the month after it — for the second quarter at the end of August, for the summer. IVO sets them
 * for every municipality alike, so they are one constant here (months after the reference date's
 * month in which the window closes, per quarter), not a setting a municipality could get wrong.
 */
export const IVO_REPORTING_WINDOW_MONTHS: Readonly<Record<QuarterNumber, number>> = { 1: 1, 2: 2, 3: 1, 4: 1 };

export interface ReportingWindow {
  opensOn: string;
  closesOn: string;
}

export function reportingWindow(
  quarter: Quarter,
  windowMonths: Readonly<Record<QuarterNumber, number>> = IVO_REPORTING_WINDOW_MONTHS,
): ReportingWindow {
  const reference = quarterReferenceDate(quarter);
  const months = windowMonths[quarter.quarter];
  const closingMonth = quarter.year * 12 + quarter.quarter * 3 - 1 + months;
  const year = Math.floor(closingMonth / 12);
  const month = (closingMonth % 12) + 1;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return { opensOn: addDays(reference, 1), closesOn: `${year}-${pad(month)}-${pad(lastDay)}` };
}

/**
 * The quarter one reports now: the latest whose reference date has passed — in April, the first
 * quarter. Its window may already be closed; the report is still what that quarter was.
 */
export function currentReportingQuarter(today: string): Quarter {
  return previousQuarter(quarterOf(today));
}

/** Ny, Återrapport, Verkställt, Avslutat. */
export const IVO_ROW_KINDS = ['new', 're_report', 'delivered', 'ended'] as const;
export type IvoRowKind = (typeof IVO_ROW_KINDS)[number];

/** A granted intervention not delivered (decision_interventions.id) or an interruption not resumed (interruptions.id). */
export const IVO_SUBJECT_KINDS = ['decision', 'interruption'] as const;
export type IvoSubjectKind = (typeof IVO_SUBJECT_KINDS)[number];

/** The free texts a report row needs, flagged in the preview when missing. */
export const IVO_REQUIRED_TEXTS = ['delayReason', 'consequences'] as const;

/** How an item was reported before, in a quarter marked reported before this one. */
export interface EarlierReport {
  referenceDate: string;
  kind: IvoRowKind;
}

export interface IvoItemFacts {
  /**
   * The day the three months run from: the decision date for a granted intervention, the first
   * day without delivery for an interruption.
   */
  startDate: string;
  /**
   * The day delivery began (the first delivery start) or resumed (the day after the
   * interruption's last day); null while it has not.
   */
  deliveredOn: string | null;
  /** The last day the decision (or the interrupted row) applied, when it ended; null otherwise. */
  endedOn: string | null;
  /** This item's rows in earlier quarters' reports (reference dates before this one's), any order. */
  earlier: readonly EarlierReport[];
}

export interface IvoRowJudgement {
  kind: IvoRowKind;
  /** The last day delivery was within three months (undeliveredDeadline). */
  deadline: string;
  /** Set for `delivered`: the date to report. */
  deliveredOn: string | null;
  /** Set for `ended`: the last day the decision applied. */
  endedOn: string | null;
}

/**
 * Whether a quarter (by its reference date) reports the item, and as what; null when it does not:
 *
 * - not yet three months old, or delivered within them: never reportable;
 * - not delivered by the reference date and not ended before it: `new` unless an earlier quarter
 *   reported it, then `re_report`;
 * - reported earlier (and not closed yet), and delivered by the reference date: `delivered`;
 *   ended before it: `ended`. Reported closed once, never again;
 * - delivered or ended after its three months, never reported, and that within this quarter:
 *   `new`, with the delivery date or the end — it was not delivered within three months, which is
 *   what IVO asks a report for ("en individrapport för varje gynnande beslut som inte verkställts
 *   inom tre månader"); one delivered or ended in an earlier quarter is left to that quarter.
 */
export function judgeIvoItem(facts: IvoItemFacts, referenceDate: string): IvoRowJudgement | null {
  if (!isIsoDate(referenceDate)) throw new RangeError(`Not a date: ${referenceDate}`);
  const deadline = undeliveredDeadline(facts.startDate);
  const earlier = facts.earlier.filter((report) => report.referenceDate < referenceDate);
  if (earlier.some((report) => report.kind === 'delivered' || report.kind === 'ended')) return null;
  const isDelivered = facts.deliveredOn !== null && facts.deliveredOn <= referenceDate;
  const isEnded = facts.endedOn !== null && facts.endedOn < referenceDate;
  if (!isDelivered && !isEnded) {
    // Not delivered by the reference date, so not within the three months either once they ran out.
    if (deadline >= referenceDate) return null;
    return { kind: earlier.length > 0 ? 're_report' : 'new', deadline, deliveredOn: null, endedOn: null };
  }
  if (earlier.length === 0) {
    // Never reported: only an item that was late, and closed within this quarter, is reported now.
    const closedOn = isDelivered ? facts.deliveredOn! : facts.endedOn!;
    const quarterStart = quarterFirstDay(quarterOf(referenceDate));
    if (closedOn <= deadline || closedOn < quarterStart) return null;
    return isDelivered && (facts.endedOn === null || facts.deliveredOn! <= facts.endedOn)
      ? { kind: 'new', deadline, deliveredOn: facts.deliveredOn, endedOn: null }
      : { kind: 'new', deadline, deliveredOn: null, endedOn: facts.endedOn };
  }
  // Delivered before (or on) the day it ended reports the delivery; ended first reports the end.
  if (isDelivered && (facts.endedOn === null || facts.deliveredOn! <= facts.endedOn)) {
    return { kind: 'delivered', deadline, deliveredOn: facts.deliveredOn, endedOn: null };
  }
  return { kind: 'ended', deadline, deliveredOn: null, endedOn: facts.endedOn };
}

/** The day delivery resumes after an interruption whose last day without delivery is `toDate`. */
export function resumedOn(toDate: string | null): string | null {
  return toDate === null ? null : addDays(toDate, 1);
}

/**
 * The earliest of the days an item stopped applying: the decision ended early, its period ran
 * out, the interrupted row ended. Null when none has.
 */
export function earliestEnd(...days: readonly (string | null)[]): string | null {
  const known = days.filter((day): day is string => day !== null).sort();
  return known[0] ?? null;
}

export interface IvoOffer {
  offeredOn: string;
  isDeclined: boolean;
  note: string | null;
}

export interface IvoFreeTexts {
  delayReason: string | null;
  consequences: string | null;
  interimSupport: string | null;
}

/**
 * The free texts a row still lacks, to flag in the preview: a report needs the reason for the
 * delay and the consequences for the person; interim support and offers may truly be none.
 * A row that only reports the delivery date or the end needs nothing more.
 */
export function missingFreeTexts(kind: IvoRowKind, texts: IvoFreeTexts): ('delayReason' | 'consequences')[] {
  if (kind === 'delivered' || kind === 'ended') return [];
  const missing: ('delayReason' | 'consequences')[] = [];
  if (!texts.delayReason?.trim()) missing.push('delayReason');
  if (!texts.consequences?.trim()) missing.push('consequences');
  return missing;
}
