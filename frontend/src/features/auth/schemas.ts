import { z } from 'zod';
import { passwordProblems } from './passwordRules';

export const emailField = z
  .string()
  .trim()
  .min(1, 'Enter your email address')
  .max(254, 'Email must be at most 254 characters')
  .pipe(z.email('Enter a valid email address'));

export const loginSchema = z.object({
  email: emailField,
  password: z.string().min(1, 'Enter your password'),
});
export type LoginForm = z.infer<typeof loginSchema>;

export const signUpSchema = z
  .object({
    companyName: z.string().trim().min(1, "Enter your company's name").max(200, 'Company name must be at most 200 characters'),
    firstName: z.string().trim().min(1, 'Enter your first name').max(100, 'First name must be at most 100 characters'),
    lastName: z.string().trim().min(1, 'Enter your last name').max(100, 'Last name must be at most 100 characters'),
    email: emailField,
    password: z.string(),
    confirmPassword: z.string(),
  })
  .superRefine((form, ctx) => {
    const [problem] = passwordProblems(form.password, form.email);
    if (problem) ctx.addIssue({ code: 'custom', path: ['password'], message: problem });
    if (form.confirmPassword !== form.password) {
      ctx.addIssue({ code: 'custom', path: ['confirmPassword'], message: 'The passwords do not match' });
    }
  });
export type SignUpForm = z.infer<typeof signUpSchema>;
