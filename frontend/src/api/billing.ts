import type { Payment, User } from '@shortlist/contracts';
import { api } from './client';

export interface BillingOverview {
  configured: boolean;
  price_cents: number;
  credits_per_purchase: number;
  free_trial_remaining: number;
  paid_credits: number;
  payments: Payment[];
}

export const billingApi = {
  overview: () => api.get<BillingOverview>('/billing'),
  checkout: () => api.post<{ url: string }>('/billing/checkout'),
  confirm: (sessionId: string) =>
    api.get<{ credited: boolean; user: User }>('/billing/confirm', { params: { session_id: sessionId } }),
};
