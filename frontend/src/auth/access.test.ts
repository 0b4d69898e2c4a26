import { describe, expect, it } from 'vitest';
import { navigationFor } from '@/shell/navigation';
import { canManage, canView, primaryRole } from './access';

const paths = (roles: Parameters<typeof navigationFor>[0]) => navigationFor(roles).flatMap((s) => s.items.map((i) => i.path));

describe('role-aware navigation', () => {
  it('shows agents only their workspace, no administration', () => {
    expect(paths(['AGENT'])).toEqual(['/']);
    expect(navigationFor(['AGENT']).map((s) => s.title)).toEqual(['Workspace']);
  });

  it('shows supervisors their users and teams, but not company settings', () => {
    expect(paths(['SUPERVISOR'])).toEqual(['/', '/admin/users', '/admin/teams']);
  });

  it('shows admins every administration screen', () => {
    expect(paths(['ADMIN'])).toEqual(['/', '/admin/users', '/admin/teams', '/admin/settings', '/admin/features', '/admin/custom-fields', '/admin/audit']);
  });

  it('gives a user with several roles the union of them', () => {
    expect(canView('featureFlags', ['AGENT', 'ADMIN'])).toBe(true);
  });

  it('does not give platform operators tenant administration', () => {
    expect(canView('users', ['PLATFORM_ADMIN'])).toBe(false);
  });

  it('lets supervisors look at users but not change them', () => {
    expect(canView('users', ['SUPERVISOR'])).toBe(true);
    expect(canManage('users', ['SUPERVISOR'])).toBe(false);
    expect(canManage('users', ['ADMIN'])).toBe(true);
  });

  it('shows nobody anything without roles', () => {
    expect(canView('home', undefined)).toBe(false);
  });

  it('names the most powerful role for the header', () => {
    expect(primaryRole(['AGENT', 'SUPERVISOR'])).toBe('SUPERVISOR');
  });
});
