import { describe, expect, it } from 'vitest';
import { type InterventionRow, interventionTypeLabel, staleRowErrorKeys } from './InterventionRows.tsx';

const row = (patch: Partial<InterventionRow> = {}): InterventionRow => ({
  key: 1,
  interventionTypeId: '',
  amount: '',
  note: '',
  ...patch,
});

describe('staleRowErrorKeys', () => {
  it('clears the chosen intervention’s error, and the amount it governs, once a type is chosen', () => {
    expect(staleRowErrorKeys([row()], [row({ interventionTypeId: 't1' })])).toEqual([
      'interventions',
      'interventions.0.interventionTypeId',
      'interventions.0.grantedAmount',
    ]);
  });

  it('clears only the field that changed, in the row that changed', () => {
    const before = [row(), row({ key: 2 })];
    expect(staleRowErrorKeys(before, [before[0] as InterventionRow, row({ key: 2, note: 'x' })])).toEqual([
      'interventions',
      'interventions.1.note',
    ]);
    expect(staleRowErrorKeys(before, [row({ amount: '3' }), before[1] as InterventionRow])).toEqual([
      'interventions',
      'interventions.0.grantedAmount',
    ]);
  });

  it('clears every row’s errors when a row is added or removed, since the indexes move', () => {
    const keys = staleRowErrorKeys([row(), row({ key: 2 })], [row({ key: 2 })]);
    expect(keys).toContain('interventions.1.interventionTypeId');
    expect(keys).toContain('interventions.0.note');
  });
});

describe('interventionTypeLabel', () => {
  it('adds the key code once', () => {
    expect(interventionTypeLabel({ name: 'Trygghetslarm', keyCode: 'TRL' })).toBe('Trygghetslarm (TRL)');
    expect(interventionTypeLabel({ name: 'Hemsjukvård (HSL)', keyCode: 'HSL' })).toBe('Hemsjukvård (HSL)');
    expect(interventionTypeLabel({ name: 'Matdistribution', keyCode: null })).toBe('Matdistribution');
  });
});
