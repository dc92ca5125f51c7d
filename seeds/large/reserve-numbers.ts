/**
 * The municipality's own reserve numbers (reservnummer), YYYYMMDD-Rnnn, for the persons the test
 * personnummer do not cover. The check digit is chosen so the Luhn check (letter counted as 1)
 * FAILS: the number then parses as kind 'reserve', and can never be a real person's personnummer
 * or a health-care interim number.
 */
import { luhnCheckDigit, parseIdentityNumber, type Sex } from '../../src/domain/identity-number.ts';

const LETTER = 'R';

/** Issues unique reserve numbers; each is parsed back to prove it is a 'reserve' of the given date and sex. */
export function createReserveNumberIssuer(random: () => number, today: Date) {
  const issued = new Set<string>();
  return function issueReserveNumber(birthDate: string, sex: Sex): string {
    const datePart = birthDate.replaceAll('-', '');
    for (let attempt = 0; attempt < 100; attempt++) {
      const first = Math.floor(random() * 10);
      // The second-last character gives the sex: odd for men, even for women.
      const sexDigit = 2 * Math.floor(random() * 5) + (sex === 'male' ? 1 : 0);
      const luhn = luhnCheckDigit(`${datePart.slice(2)}1${first}${sexDigit}`);
      const drawn = Math.floor(random() * 10);
      const last = drawn === luhn ? (drawn + 1) % 10 : drawn;
      const number = `${datePart}-${LETTER}${first}${sexDigit}${last}`;
      if (issued.has(number)) continue;
      const parsed = parseIdentityNumber(number, today);
      if (
        !parsed.ok ||
        parsed.value.kind !== 'reserve' ||
        parsed.value.birthDate !== birthDate ||
        parsed.value.sex !== sex
      ) {
        throw new Error(`Reserve number ${number} does not parse as a reserve number for ${birthDate} (${sex})`);
      }
      issued.add(number);
      return number;
    }
    throw new Error(`No free reserve number left for ${birthDate}`);
  };
}
