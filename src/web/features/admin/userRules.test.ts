import { describe, expect, it } from 'vitest';
import { checkPassword, checkUsername, USERNAME_HINT } from './userRules.ts';

describe('checkUsername', () => {
  it('accepts 2–60 of a–z, digits, dot, hyphen and underscore, ignoring case and surrounding space', () => {
    for (const name of ['ab', 'anna.svensson', 'a_b-c.9', ' Anna.Svensson ', 'x'.repeat(60)]) {
      expect(checkUsername(name), name).toEqual({});
    }
  });

  it('refuses one character, 61 characters, spaces inside and letters outside a–z', () => {
    for (const name of ['a', 'x'.repeat(61), 'anna svensson', 'åsa', 'anna@kommun']) {
      expect(checkUsername(name), name).toEqual({ username: USERNAME_HINT });
    }
  });

  it('leaves an empty field to the required-field check', () => {
    expect(checkUsername('')).toEqual({});
    expect(checkUsername('   ')).toEqual({});
  });
});

describe('checkPassword', () => {
  it('wants at least 10 characters, on the field it is given', () => {
    expect(checkPassword('123456789')).toEqual({ password: 'Lösenordet måste ha minst 10 tecken.' });
    expect(checkPassword('123456789', 'newPassword')).toEqual({ newPassword: 'Lösenordet måste ha minst 10 tecken.' });
    expect(checkPassword('1234567890')).toEqual({});
  });

  it('leaves an empty field to the required-field check', () => {
    expect(checkPassword('')).toEqual({});
  });
});
