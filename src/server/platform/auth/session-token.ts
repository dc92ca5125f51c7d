/**
 * Session tokens: 32 random bytes in the cookie; the database keeps only their SHA-256.
 */
import { createHash, randomBytes } from 'node:crypto';

export const SESSION_COOKIE = 'vardag_session';

export function newSessionToken(): string {
  return randomBytes(32).toString('base64url');
}

export function sessionIdOf(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function newCsrfToken(): string {
  return randomBytes(24).toString('base64url');
}
