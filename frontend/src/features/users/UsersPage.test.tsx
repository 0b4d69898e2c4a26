import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { routes } from '@/app/routes';
import { renderRoutes, signedInAs } from '@/test/render';

const json = (status: number, body: unknown, type = 'application/json') =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': type } });

const ann = { id: 'u1', email: 'ann@acme.test', firstName: 'Ann', lastName: 'Admin', fullName: 'Ann Admin', roles: ['ADMIN'], teamId: null, active: true, createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z', deactivatedAt: null };
const sam = { ...ann, id: 'u2', email: 'sam@acme.test', firstName: 'Sam', lastName: 'Agent', fullName: 'Sam Agent', roles: ['AGENT'], teamId: 't1' };

/** Answers the API calls of the users screen; records the user list queries. */
function api(users: (url: URL) => Response) {
  const queries: URLSearchParams[] = [];
  vi.stubGlobal('fetch', async (request: Request) => {
    const url = new URL(request.url);
    if (url.pathname === '/api/users') {
      queries.push(url.searchParams);
      return users(url);
    }
    if (url.pathname === '/api/teams') return json(200, [{ id: 't1', name: 'Dallas', supervisorId: null, memberCount: 1, createdAt: '', updatedAt: '' }]);
    return new Promise<Response>(() => undefined);
  });
  return queries;
}

describe('UsersPage', () => {
  it('lists users with their roles and team', async () => {
    api(() => json(200, { items: [ann, sam], nextCursor: null }));
    renderRoutes(routes, { path: '/admin/users', auth: signedInAs(['ADMIN']) });
    const rows = await screen.findAllByTestId('user-row');
    expect(rows).toHaveLength(2);
    expect(within(rows[1]!).getByText('Sam Agent')).toBeInTheDocument();
    expect(within(rows[1]!).getByText('Agent')).toBeInTheDocument();
    expect(await within(rows[1]!).findByText('Dallas')).toBeInTheDocument();
  });

  it('asks the API for active users by default, then by the filters chosen', async () => {
    const queries = api(() => json(200, { items: [], nextCursor: null }));
    renderRoutes(routes, { path: '/admin/users', auth: signedInAs(['ADMIN']) });
    await screen.findByText('No users yet');
    expect(queries[0]!.get('active')).toBe('true');
    expect(queries[0]!.get('limit')).toBe('25');

    await userEvent.type(screen.getByLabelText('Search'), 'sam');
    await vi.waitFor(() => expect(queries.at(-1)!.get('q')).toBe('sam'), { timeout: 2000 });
    expect(await screen.findByText('No users match')).toBeInTheDocument();
  });

  it('pages with the cursor the API returned', async () => {
    const queries = api((url) =>
      url.searchParams.get('cursor') === 'c2' ? json(200, { items: [sam], nextCursor: null }) : json(200, { items: [ann], nextCursor: 'c2' }),
    );
    renderRoutes(routes, { path: '/admin/users', auth: signedInAs(['ADMIN']) });
    await screen.findByText('Ann Admin');
    await userEvent.click(screen.getByRole('button', { name: 'Next' }));
    expect(await screen.findByText('Sam Agent')).toBeInTheDocument();
    expect(queries.at(-1)!.get('cursor')).toBe('c2');
    expect(screen.getByRole('button', { name: 'Next' })).toBeDisabled();
    await userEvent.click(screen.getByRole('button', { name: 'Previous' }));
    expect(await screen.findByText('Ann Admin')).toBeInTheDocument();
  });

  it('shows a refusal by the API in words', async () => {
    api(() => json(403, { type: 'https://chosencrm.dev/problems/forbidden', title: 'Forbidden', status: 403, detail: 'Access Denied' }, 'application/problem+json'));
    renderRoutes(routes, { path: '/admin/users', auth: signedInAs(['SUPERVISOR']) });
    expect(await screen.findByRole('alert')).toHaveTextContent("You don't have permission to do that.");
  });

  it('shows a loading state first', async () => {
    vi.stubGlobal('fetch', () => new Promise(() => undefined));
    renderRoutes(routes, { path: '/admin/users', auth: signedInAs(['ADMIN']) });
    expect(await screen.findByRole('status', { name: 'Loading users' })).toBeInTheDocument();
  });
});
