import { describe, expect, it } from 'vitest';
import {
  EMPTY_LEGAL_BASIS,
  checkValidity,
  serviceAreasText,
  toRequest,
  type LegalBasisValues,
} from './legalBasisFields.ts';

const values = (changes: Partial<LegalBasisValues> = {}): LegalBasisValues => ({
  ...EMPTY_LEGAL_BASIS,
  code: ' SoL 4 kap. 1 § ',
  validFrom: '2026-01-01',
  serviceAreas: 'AO,FH',
  ...changes,
});

describe('toRequest', () => {
  it('trims the code and dates, sends empty optional text as null and the areas as a list', () => {
    expect(toRequest(values({ description: '  ', validTo: '' }))).toEqual({
      code: 'SoL 4 kap. 1 §',
      description: null,
      validFrom: '2026-01-01',
      validTo: null,
      serviceAreas: ['AO', 'FH'],
    });
  });

  it('keeps a description and a last day', () => {
    expect(toRequest(values({ description: ' Bistånd ', validTo: ' 2026-12-31 ' }))).toMatchObject({
      description: 'Bistånd',
      validTo: '2026-12-31',
    });
  });
});

describe('checkValidity', () => {
  it('accepts a last day on or after the first, or none', () => {
    expect(checkValidity(values({ validTo: '2026-01-01' }))).toEqual({});
    expect(checkValidity(values({ validTo: '' }))).toEqual({});
  });

  it('refuses a last day before the first', () => {
    expect(checkValidity(values({ validTo: '2025-12-31' }))).toEqual({
      validTo: 'Sista giltighetsdag kan inte vara före första.',
    });
  });

  it('asks for at least one service area', () => {
    expect(checkValidity(values({ serviceAreas: '' }))).toEqual({ serviceAreas: 'Välj minst ett verksamhetsområde.' });
    expect(checkValidity(values({ serviceAreas: ' , ' }))).toHaveProperty('serviceAreas');
  });

  it('leaves the order of dates alone when the first day is missing (the required check says so)', () => {
    expect(checkValidity(values({ validFrom: '', validTo: '2020-01-01' }))).toEqual({});
  });
});

describe('serviceAreasText', () => {
  it('writes the short names in the order given', () => {
    expect(serviceAreasText(['AO', 'LSS', 'IFO'])).toBe('ÄO, LSS, IFO');
    expect(serviceAreasText([])).toBe('');
  });
});
