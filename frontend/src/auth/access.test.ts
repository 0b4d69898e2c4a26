import { describe, expect, it } from 'vitest';
import { navigationFor } from '@/shell/navigation';
import { canManage, canView, primaryRole } from './access';

const paths = (roles: Parameters<typeof navigationFor>[0]) => navigationFor(roles).flatMap((s) => s.items.map((i) => i.path));

describe('role-aware navigation', () => {
  it('shows agents only their workspace (leads and pipeline, no import), no administration', () => {
    expect(paths(['AGENT'])).toEqual(['/', '/leads', '/pipeline']);
    expect(navigationFor(['AGENT']).map((s) => s.title)).toEqual(['Workspace']);
  });

  it('shows supervisors their users and teams, but not company settings', () => {
    expect(paths(['SUPERVISOR'])).toEqual(['/', '/leads', '/pipeline', '/import', '/admin/users', '/admin/teams']);
  });

  it('shows admins every administration screen', () => {
    expect(paths(['ADMIN'])).toEqual([
      '/', '/leads', '/pipeline', '/import',
      '/admin/users', '/admin/teams', '/admin/assignment', '/admin/settings', '/admin/features', '/admin/custom-fields', '/admin/audit',
    ]);
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

  it('keeps leads to the tenant roles: platform operators have none', () => {
    expect(canView('leads', ['PLATFORM_ADMIN'])).toBe(false);
    expect(canView('pipeline', ['AGENT'])).toBe(true);
    expect(canManage('leads', ['AGENT'])).toBe(false);
    expect(canManage('leads', ['SUPERVISOR'])).toBe(true);
    expect(canManage('pipeline', ['SUPERVISOR'])).toBe(false);
    expect(canView('leadImport', ['AGENT'])).toBe(false);
    expect(canView('assignmentRules', ['SUPERVISOR'])).toBe(false);
  });

  it('shows nobody anything without roles', () => {
    expect(canView('home', undefined)).toBe(false);
  });

  it('names the most powerful role for the header', () => {
    expect(primaryRole(['AGENT', 'SUPERVISOR'])).toBe('SUPERVISOR');
  });
});
