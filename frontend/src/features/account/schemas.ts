import { z } from 'zod';
import { passwordProblems } from '@/features/auth/passwordRules';

/** The new password follows the platform rules; the email is the account's own. */
export const changePasswordSchema = (email: string) =>
  z
    .object({
      currentPassword: z.string().min(1, 'Enter your current password'),
      newPassword: z.string(),
      confirmPassword: z.string(),
    })
    .superRefine((form, ctx) => {
      const [problem] = passwordProblems(form.newPassword, email);
      if (problem) ctx.addIssue({ code: 'custom', path: ['newPassword'], message: problem });
      else if (form.newPassword === form.currentPassword) {
        ctx.addIssue({ code: 'custom', path: ['newPassword'], message: 'Choose a password different from your current one' });
      }
      if (form.confirmPassword !== form.newPassword) {
        ctx.addIssue({ code: 'custom', path: ['confirmPassword'], message: 'The passwords do not match' });
      }
    });
export type ChangePasswordForm = z.infer<ReturnType<typeof changePasswordSchema>>;
