/**
 * Skatteverket's official test personnummer (seeds/data), the only identity numbers demo and
 * test data may use: they can never belong to a real person.
 */
import { readFileSync } from 'node:fs';

let cache: string[] | undefined;

/** All test numbers as 12 digits, in file order. */
export function testPersonnummer(): readonly string[] {
  cache ??= readFileSync(new URL('../data/skatteverket-testpersonnummer.txt', import.meta.url), 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => /^\d{12}$/.test(line));
  return cache;
}

/** YYYYMMDDNNNN -> YYYYMMDD-NNNN. */
export function normalizeTestNumber(digits: string): string {
  return `${digits.slice(0, 8)}-${digits.slice(8)}`;
}

/** Test numbers whose birth year lies in [from, to]. */
export function testNumbersBornBetween(from: number, to: number): string[] {
  return testPersonnummer().filter((digits) => {
    const year = Number(digits.slice(0, 4));
    return year >= from && year <= to;
  });
}
