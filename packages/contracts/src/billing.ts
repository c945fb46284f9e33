import { z } from 'zod';

export const paymentSchema = z.object({
  id: z.number().int(),
  stripe_session_id: z.string(),
  amount_cents: z.number().int(),
  currency: z.string(),
  credits: z.number().int(),
  status: z.enum(['pending', 'paid', 'unpaid', 'expired', 'failed']),
  created_at: z.string(),
  credited_at: z.string().nullable(),
});
export type Payment = z.infer<typeof paymentSchema>;
