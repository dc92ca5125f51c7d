/** The same rules as the contract (src/contract/organisation.ts), for answers without a round trip. */
import type { FieldErrors } from '../../components/form.ts';

export const USERNAME_HINT = '2–60 tecken: a–z, siffror, punkt, bindestreck eller understreck.';

export function checkUsername(value: string): FieldErrors {
  const username = value.trim().toLowerCase();
  return username && !/^[a-z0-9._-]{2,60}$/.test(username) ? { username: USERNAME_HINT } : {};
}

export function checkPassword(value: string, key = 'password'): FieldErrors {
  return value && value.length < 10 ? { [key]: 'Lösenordet måste ha minst 10 tecken.' } : {};
}
