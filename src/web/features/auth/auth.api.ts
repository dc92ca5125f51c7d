/** Sign-in, sign-out, the session and the choice of position (src/server/modules/auth). */
import type { SessionInfo, SignInRequest } from '../../../contract/auth.ts';
import { api } from '../../api/client.ts';

export function fetchSession(): Promise<SessionInfo> {
  return api<SessionInfo>('/api/session', { handlesAuthErrors: true });
}

export function signIn(body: SignInRequest): Promise<unknown> {
  return api('/api/auth/sign-in', { method: 'POST', body, handlesAuthErrors: true });
}

export function signOut(): Promise<unknown> {
  return api('/api/auth/sign-out', { method: 'POST', handlesAuthErrors: true });
}

export function choosePosition(positionId: string): Promise<unknown> {
  return api('/api/session/position', { method: 'PUT', body: { positionId } });
}
