import { describe, expect, it } from 'vitest';
import { changePasswordSchema } from '@/features/account/schemas';
import { passwordProblems } from './passwordRules';
import { loginSchema, signUpSchema } from './schemas';

const messages = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  Object.fromEntries((result.error?.issues ?? []).map((i) => [i.path.join('.'), i.message]));

describe('password rules (as user-service PasswordPolicy)', () => {
  it('accepts a long password with a letter and a digit', () => {
    expect(passwordProblems('Horizon2026rates', 'dana@summit.test')).toEqual([]);
  });

  it.each([
    ['short1', 'Password must be at least 12 characters long'],
    ['onlylettersherepls', 'Password must contain at least one letter and one digit'],
    ['123456789012345', 'Password must contain at least one letter and one digit'],
    ['xxdana2026xxxx', 'Password must not contain the part of your email before the @'],
  ])('refuses %s', (password, problem) => {
    expect(passwordProblems(password, 'dana@summit.test')).toContain(problem);
  });

  it('refuses passwords longer than bcrypt reads (72 bytes)', () => {
    expect(passwordProblems(`${'é'.repeat(40)}1`, 'a@b.c')).toContain('Password is too long: use at most 72 characters');
  });

  it('does not check very short email local parts (too common inside passwords)', () => {
    expect(passwordProblems('alpha2026bravo', 'al@x.test')).toEqual([]);
  });
});

describe('loginSchema', () => {
  it('asks for both fields in words', () => {
    expect(messages(loginSchema.safeParse({ email: '', password: '' }))).toEqual({
      email: 'Enter your email address',
      password: 'Enter your password',
    });
  });

  it('trims the email', () => {
    expect(loginSchema.parse({ email: '  ann@acme.test ', password: 'x' }).email).toBe('ann@acme.test');
  });
});

describe('signUpSchema', () => {
  const valid = { companyName: 'Summit Mortgage', firstName: 'Dana', lastName: 'Reyes', email: 'dana@summit.test', password: 'Horizon2026rates', confirmPassword: 'Horizon2026rates' };

  it('accepts a complete sign-up', () => {
    expect(signUpSchema.safeParse(valid).success).toBe(true);
  });

  it('explains each problem beside its field', () => {
    const result = signUpSchema.safeParse({ ...valid, companyName: ' ', email: 'nope', password: 'short', confirmPassword: 'other' });
    expect(messages(result)).toMatchObject({
      companyName: "Enter your company's name",
      email: 'Enter a valid email address',
      password: 'Password must be at least 12 characters long',
      confirmPassword: 'The passwords do not match',
    });
  });
});

describe('changePasswordSchema', () => {
  it('refuses reusing the current password', () => {
    const result = changePasswordSchema('dana@summit.test').safeParse({ currentPassword: 'Horizon2026rates', newPassword: 'Horizon2026rates', confirmPassword: 'Horizon2026rates' });
    expect(messages(result)).toEqual({ newPassword: 'Choose a password different from your current one' });
  });
});
