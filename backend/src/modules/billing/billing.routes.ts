import { billingOverviewSchema, confirmCheckoutQuerySchema, paymentSchema, userSchema } from '@shortlist/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Config } from '../../config';
import type { DB } from '../../db/database';
import { AppError } from '../../errors';
import type { createAuthGuards } from '../auth/auth.guard';
import { perAccountLimit } from '../auth/throttle';
import * as billing from './billing.service';
import { createStripeGateway, type StripeGateway } from './stripe';

const overviewResponse = billingOverviewSchema.extend({ ok: z.literal(true) });
const checkoutResponse = z.object({ ok: z.literal(true), url: z.string() });
const confirmResponse = z.object({ ok: z.literal(true), credited: z.boolean(), user: userSchema, payment: paymentSchema });
const webhookResponse = z.object({ ok: z.literal(true), received: z.literal(true), outcome: z.string() });

/**
 * Billing routes. The Stripe client is built from config unless one is passed in; without
 * STRIPE_SECRET_KEY every billing action answers 503 "not configured" and the rest of the app is unaffected.
 */
export function billingRoutes(
  deps: { db: DB; config: Config; stripe?: StripeGateway | null },
  guards: ReturnType<typeof createAuthGuards>,
): FastifyPluginAsyncZod {
  const billingDeps: billing.BillingDeps = {
    db: deps.db,
    config: deps.config,
    stripe: deps.stripe === undefined ? createStripeGateway(deps.config.stripe) : deps.stripe,
  };
  return async (app) => {
    const secured = { preHandler: guards.requireUser };
    const security = [{ bearerAuth: [] }];

    app.get(
      '/billing',
      { ...secured, schema: { tags: ['billing'], security, response: { 200: overviewResponse } } },
      async (request) => ({ ok: true as const, ...(await billing.getBillingOverview(billingDeps, request.userId)) }),
    );

    app.post(
      '/billing/checkout',
      {
        ...secured,
        config: { rateLimit: perAccountLimit(deps.config.security.checkoutRateLimit) },
        schema: { tags: ['billing'], security, response: { 200: checkoutResponse } },
      },
      async (request) => ({ ok: true as const, ...(await billing.startCheckout(billingDeps, request.userId)) }),
    );

    app.get(
      '/billing/confirm',
      {
        ...secured,
        schema: { tags: ['billing'], security, querystring: confirmCheckoutQuerySchema, response: { 200: confirmResponse } },
      },
      async (request) => ({
        ok: true as const,
        ...(await billing.confirmCheckout(billingDeps, request.userId, request.query.session_id)),
      }),
    );

    // A child context, so the raw-body JSON parser applies to the webhook alone: Stripe signs the exact
    // bytes it sent, and a re-serialised object would not verify.
    await app.register(async (webhook) => {
      webhook.addContentTypeParser('application/json', { parseAs: 'buffer' }, (_request, rawBody, done) => {
        done(null, rawBody);
      });
      webhook.post(
        '/billing/webhook',
        { schema: { tags: ['billing'], response: { 200: webhookResponse } } },
        async (request) => {
          if (!Buffer.isBuffer(request.body)) {
            throw new AppError('BAD_REQUEST', 'Expected a JSON webhook body from Stripe');
          }
          const signature = request.headers['stripe-signature'];
          const result = await billing.handleWebhook(
            billingDeps,
            request.body,
            typeof signature === 'string' ? signature : undefined,
          );
          request.log.info({ stripeEvent: result.eventId, type: result.type, outcome: result.outcome }, 'stripe webhook');
          return { ok: true as const, received: true as const, outcome: result.outcome };
        },
      );
    });
  };
}
