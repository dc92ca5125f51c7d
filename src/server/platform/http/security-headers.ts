/**
 * Security headers on every response (the web app, its static files, the API, errors, 404s) via
 * @fastify/helmet: a strict Content-Security-Policy, no framing, no sniffing (ASVS 3.4).
 *
 * The policy allows exactly what Vite's production build needs: one module script and one
 * stylesheet from our own origin, fetch() to our own API, no inline script or style (the built
 * index.html has none and the app sets no style attributes), and `data:` images only because
 * index.html's empty favicon is `data:,`. The Swagger UI at /api/docs gets its own policy on its
 * own routes (openapi.ts).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fastifyHelmet from '@fastify/helmet';
import helmet, { type HelmetOptions } from 'helmet';

type Directives = Record<string, string[]>;

/** The app's policy; exported so the tests and the docs' policy are built from the same source. */
export const APP_CSP_DIRECTIVES: Directives = {
  'default-src': ["'self'"],
  'base-uri': ["'none'"],
  'connect-src': ["'self'"],
  'font-src': ["'self'"],
  'form-action': ["'self'"],
  // The modern form of X-Frame-Options: DENY (clickjacking, ASVS 3.4.6); both are sent for old browsers.
  'frame-ancestors': ["'none'"],
  'img-src': ["'self'", 'data:'],
  'object-src': ["'none'"],
  'script-src': ["'self'"],
  'script-src-attr': ["'none'"],
  'style-src': ["'self'"],
};

/**
 * The Swagger UI (a third-party page) injects a <style> element of its own, refused under the
 * app's policy (seen in Chromium); it is a developer's page without personal data, and it still
 * may not be framed nor run inline script.
 */
export const API_DOCS_CSP_DIRECTIVES: Directives = {
  ...APP_CSP_DIRECTIVES,
  'style-src': ["'self'", "'unsafe-inline'"],
};

export function cspHeader(directives: Directives): string {
  return Object.entries(directives)
    .map(([name, values]) => `${name} ${values.join(' ')}`)
    .join('; ');
}

const HELMET_OPTIONS = {
  contentSecurityPolicy: {
    // Only ours: helmet's defaults would add https: fonts and styles and upgrade-insecure-requests,
    // which breaks a plain-HTTP demo on another machine's address.
    useDefaults: false,
    directives: APP_CSP_DIRECTIVES,
  },
  frameguard: { action: 'deny' },
  // Same-origin requests keep their full referrer (the app's own paths), others get none.
  referrerPolicy: { policy: 'same-origin' },
} satisfies HelmetOptions;

/** Sets the headers in an onRequest hook of every route and of the not-found handler. */
export async function registerSecurityHeaders(app: FastifyInstance): Promise<void> {
  await app.register(fastifyHelmet, { global: true, ...HELMET_OPTIONS });
}

const applyHelmet = helmet(HELMET_OPTIONS);

/**
 * For answers given where no hook runs: Fastify's frameworkErrors (an address it cannot decode)
 * answers before routing, so the onRequest hook above never sees it.
 */
export function applySecurityHeaders(request: FastifyRequest, reply: FastifyReply): void {
  applyHelmet(request.raw, reply.raw, () => undefined);
}
