import { billingOverviewSchema, okEnvelope, userSchema } from '@shortlist/contracts';
import { z } from 'zod';
import { api } from './client';

export type { BillingOverview } from '@shortlist/contracts';

export const billingApi = {
  overview: () => api.get('/billing', {}, billingOverviewSchema.extend({ ok: z.literal(true) })),
  checkout: () => api.post('/billing/checkout', undefined, {}, okEnvelope({ url: z.string() })),
  confirm: (sessionId: string) =>
    api.get(
      '/billing/confirm',
      { params: { session_id: sessionId } },
      okEnvelope({ credited: z.boolean(), user: userSchema }),
    ),
};
