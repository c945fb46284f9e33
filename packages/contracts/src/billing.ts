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

/** `GET /billing` — the balance, the plan on offer and the user's payments (newest first). */
export const billingOverviewSchema = z.object({
  /** False when the server has no STRIPE_SECRET_KEY: hide the buy button, show why. */
  configured: z.boolean(),
  price_cents: z.number().int(),
  currency: z.string(),
  credits_per_purchase: z.number().int(),
  free_trial_remaining: z.number().int(),
  paid_credits: z.number().int(),
  payments: z.array(paymentSchema),
});
export type BillingOverview = z.infer<typeof billingOverviewSchema>;

/** `GET /billing/confirm?session_id=` — the success page's check after Stripe redirects back. */
export const confirmCheckoutQuerySchema = z.object({
  session_id: z
    .string()
    .trim()
    .min(1, 'session_id is required')
    .max(255)
    .regex(/^[A-Za-z0-9_]+$/, 'session_id is not a Stripe Checkout Session id'),
});
export type ConfirmCheckoutQuery = z.infer<typeof confirmCheckoutQuerySchema>;
