/**
 * What a search box text means: a whole identity number, the start of one (a birth date), or
 * names. Staff type all of these into the same box.
 */
import { parseIdentityNumber } from './identity-number.ts';

export type PersonSearch =
  | { kind: 'identityNumber'; normalized: string }
  | { kind: 'identityPrefix'; prefixes: string[] }
  | { kind: 'name'; tokens: string[] }
  | { kind: 'invalid'; error: string };

const MIN_NAME_CHARACTERS = 2;
const MAX_NAME_TOKENS = 4;

export function parsePersonSearch(text: string, today: Date = new Date()): PersonSearch {
  const trimmed = text.trim();
  const compact = trimmed.replace(/[\s\-+]/g, '');
  if (/^\d/.test(compact) && /^[0-9A-Za-z]+$/.test(compact)) return parseNumberSearch(trimmed, compact, today);
  const tokens = trimmed
    .toLowerCase()
    .split(/[\s,]+/)
    .filter(Boolean)
    .slice(0, MAX_NAME_TOKENS);
  if (tokens.join('').length < MIN_NAME_CHARACTERS) {
    return { kind: 'invalid', error: 'Skriv minst två bokstäver av namnet, eller ett personnummer.' };
  }
  if (tokens.some((token) => /[%_\\]/.test(token))) {
    return { kind: 'invalid', error: 'Sök med bokstäver, siffror och bindestreck.' };
  }
  return { kind: 'name', tokens };
}

function parseNumberSearch(trimmed: string, compact: string, today: Date): PersonSearch {
  if (compact.length === 10 || compact.length === 12) {
    const parsed = parseIdentityNumber(trimmed, today);
    return parsed.ok
      ? { kind: 'identityNumber', normalized: parsed.value.normalized }
      : { kind: 'invalid', error: parsed.error };
  }
  if (/^\d{8}$/.test(compact)) return { kind: 'identityPrefix', prefixes: [compact] };
  if (/^\d{6}$/.test(compact)) {
    // A six-digit birth date does not say the century: look in both.
    return { kind: 'identityPrefix', prefixes: [`19${compact}`, `20${compact}`] };
  }
  return {
    kind: 'invalid',
    error: 'Ange födelsedatum (6 eller 8 siffror) eller hela personnumret (10 eller 12 siffror).',
  };
}
