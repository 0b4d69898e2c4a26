import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { AuthProvider, useAuth } from './AuthProvider';
import { REFRESH_TOKEN_KEY, SessionManager } from './session';

const tokens = {
  accessToken: 'a1',
  tokenType: 'Bearer',
  expiresIn: 900,
  refreshToken: 'r1',
  refreshExpiresAt: '2030-01-01T00:00:00Z',
  user: { id: 'u1', tenantId: 't1', email: 'ann@acme.test', firstName: 'Ann', lastName: 'Admin', roles: ['ADMIN'], teamId: null },
};
const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

function Status() {
  const { status, endReason, user } = useAuth();
  return <span data-testid="status">{`${status}|${endReason ?? ''}|${user?.firstName ?? ''}`}</span>;
}

function setup(answers: Record<string, () => Response>) {
  const session = new SessionManager({
    fetch: async (request) => answers[`${request.method} ${new URL(request.url).pathname}`]!(),
    storage: window.sessionStorage,
    baseUrl: 'http://app.test',
    setTimer: () => 0,
    clearTimer: () => undefined,
  });
  const queryClient = new QueryClient();
  render(
    <QueryClientProvider client={queryClient}>
      <AuthProvider session={session}>
        <Status />
      </AuthProvider>
    </QueryClientProvider>,
  );
  return { session, queryClient };
}

describe('AuthProvider', () => {
  it('restores the session from sessionStorage on start', async () => {
    window.sessionStorage.setItem(REFRESH_TOKEN_KEY, 'r0');
    setup({ 'POST /api/auth/refresh': () => json(200, tokens) });
    expect(screen.getByTestId('status')).toHaveTextContent('restoring||');
    await waitFor(() => expect(screen.getByTestId('status')).toHaveTextContent('signedIn||Ann'));
  });

  it('starts signed out when there is nothing to restore', () => {
    setup({});
    expect(screen.getByTestId('status')).toHaveTextContent('signedOut||');
  });

  it('marks the session expired, and forgets cached data, when a refresh is refused', async () => {
    const { session, queryClient } = setup({
      'POST /api/auth/login': () => json(200, tokens),
      'POST /api/auth/refresh': () => json(401, { type: 'x', title: 'Unauthorized', status: 401 }),
    });
    await act(() => session.login('ann@acme.test', 'pw'));
    queryClient.setQueryData(['users'], ['someone']);

    await act(() => session.refresh().catch(() => undefined));

    expect(screen.getByTestId('status')).toHaveTextContent('signedOut|expired|');
    expect(queryClient.getQueryData(['users'])).toBeUndefined();
  });
});
