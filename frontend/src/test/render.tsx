import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import { vi } from 'vitest';
import type { ReactNode } from 'react';
import { createMemoryRouter, RouterProvider, type RouteObject } from 'react-router';
import { AuthContext, type AuthContextValue } from '@/auth/AuthProvider';
import type { Role, SessionUser } from '@/auth/session';
import { BrandingProvider } from '@/theme/BrandingProvider';

export function testUser(roles: Role[], extra: Partial<SessionUser> = {}): SessionUser {
  return { id: 'u1', tenantId: 't1', email: 'pat@acme.test', firstName: 'Pat', lastName: 'Lee', roles, teamId: null, ...extra };
}

export function fakeAuth(overrides: Partial<AuthContextValue> = {}): AuthContextValue {
  return {
    status: 'signedOut',
    user: null,
    endReason: null,
    login: vi.fn(),
    register: vi.fn(),
    logout: vi.fn(),
    ...overrides,
  };
}

export function signedInAs(roles: Role[]): AuthContextValue {
  return fakeAuth({ status: 'signedIn', user: testUser(roles) });
}

/** Renders routes at a path with a fake session and a query cache that never reaches a network. */
export function renderRoutes(
  routes: RouteObject[],
  { path, auth = fakeAuth(), queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } }) }: { path: string; auth?: AuthContextValue; queryClient?: QueryClient },
) {
  const router = createMemoryRouter(routes, { initialEntries: [path] });
  const wrap = (children: ReactNode) => (
    <QueryClientProvider client={queryClient}>
      <AuthContext.Provider value={auth}>
        <BrandingProvider>{children}</BrandingProvider>
      </AuthContext.Provider>
    </QueryClientProvider>
  );
  const result = render(wrap(<RouterProvider router={router} />));
  return { ...result, router, queryClient };
}
