import { describe, expect, it } from 'vitest';
import { parsePersonSearch } from './person-search.ts';

const today = new Date('2026-11-23T12:00:00Z');

describe('parsePersonSearch', () => {
  it('reads a whole personnummer in any accepted form', () => {
    for (const text of ['19121212-1212', '191212121212', '121212+1212', ' 19121212 1212 ']) {
      expect(parsePersonSearch(text, today)).toEqual({ kind: 'identityNumber', normalized: '19121212-1212' });
    }
  });

  it('reads a reserve number with its letter', () => {
    expect(parsePersonSearch('050505-T000', today)).toEqual({ kind: 'identityNumber', normalized: '20050505-T000' });
  });

  it('takes a ten-digit number without + as the latest century not in the future', () => {
    expect(parsePersonSearch('1212121212', today)).toEqual({ kind: 'identityNumber', normalized: '20121212-1212' });
  });

  it('says why a whole number is wrong', () => {
    const result = parsePersonSearch('19121212-1213', today);
    expect(result).toEqual({ kind: 'invalid', error: 'Kontrollsiffran stämmer inte.' });
  });

  it('reads eight digits as a birth date', () => {
    expect(parsePersonSearch('19380303', today)).toEqual({ kind: 'identityPrefix', prefixes: ['19380303'] });
  });

  it('reads six digits as a birth date in either century', () => {
    expect(parsePersonSearch('380303', today)).toEqual({ kind: 'identityPrefix', prefixes: ['19380303', '20380303'] });
  });

  it('refuses digit counts that are neither a date nor a number', () => {
    expect(parsePersonSearch('1938', today).kind).toBe('invalid');
    expect(parsePersonSearch('193803031', today).kind).toBe('invalid');
  });

  it('splits names into lower-case tokens on spaces and commas', () => {
    expect(parsePersonSearch('Mustafsson, Moira', today)).toEqual({ kind: 'name', tokens: ['mustafsson', 'moira'] });
    expect(parsePersonSearch('  ÅSA  Öberg ', today)).toEqual({ kind: 'name', tokens: ['åsa', 'öberg'] });
  });

  it('keeps at most four name tokens', () => {
    expect(parsePersonSearch('a b c d e f', today)).toEqual({ kind: 'name', tokens: ['a', 'b', 'c', 'd'] });
  });

  it('needs at least two letters of a name', () => {
    expect(parsePersonSearch('a', today).kind).toBe('invalid');
    expect(parsePersonSearch('   ', today).kind).toBe('invalid');
    expect(parsePersonSearch('ab', today)).toEqual({ kind: 'name', tokens: ['ab'] });
  });

  it('refuses LIKE wildcards so a search cannot match everyone', () => {
    expect(parsePersonSearch('%%', today).kind).toBe('invalid');
    expect(parsePersonSearch('a_b', today).kind).toBe('invalid');
  });
});
