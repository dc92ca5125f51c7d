import { describe, expect, it } from 'vitest';
import { hasLongOptions } from './Select.tsx';

describe('hasLongOptions', () => {
  it('finds an option text too long for a column of the form grid', () => {
    expect(hasLongOptions([{ value: 'a', label: 'SoL 11 kap. 1 § – Bistånd (SoL 2025:400)' }])).toBe(true);
  });

  it('leaves short options, and counts the placeholder too', () => {
    const short = [
      { value: 'granted', label: 'Bifall' },
      { value: 'refused', label: 'Avslag' },
    ];
    expect(hasLongOptions(short)).toBe(false);
    expect(hasLongOptions(short, 'Välj det lagrum som beslutet grundas på')).toBe(true);
    expect(hasLongOptions([])).toBe(false);
  });
});
