import { z } from 'zod';
import { emailField } from '@/features/auth/schemas';
import { passwordProblems } from '@/features/auth/passwordRules';

export const GRANTABLE_ROLES = ['ADMIN', 'SUPERVISOR', 'AGENT'] as const;

const name = (label: string) =>
  z
    .string()
    .trim()
    .min(1, `${label} is required`)
    .max(100, `${label} must be at most 100 characters`);

const roles = z.array(z.enum(GRANTABLE_ROLES)).min(1, 'Choose at least one role');
/** '' in the select stands for "no team". */
const teamId = z.string();

export const userProfileSchema = z.object({
  firstName: name('First name'),
  lastName: name('Last name'),
  email: emailField,
});

export const createUserSchema = userProfileSchema
  .extend({ password: z.string(), roles, teamId })
  .superRefine((form, ctx) => {
    const [problem] = passwordProblems(form.password, form.email);
    if (problem) ctx.addIssue({ code: 'custom', path: ['password'], message: problem.replace('your email', 'their email') });
  });
export type CreateUserForm = z.infer<typeof createUserSchema>;

export const editUserSchema = userProfileSchema.extend({ roles, teamId });
export type EditUserForm = z.infer<typeof editUserSchema>;

/** The API's "no team" is null; the form's is ''. */
export const teamIdToApi = (value: string): string | null => (value === '' ? null : value);
