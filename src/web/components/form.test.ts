import { describe, expect, it } from 'vitest';
import { withoutKeys } from './form.ts';

describe('withoutKeys', () => {
  it('drops the named errors and keeps the rest', () => {
    expect(withoutKeys({ a: 'x', b: 'y' }, ['a'])).toEqual({ b: 'y' });
  });

  it('returns the same object when nothing is dropped, so React skips the render', () => {
    const errors = { a: 'x' };
    expect(withoutKeys(errors, ['b'])).toBe(errors);
  });
});
