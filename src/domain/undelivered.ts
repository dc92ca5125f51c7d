/**
 * Decisions not delivered (ej verkställda beslut, SoL 16 kap. 6 f §, LSS 28 f §; issue 16): a
 * granted decision whose intervention has no delivery start within three months of the decision
 * date is reported to IVO, and so is a delivery interrupted and not resumed within three months.
 */
import { addMonths, isIsoDate } from './periods.ts';

/**
 * The last day on which delivery is still within three months of the decision (or interruption)
 * date: the same day of the month three months on, or that month's last day when it has none —
 * three months from 30 November end on the last day of February. A decision not delivered by the
 * end of this day is reportable.
 */
export function undeliveredDeadline(decisionDate: string): string {
  if (!isIsoDate(decisionDate)) throw new RangeError(`Not a date: ${decisionDate}`);
  return addMonths(decisionDate, 3);
}

/**
 * The stable pseudonym IVO takes for a person with neither personnummer nor samordningsnummer:
 * `ÅÅÅÅMMDD-T` and three digits, the second-last even for a woman and odd for a man. `serial`
 * (0–99) picks among the pseudonyms of that birth date and sex, so two such persons born the same
 * day are told apart; the same input always gives the same pseudonym, so a person keeps theirs
 * across every quarter when the serial is kept with them.
 */
export function ivoPseudonym(birthDate: string, sex: 'male' | 'female', serial: number): string {
  if (!isIsoDate(birthDate)) throw new RangeError(`Not a date: ${birthDate}`);
  if (!Number.isInteger(serial) || serial < 0 || serial > 99) throw new RangeError('serial must be 0–99');
  const sexDigit = sex === 'female' ? 2 : 1;
  return `${birthDate.replaceAll('-', '')}-T${Math.floor(serial / 10)}${sexDigit}${serial % 10}`;
}
