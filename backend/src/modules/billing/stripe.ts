import Stripe from 'stripe';
import type { Config } from '../../config';
import { AppError } from '../../errors';

/** What billing needs to know about a Checkout Session — always as Stripe reports it, never as a webhook claims. */
export interface CheckoutSessionInfo {
  id: string;
  url: string | null;
  /** `paid` is the only state that grants credits. */
  paymentStatus: 'paid' | 'unpaid' | 'no_payment_required';
  status: 'open' | 'complete' | 'expired' | null;
  clientReferenceId: string | null;
  metadata: Record<string, string>;
  amountTotal: number | null;
  currency: string | null;
  paymentIntentId: string | null;
}

export interface CreateCheckoutInput {
  userId: number;
  credits: number;
  successUrl: string;
  cancelUrl: string;
  /** A Stripe Price id; when absent the line item is built from `priceCents`/`currency`. */
  priceId?: string;
  priceCents: number;
  currency: string;
  productName: string;
}

/** The verified parts of a webhook delivery; the rest of the payload is deliberately not exposed. */
export interface VerifiedWebhookEvent {
  id: string;
  type: string;
  /** Set when the event is about a Checkout Session. */
  sessionId: string | null;
}

/** The thin seam between billing and Stripe; the service never imports 'stripe' itself. */
export interface StripeGateway {
  createCheckoutSession(input: CreateCheckoutInput): Promise<CheckoutSessionInfo>;
  /** `undefined` when Stripe has no such session. */
  retrieveCheckoutSession(sessionId: string): Promise<CheckoutSessionInfo | undefined>;
  /** Throws `AppError('BAD_REQUEST')` unless the signature over the exact raw bytes is valid. */
  verifyWebhook(rawBody: Buffer, signature: string | undefined): VerifiedWebhookEvent;
  readonly canVerifyWebhooks: boolean;
}

const STRIPE_TIMEOUT_MS = 15_000;
const PAYMENT_STATUSES = ['paid', 'unpaid', 'no_payment_required'] as const;
const SESSION_STATUSES = ['open', 'complete', 'expired'] as const;

function toInfo(session: Stripe.Checkout.Session): CheckoutSessionInfo {
  const intent = session.payment_intent;
  return {
    id: session.id,
    url: session.url,
    // Newer API versions may add states; anything unknown is treated as not paid / still open.
    paymentStatus: PAYMENT_STATUSES.find((s) => s === session.payment_status) ?? 'unpaid',
    status: SESSION_STATUSES.find((s) => s === session.status) ?? null,
    clientReferenceId: session.client_reference_id,
    metadata: { ...(session.metadata ?? {}) },
    amountTotal: session.amount_total,
    currency: session.currency,
    paymentIntentId: typeof intent === 'string' ? intent : (intent?.id ?? null),
  };
}

/**
 * Maps SDK failures to the app's error type. Stripe's own message (it can name the key's prefix or the
 * account) rides along as the cause, which the error handler logs; the user gets a generic 502.
 */
function upstreamError(err: unknown): AppError {
  const wrapped = new AppError('UPSTREAM', 'The payment provider did not answer as expected — please try again in a minute');
  wrapped.cause = err;
  return wrapped;
}

/**
 * Builds the Stripe client from config, or returns null when STRIPE_SECRET_KEY is not set (billing then
 * answers "not configured" and nothing else is affected). STRIPE_API_URL points the real SDK at another
 * host — the tests' fake Stripe server on 127.0.0.1.
 */
export function createStripeGateway(config: Config['stripe']): StripeGateway | null {
  if (!config.secretKey) {
    return null;
  }
  const endpoint = config.apiUrl ? new URL(config.apiUrl) : undefined;
  const protocol = endpoint?.protocol === 'http:' ? 'http' : 'https';
  const client = new Stripe(config.secretKey, {
    // A checkout click waits on this call: fail in seconds, not the SDK's default 80.
    timeout: STRIPE_TIMEOUT_MS,
    maxNetworkRetries: 1,
    appInfo: { name: 'Shortlist' },
    ...(endpoint
      ? {
          host: endpoint.hostname,
          port: endpoint.port || (protocol === 'http' ? 80 : 443),
          protocol,
        }
      : {}),
  });
  const webhookSecret = config.webhookSecret;

  return {
    canVerifyWebhooks: Boolean(webhookSecret),

    async createCheckoutSession(input) {
      const lineItem: Stripe.Checkout.SessionCreateParams.LineItem = input.priceId
        ? { price: input.priceId, quantity: 1 }
        : {
            quantity: 1,
            price_data: {
              currency: input.currency,
              unit_amount: input.priceCents,
              product_data: { name: input.productName },
            },
          };
      try {
        const session = await client.checkout.sessions.create({
          mode: 'payment',
          line_items: [lineItem],
          client_reference_id: String(input.userId),
          metadata: { user_id: String(input.userId), credits: String(input.credits) },
          success_url: input.successUrl,
          cancel_url: input.cancelUrl,
        });
        return toInfo(session);
      } catch (err) {
        throw upstreamError(err);
      }
    },

    async retrieveCheckoutSession(sessionId) {
      try {
        return toInfo(await client.checkout.sessions.retrieve(sessionId));
      } catch (err) {
        if (err instanceof Stripe.errors.StripeInvalidRequestError && err.statusCode === 404) {
          return undefined;
        }
        throw upstreamError(err);
      }
    },

    verifyWebhook(rawBody, signature) {
      if (!webhookSecret) {
        throw new AppError('NOT_CONFIGURED', 'Stripe webhooks are not configured on this server (STRIPE_WEBHOOK_SECRET)');
      }
      if (!signature) {
        throw new AppError('BAD_REQUEST', 'Missing Stripe-Signature header');
      }
      let event: Stripe.Event;
      try {
        event = client.webhooks.constructEvent(rawBody, signature, webhookSecret);
      } catch {
        throw new AppError('BAD_REQUEST', 'Invalid Stripe webhook signature');
      }
      const object = event.data.object as { object?: string; id?: string };
      return {
        id: event.id,
        type: event.type,
        sessionId: object.object === 'checkout.session' && typeof object.id === 'string' ? object.id : null,
      };
    },
  };
}
