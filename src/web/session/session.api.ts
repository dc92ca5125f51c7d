/** Sign-in, sign-out, the session and the choice of position (src/server/modules/auth). */
import type { SessionInfo, SignInRequest } from '../../contract/auth.ts';
import { call, http } from '../api/client.ts';

export function fetchSession(): Promise<SessionInfo> {
  return call(http.GET('/api/session'), { handlesAuthErrors: true });
}

export function signIn(body: SignInRequest): Promise<unknown> {
  return call(http.POST('/api/auth/sign-in', { body }), { handlesAuthErrors: true });
}

export function signOut(): Promise<unknown> {
  return call(http.POST('/api/auth/sign-out'), { handlesAuthErrors: true });
}

export function choosePosition(positionId: string): Promise<unknown> {
  return call(http.PUT('/api/session/position', { body: { positionId } }));
}
