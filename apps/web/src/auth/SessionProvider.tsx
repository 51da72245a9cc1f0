import { useQueryClient } from '@tanstack/react-query';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { onSessionProblem, setCsrfToken } from '../api/client.ts';
import { authApi } from '../api/endpoints.ts';
import type { SessionResponse } from '../api/types.ts';

/** Why the user is on the login page: shown there as a notice. */
export type SignedOutReason = 'expired' | 'signed-out' | 'required';

type State =
  | { readonly status: 'loading' }
  | { readonly status: 'signed-out'; readonly reason: SignedOutReason | null }
  | { readonly status: 'signed-in'; readonly session: SessionResponse };

interface Session {
  readonly state: State;
  /** The signed-in session, or null. */
  /** What the user may open and do is in `session.access` and each record's `permissions`: the server decides. */
  readonly session: SessionResponse | null;
  readonly signIn: (username: string, password: string) => Promise<SessionResponse>;
  readonly signOut: () => Promise<void>;
  /** Re-reads /api/auth/me (roles, CSRF token, forced password change). */
  readonly refresh: () => Promise<void>;
  readonly passwordChanged: () => void;
}

const SessionContext = createContext<Session | null>(null);

/** Re-check the session when the window regains focus, but not more often than this. */
const FOCUS_RECHECK_MS = 30_000;

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<State>({ status: 'loading' });
  const queryClient = useQueryClient();

  const accept = useCallback((session: SessionResponse) => {
    setCsrfToken(session.csrfToken);
    setState({ status: 'signed-in', session });
  }, []);

  const refresh = useCallback(async () => {
    try {
      accept(await authApi.me());
    } catch {
      // Sign-in problems arrive through onSessionProblem; anything else (a network blip) keeps the current state.
    }
  }, [accept]);

  // Any request that finds the session gone, or the initial password unchanged, updates the state;
  // the route guard (RequireSession) then shows the login or change-password page.
  useEffect(
    () =>
      onSessionProblem((error) => {
        if (error.code === 'PASSWORD_CHANGE_REQUIRED') {
          setState((current) => (current.status === 'signed-in' ? withMustChange(current.session, true) : current));
          return;
        }
        setCsrfToken(null);
        const expired = error.code === 'SESSION_EXPIRED';
        setState((current) => {
          if (current.status === 'signed-in') return { status: 'signed-out', reason: expired ? 'expired' : 'required' };
          // On first load, no cookie is the normal case and needs no notice; an expired one does.
          if (current.status === 'loading') return { status: 'signed-out', reason: expired ? 'expired' : null };
          return current;
        });
      }),
    [],
  );

  // First load: is there a session cookie already? Failures other than sign-in ones (network) count as signed out.
  useEffect(() => {
    authApi
      .me()
      .then(accept, () => setState((current) => (current.status === 'loading' ? { status: 'signed-out', reason: null } : current)));
  }, [accept]);

  const signedIn = state.status === 'signed-in';
  useEffect(() => {
    if (!signedIn) return;
    let lastCheck = Date.now();
    const recheck = () => {
      if (document.visibilityState !== 'visible' || Date.now() - lastCheck < FOCUS_RECHECK_MS) return;
      lastCheck = Date.now();
      void refresh();
    };
    window.addEventListener('focus', recheck);
    document.addEventListener('visibilitychange', recheck);
    return () => {
      window.removeEventListener('focus', recheck);
      document.removeEventListener('visibilitychange', recheck);
    };
  }, [signedIn, refresh]);

  const signIn = useCallback(
    async (username: string, password: string) => {
      const session = await authApi.login({ username, password });
      // What the previous user could read is not this user's to see: the cache starts empty.
      queryClient.clear();
      accept(session);
      return session;
    },
    [accept, queryClient],
  );

  const signOut = useCallback(async () => {
    try {
      await authApi.logout();
    } finally {
      setCsrfToken(null);
      queryClient.clear();
      setState({ status: 'signed-out', reason: 'signed-out' });
    }
  }, [queryClient]);

  const passwordChanged = useCallback(() => {
    setState((current) => (current.status === 'signed-in' ? withMustChange(current.session, false) : current));
  }, []);

  const value = useMemo<Session>(() => {
    const session = state.status === 'signed-in' ? state.session : null;
    return { state, session, signIn, signOut, refresh, passwordChanged };
  }, [state, signIn, signOut, refresh, passwordChanged]);
  return <SessionContext value={value}>{children}</SessionContext>;
}

function withMustChange(session: SessionResponse, mustChangePassword: boolean): State {
  return { status: 'signed-in', session: { ...session, user: { ...session.user, mustChangePassword } } };
}

export function useSession(): Session {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}
