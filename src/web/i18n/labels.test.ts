import { describe, expect, it } from 'vitest';
import { serviceAreaOptionLabel } from './labels.ts';

describe('serviceAreaOptionLabel', () => {
  it('puts the short code before the name, once', () => {
    expect(serviceAreaOptionLabel('AO')).toBe('ÄO – Äldreomsorg');
    expect(serviceAreaOptionLabel('LSS')).toBe('LSS – stöd och service till vissa funktionshindrade');
  });
});
