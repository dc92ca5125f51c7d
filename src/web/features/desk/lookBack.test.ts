import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseLookBackDays, rememberLookBackDays, rememberedLookBackDays } from './lookBack.ts';

/** A stand-in for the browser's localStorage (the tests run in Node). */
function fakeStorage(isRefusing = false) {
  const items = new Map<string, string>();
  const refuse = () => {
    if (isRefusing) throw new Error('SecurityError');
  };
  return {
    items,
    getItem: (key: string) => {
      refuse();
      return items.get(key) ?? null;
    },
    setItem: (key: string, value: string) => {
      refuse();
      items.set(key, value);
    },
    removeItem: (key: string) => {
      refuse();
      items.delete(key);
    },
  };
}

afterEach(() => vi.unstubAllGlobals());

describe('parseLookBackDays', () => {
  it('accepts whole days from 1 to 3650, with spaces around', () => {
    expect(parseLookBackDays('1')).toBe(1);
    expect(parseLookBackDays(' 90 ')).toBe(90);
    expect(parseLookBackDays('3650')).toBe(3650);
  });

  it('refuses 0, more than 3650, fractions, signs, words and nothing', () => {
    for (const value of ['0', '3651', '9999', '12345', '1.5', '-5', '+5', 'trettio', '', '  ', null, undefined]) {
      expect(parseLookBackDays(value), String(value)).toBeNull();
    }
  });
});

describe('rememberedLookBackDays and rememberLookBackDays', () => {
  it('answers 30 days when nothing is kept, or no user is signed in', () => {
    vi.stubGlobal('window', { localStorage: fakeStorage() });
    expect(rememberedLookBackDays('u1')).toBe(30);
    expect(rememberedLookBackDays(undefined)).toBe(30);
  });

  it('keeps a choice per user and says it changed only when it did', () => {
    const storage = fakeStorage();
    vi.stubGlobal('window', { localStorage: storage });
    expect(rememberLookBackDays('u1', 60)).toBe(true);
    expect(rememberLookBackDays('u1', 60)).toBe(false);
    expect(rememberedLookBackDays('u1')).toBe(60);
    expect(rememberedLookBackDays('u2')).toBe(30);
  });

  it('keeps the default as no entry at all', () => {
    const storage = fakeStorage();
    vi.stubGlobal('window', { localStorage: storage });
    rememberLookBackDays('u1', 60);
    expect(rememberLookBackDays('u1', 30)).toBe(true);
    expect(storage.items.size).toBe(0);
  });

  it('falls back to the default on a kept value the server would refuse', () => {
    const storage = fakeStorage();
    storage.items.set('vardag.ej-aktuella.dagar.u1', '0');
    vi.stubGlobal('window', { localStorage: storage });
    expect(rememberedLookBackDays('u1')).toBe(30);
  });

  it('keeps nothing without a user, and stays on the default when storage is refused', () => {
    vi.stubGlobal('window', { localStorage: fakeStorage(true) });
    expect(rememberLookBackDays(undefined, 60)).toBe(false);
    expect(rememberLookBackDays('u1', 60)).toBe(false);
    expect(rememberedLookBackDays('u1')).toBe(30);
  });
});
