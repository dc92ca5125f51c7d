/**
 * What Node's HTTP parser refuses before a request exists (a URL or cookie past the header limit,
 * a malformed request line, a request that timed out): answered on the raw socket, since no route,
 * hook or reply is there. It gets the same JSON shape, request id and security headers as every other
 * error, so a client (or the web app) never has to read a second kind.
 */
import { randomUUID } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import { APP_CSP_DIRECTIVES, cspHeader } from './security-headers.ts';

const ANSWERS: Record<string, { status: number; error: string; message: string }> = {
  HPE_HEADER_OVERFLOW: {
    status: 431,
    error: 'headers_too_large',
    message: 'Begäran är för stor: adressen eller en cookie är för lång.',
  },
  ERR_HTTP_REQUEST_TIMEOUT: { status: 408, error: 'timeout', message: 'Begäran tog för lång tid. Försök igen.' },
};
const MALFORMED = { status: 400, error: 'validation', message: 'Begäran kunde inte läsas.' };

export function answerClientError(error: Error & { code?: string }, socket: Socket): void {
  // A client that went away needs no answer; one whose socket is half-written cannot take one.
  if (error.code === 'ECONNRESET' || socket.destroyed || !socket.writable) {
    socket.destroy();
    return;
  }
  const answer = ANSWERS[error.code ?? ''] ?? MALFORMED;
  const requestId = randomUUID();
  const body = JSON.stringify({ error: answer.error, message: answer.message, requestId });
  socket.end(
    [
      `HTTP/1.1 ${answer.status} ${STATUS_CODES[answer.status]}`,
      'content-type: application/json; charset=utf-8',
      `content-length: ${Buffer.byteLength(body)}`,
      `x-request-id: ${requestId}`,
      `content-security-policy: ${cspHeader(APP_CSP_DIRECTIVES)}`,
      'x-frame-options: DENY',
      'x-content-type-options: nosniff',
      'cache-control: no-store',
      'connection: close',
      '',
      body,
    ].join('\r\n'),
  );
}
