import { screen } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { routes } from '@/app/routes';
import { fakeAuth, renderRoutes, signedInAs } from '@/test/render';
import { SESSION_EXPIRED_MESSAGE } from './AuthProvider';
import { safeReturnPath } from './guards';

// The shell and pages fetch through TanStack Query; the fake network below answers nothing, so
// these tests look only at what the guards decide.
beforeEach(() => {
  vi.stubGlobal('fetch', () => new Promise(() => undefined));
});

describe('route guards', () => {
  it('shows an agent who opens /admin/users the "not allowed" page', async () => {
    const { router } = renderRoutes(routes, { path: '/admin/users', auth: signedInAs(['AGENT']) });
    expect(await screen.findByRole('heading', { name: 'Not allowed' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/admin/users');
    expect(screen.queryByRole('heading', { name: 'Users' })).not.toBeInTheDocument();
  });

  it.each(['/admin/settings', '/admin/features', '/admin/custom-fields', '/admin/audit'])('refuses a supervisor %s', async (path) => {
    renderRoutes(routes, { path, auth: signedInAs(['SUPERVISOR']) });
    expect(await screen.findByTestId('not-allowed')).toBeInTheDocument();
  });

  it('lets an admin open the users screen', async () => {
    renderRoutes(routes, { path: '/admin/users', auth: signedInAs(['ADMIN']) });
    expect(await screen.findByRole('heading', { name: 'Users' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Add user' })).toBeInTheDocument();
  });

  it('lets a supervisor see users without the admin actions', async () => {
    renderRoutes(routes, { path: '/admin/users', auth: signedInAs(['SUPERVISOR']) });
    expect(await screen.findByRole('heading', { name: 'Users' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Add user' })).not.toBeInTheDocument();
  });

  it('sends a signed-out visitor to /login, remembering where they were going', async () => {
    const { router } = renderRoutes(routes, { path: '/admin/teams?x=1' });
    expect(await screen.findByRole('heading', { name: 'Sign in' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/login');
    expect(router.state.location.state).toEqual({ from: '/admin/teams?x=1' });
  });

  it('tells someone whose session expired why they are at the login page', async () => {
    renderRoutes(routes, { path: '/login', auth: fakeAuth({ endReason: 'expired' }) });
    expect(await screen.findByText(SESSION_EXPIRED_MESSAGE)).toBeInTheDocument();
  });

  it('takes a signed-in user away from /login to where they were going', async () => {
    const { router } = renderRoutes(
      [...routes],
      { path: '/login', auth: signedInAs(['ADMIN']) },
    );
    await screen.findByRole('navigation', { name: 'Main' });
    expect(router.state.location.pathname).toBe('/');
  });

  it('answers unknown addresses with the 404 page inside the shell', async () => {
    renderRoutes(routes, { path: '/no/such/page', auth: signedInAs(['AGENT']) });
    expect(await screen.findByRole('heading', { name: 'Page not found' })).toBeInTheDocument();
    expect(screen.getByRole('navigation', { name: 'Main' })).toBeInTheDocument();
  });

  it('shows agents no administration links in the sidebar', async () => {
    renderRoutes(routes, { path: '/', auth: signedInAs(['AGENT']) });
    const nav = await screen.findByRole('navigation', { name: 'Main' });
    expect(nav).toHaveTextContent('Home');
    expect(nav).not.toHaveTextContent('Users');
    expect(nav).not.toHaveTextContent('Feature flags');
  });
});

describe('safeReturnPath', () => {
  it('never returns to another site or back to the login page', () => {
    expect(safeReturnPath('//evil.example/x')).toBe('/');
    expect(safeReturnPath('https://evil.example')).toBe('/');
    expect(safeReturnPath('/login')).toBe('/');
    expect(safeReturnPath('/admin/users?q=a')).toBe('/admin/users?q=a');
    expect(safeReturnPath(undefined)).toBe('/');
  });
});
