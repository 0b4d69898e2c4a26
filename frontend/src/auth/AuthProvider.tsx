import { useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { RegisterRequest, SessionManager, SessionUser } from './session';
import { session as defaultSession } from './sessionInstance';

export type AuthStatus = 'restoring' | 'signedIn' | 'signedOut';
/** Why the last session ended, for the login page's message. */
export type EndReason = 'expired' | 'signedOut' | null;

export interface AuthContextValue {
  status: AuthStatus;
  user: SessionUser | null;
  endReason: EndReason;
  login: (email: string, password: string) => Promise<SessionUser>;
  register: (request: RegisterRequest) => Promise<SessionUser>;
  logout: () => Promise<void>;
}

export const AuthContext = createContext<AuthContextValue | null>(null);

export function useAuth(): AuthContextValue {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth outside AuthProvider');
  return value;
}

export const SESSION_EXPIRED_MESSAGE = 'Your session has expired, please sign in again';

export function AuthProvider({ children, session = defaultSession }: { children: ReactNode; session?: SessionManager }) {
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<AuthStatus>(() =>
    session.isSignedIn ? 'signedIn' : session.canRestore ? 'restoring' : 'signedOut',
  );
  const [user, setUser] = useState<SessionUser | null>(session.user);
  const [endReason, setEndReason] = useState<EndReason>(null);

  useEffect(
    () =>
      session.subscribe((event) => {
        switch (event.type) {
          case 'signedIn':
          case 'refreshed':
            setUser(event.user);
            setStatus('signedIn');
            if (event.type === 'signedIn') setEndReason(null);
            break;
          case 'signedOut':
          case 'expired':
            // Nothing of one user's data may be shown to whoever signs in next.
            queryClient.clear();
            setUser(null);
            setStatus('signedOut');
            setEndReason(event.type);
            break;
        }
      }),
    [session, queryClient],
  );

  useEffect(() => {
    if (status !== 'restoring') return;
    session.restore().then(
      (restored) => {
        if (!restored) setStatus('signedOut');
      },
      // Offline or server trouble: no session we can use now; the login page says why if it fails again.
      () => setStatus('signedOut'),
    );
    // Restore once, at start.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const login = useCallback((email: string, password: string) => session.login(email, password), [session]);
  const register = useCallback((request: RegisterRequest) => session.register(request), [session]);
  const logout = useCallback(() => session.logout(), [session]);

  const value = useMemo(
    () => ({ status, user, endReason, login, register, logout }),
    [status, user, endReason, login, register, logout],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}
