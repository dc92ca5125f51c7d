/**
 * How many days back "Ej aktuella – att avsluta" looks, as the user last chose it on that list:
 * kept in this browser per user (the server keeps nothing between requests, so any app server
 * answers alike) and sent with the desk overview, so the count in the navigation is over the same
 * days as the list.
 */
import { NOT_CURRENT_DEFAULT_DAYS } from '../../../domain/vocabulary.ts';

const MAX_DAYS = 3650;

const storageKey = (userId: string) => `vardag.ej-aktuella.dagar.${userId}`;

/** A look-back the server accepts (1–3650 whole days), or null. */
export function parseLookBackDays(value: string | null | undefined): number | null {
  if (value === null || value === undefined || !/^\d{1,4}$/.test(value.trim())) return null;
  const days = Number(value.trim());
  return days >= 1 && days <= MAX_DAYS ? days : null;
}

/** The user's look-back, or the default (30 days) when none is kept or storage is unavailable. */
export function rememberedLookBackDays(userId: string | undefined): number {
  if (!userId) return NOT_CURRENT_DEFAULT_DAYS;
  try {
    return parseLookBackDays(window.localStorage.getItem(storageKey(userId))) ?? NOT_CURRENT_DEFAULT_DAYS;
  } catch {
    return NOT_CURRENT_DEFAULT_DAYS;
  }
}

/** Keeps the user's look-back; the default is kept as no entry at all. Answers whether it changed. */
export function rememberLookBackDays(userId: string | undefined, days: number): boolean {
  if (!userId || rememberedLookBackDays(userId) === days) return false;
  try {
    if (days === NOT_CURRENT_DEFAULT_DAYS) window.localStorage.removeItem(storageKey(userId));
    else window.localStorage.setItem(storageKey(userId), String(days));
    return true;
  } catch {
    // Private browsing may refuse storage: the count then stays on the default, as before.
    return false;
  }
}
