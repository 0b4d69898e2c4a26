import { describe, expect, it } from 'vitest';
import { createUserSchema, editUserSchema, teamIdToApi } from './schemas';

const errors = (result: { error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  Object.fromEntries((result.error?.issues ?? []).map((i) => [i.path.join('.'), i.message]));

describe('user forms', () => {
  const valid = { firstName: 'Sam', lastName: 'Agent', email: 'sam@acme.test', password: 'Pipeline2026go', roles: ['AGENT'] as const, teamId: '' };

  it('accepts a new agent without a team', () => {
    expect(createUserSchema.safeParse({ ...valid, roles: ['AGENT'] }).success).toBe(true);
  });

  it('needs at least one role', () => {
    expect(errors(createUserSchema.safeParse({ ...valid, roles: [] }))).toEqual({ roles: 'Choose at least one role' });
  });

  it('refuses roles a tenant admin cannot grant', () => {
    expect(createUserSchema.safeParse({ ...valid, roles: ['PLATFORM_ADMIN'] }).success).toBe(false);
  });

  it("speaks of the new user's email in the password rule", () => {
    expect(errors(createUserSchema.safeParse({ ...valid, password: 'sam2026sam2026' }))).toEqual({
      password: 'Password must not contain the part of their email before the @',
    });
  });

  it('checks names and email when editing', () => {
    expect(errors(editUserSchema.safeParse({ firstName: '', lastName: 'x'.repeat(101), email: 'x', roles: ['ADMIN'], teamId: '' }))).toEqual({
      firstName: 'First name is required',
      lastName: 'Last name must be at most 100 characters',
      email: 'Enter a valid email address',
    });
  });

  it('sends "no team" as null', () => {
    expect(teamIdToApi('')).toBeNull();
    expect(teamIdToApi('abc')).toBe('abc');
  });
});
