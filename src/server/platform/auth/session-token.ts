/**
 * Session tokens: 32 random bytes in the cookie; the database keeps only their SHA-256.
 */
import { createHash, randomBytes } from 'node:crypto';

/** The cookie's name over plain http (a developer's localhost), where a __Host- cookie cannot be set. */
export const SESSION_COOKIE = 'vardag_session';

/**
 * The name when the cookie is Secure. Browsers take a __Host- cookie only when it is Secure, has
 * Path=/ and no Domain, and only from the host itself, so a sibling subdomain or an http page
 * cannot plant or shadow it (session fixation); a secure server reads no other name.
 */
export const SECURE_SESSION_COOKIE = `__Host-${SESSION_COOKIE}`;

/** The session cookie's name: __Host-vardag_session when it is secure (COOKIE_SECURE), else vardag_session. */
export function sessionCookieName(isSecure: boolean): string {
  return isSecure ? SECURE_SESSION_COOKIE : SESSION_COOKIE;
}

export function newSessionToken(): string {
  return randomBytes(32).toString('base64url');
}

export function sessionIdOf(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function newCsrfToken(): string {
  return randomBytes(24).toString('base64url');
}
