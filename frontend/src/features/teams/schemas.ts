import { z } from 'zod';

export const teamSchema = z.object({
  name: z.string().trim().min(1, 'Team name is required').max(100, 'Team name must be at most 100 characters'),
  /** '' is "no supervisor". */
  supervisorId: z.string(),
});
export type TeamForm = z.infer<typeof teamSchema>;
