import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { FullPageSpinner } from '@/components/FullPageSpinner';
import { NotAllowedPage } from '@/shell/NotAllowedPage';
import { canView, type Area } from './access';
import { useAuth } from './AuthProvider';

export interface LoginLocationState {
  /** Where to go back to after signing in. */
  from?: string;
}

/** Signed-in users only; others go to /login and come back here afterwards. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { status } = useAuth();
  const location = useLocation();
  if (status === 'restoring') return <FullPageSpinner label="Restoring your session" />;
  if (status === 'signedOut') {
    const from = location.pathname + location.search;
    return <Navigate to="/login" replace state={{ from } satisfies LoginLocationState} />;
  }
  return <>{children}</>;
}

/** The area's roles only; anyone else sees the "not allowed" page at the same address. */
export function RequireArea({ area, children }: { area: Area; children: ReactNode }) {
  const { user } = useAuth();
  if (!canView(area, user?.roles)) return <NotAllowedPage />;
  return <>{children}</>;
}

/** Login and sign-up are for signed-out visitors; a signed-in one goes where they were headed. */
export function RedirectIfSignedIn({ children }: { children: ReactNode }) {
  const { status } = useAuth();
  const location = useLocation();
  if (status === 'restoring') return <FullPageSpinner label="Restoring your session" />;
  if (status === 'signedIn') {
    const from = (location.state as LoginLocationState | null)?.from;
    return <Navigate to={safeReturnPath(from)} replace />;
  }
  return <>{children}</>;
}

/** Only paths inside the app: never an absolute or protocol-relative URL from somewhere else. */
export function safeReturnPath(from: string | undefined): string {
  if (!from || !from.startsWith('/') || from.startsWith('//') || from.startsWith('/login') || from.startsWith('/signup')) {
    return '/';
  }
  return from;
}
