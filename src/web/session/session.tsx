/**
 * Who is signed in and in which position. Loads GET /api/session once, keeps the CSRF token for
 * the API client, and turns a 401 anywhere (the server ends idle sessions) into the sign-in page
 * with a message, and a missing position into the choice of position.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';
import { useQueryClient } from '@tanstack/react-query';
import type { PositionSummary, SessionInfo } from '../../contract/auth.ts';
import type { Role } from '../../domain/roles.ts';
import { isApiError, onAuthProblem, setCsrfToken } from '../api/client.ts';
import * as authApi from './session.api.ts';

const SIGNED_OUT_NOTICE = 'Du har loggats ut. Logga in igen.';

type Status = 'loading' | 'signedOut' | 'signedIn' | 'unavailable';

interface SessionContextValue {
  status: Status;
  session: SessionInfo | null;
  position: PositionSummary | null;
  roles: readonly Role[];
  /** Why the user is on the sign-in page, e.g. the session ended; cleared by the next sign-in. */
  notice: string | null;
  /** Reads the session again; null when signed out. */
  refresh: () => Promise<SessionInfo | null>;
  signIn: (username: string, password: string) => Promise<SessionInfo | null>;
  signOut: () => Promise<void>;
  choosePosition: (positionId: string) => Promise<void>;
}

const SessionContext = createContext<SessionContextValue | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [status, setStatus] = useState<Status>('loading');
  const [session, setSession] = useState<SessionInfo | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const location = useLocation();
  const locationRef = useRef(location);
  locationRef.current = location;

  const apply = useCallback((next: SessionInfo | null) => {
    setSession(next);
    setCsrfToken(next?.csrfToken ?? null);
    setStatus(next ? 'signedIn' : 'signedOut');
  }, []);

  const refresh = useCallback(async () => {
    try {
      const next = await authApi.fetchSession();
      apply(next);
      return next;
    } catch (error) {
      if (isApiError(error, 401)) {
        apply(null);
        return null;
      }
      setStatus('unavailable');
      throw error;
    }
  }, [apply]);

  useEffect(() => {
    refresh().catch(() => undefined);
  }, [refresh]);

  // A 401 from any call means the session ended (idle, max age, deactivated user).
  const isHandlingProblem = useRef(false);
  useEffect(() => {
    onAuthProblem((problem) => {
      if (isHandlingProblem.current) return;
      isHandlingProblem.current = true;
      const from = locationRef.current.pathname + locationRef.current.search;
      if (problem === 'signed_out') {
        // Navigate before the state change, so the guards do not redirect first without the message.
        navigate('/logga-in', { replace: true, state: { from } });
        setNotice(SIGNED_OUT_NOTICE);
        apply(null);
        queryClient.clear();
        isHandlingProblem.current = false;
      } else {
        refresh()
          .catch(() => undefined)
          .finally(() => {
            navigate('/befattning', { replace: true, state: { from } });
            isHandlingProblem.current = false;
          });
      }
    });
    return () => onAuthProblem(null);
  }, [apply, navigate, queryClient, refresh]);

  const signIn = useCallback(
    async (username: string, password: string) => {
      await authApi.signIn({ username, password });
      setNotice(null);
      queryClient.clear();
      return refresh();
    },
    [queryClient, refresh],
  );

  const signOut = useCallback(async () => {
    try {
      await authApi.signOut();
    } finally {
      navigate('/logga-in', { replace: true });
      setNotice('Du är utloggad.');
      apply(null);
      queryClient.clear();
    }
  }, [apply, navigate, queryClient]);

  const choosePosition = useCallback(
    async (positionId: string) => {
      await authApi.choosePosition(positionId);
      // Another position sees other persons: nothing cached from the old one may show.
      queryClient.clear();
      await refresh();
    },
    [queryClient, refresh],
  );

  const value = useMemo<SessionContextValue>(() => {
    const position = session?.positions.find((candidate) => candidate.id === session.currentPositionId) ?? null;
    return {
      status,
      session,
      position,
      roles: position?.roles ?? [],
      notice,
      refresh,
      signIn,
      signOut,
      choosePosition,
    };
  }, [status, session, notice, refresh, signIn, signOut, choosePosition]);

  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession must be used inside SessionProvider');
  return value;
}
