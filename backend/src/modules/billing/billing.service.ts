import type { BillingOverview, Payment, User } from '@shortlist/contracts';
import type { Config } from '../../config';
import type { DB } from '../../db/database';
import type { PaymentRow } from '../../db/types';
import { AppError, notFound } from '../../errors';
import { toPublicUser } from '../auth/auth.service';
import { findUserById, getUserById } from '../auth/users.repository';
import * as payments from './payments.repository';
import type { CheckoutSessionInfo, StripeGateway } from './stripe';

export interface BillingDeps {
  db: DB;
  config: Config;
  /** null when STRIPE_SECRET_KEY is not set. */
  stripe: StripeGateway | null;
}

export const PRODUCT_NAME = 'Shortlist — 1,000 resume credits';
export const NOT_CONFIGURED_MESSAGE =
  'Billing is not configured on this server — the administrator has to set STRIPE_SECRET_KEY (and STRIPE_WEBHOOK_SECRET) to sell credits';

/** Events that can move a Checkout Session's payment; everything else is acknowledged and ignored. */
const SESSION_EVENTS = new Set([
  'checkout.session.completed',
  'checkout.session.async_payment_succeeded',
  'checkout.session.async_payment_failed',
  'checkout.session.expired',
]);

export type ApplyOutcome =
  | 'credited'
  | 'already_credited'
  | 'pending'
  | 'unpaid'
  | 'expired'
  | 'failed'
  | 'unknown_user';

function requireStripe(deps: BillingDeps): StripeGateway {
  if (!deps.stripe) {
    throw new AppError('NOT_CONFIGURED', NOT_CONFIGURED_MESSAGE);
  }
  return deps.stripe;
}

export function toPublicPayment(row: PaymentRow): Payment {
  return {
    id: row.id,
    stripe_session_id: row.stripe_session_id,
    amount_cents: row.amount_cents,
    currency: row.currency,
    credits: row.credits,
    status: row.status,
    created_at: row.created_at,
    credited_at: row.credited_at,
  };
}

export async function getBillingOverview(deps: BillingDeps, userId: number): Promise<BillingOverview> {
  const user = await getUserById(deps.db, userId);
  const rows = await payments.listPayments(deps.db, userId);
  return {
    configured: deps.stripe !== null,
    price_cents: deps.config.stripe.priceCents,
    currency: deps.config.stripe.currency,
    credits_per_purchase: deps.config.stripe.creditsPerPurchase,
    free_trial_remaining: user.free_trial_remaining,
    paid_credits: user.paid_credits,
    payments: rows.map(toPublicPayment),
  };
}

/** Creates a Stripe Checkout Session for one credit pack and records it as a pending payment. */
export async function startCheckout(deps: BillingDeps, userId: number): Promise<{ url: string }> {
  const stripe = requireStripe(deps);
  const { config } = deps;
  const credits = config.stripe.creditsPerPurchase;
  const session = await stripe.createCheckoutSession({
    userId,
    credits,
    // Stripe substitutes {CHECKOUT_SESSION_ID}; the literal braces must survive, so no URL encoding here.
    successUrl: `${config.appUrl}/billing?session_id={CHECKOUT_SESSION_ID}`,
    cancelUrl: `${config.appUrl}/billing?canceled=1`,
    priceId: config.stripe.priceId,
    priceCents: config.stripe.priceCents,
    currency: config.stripe.currency,
    productName: PRODUCT_NAME,
  });
  if (!session.url) {
    throw new AppError('UPSTREAM', 'Stripe created a checkout session without a payment page URL');
  }
  // Should this insert fail, the webhook still credits: it rebuilds the row from the session's metadata.
  await payments.insertPayment(deps.db, {
    userId,
    sessionId: session.id,
    paymentIntent: session.paymentIntentId,
    amountCents: session.amountTotal ?? config.stripe.priceCents,
    currency: session.currency ?? config.stripe.currency,
    credits,
    status: 'pending',
  });
  return { url: session.url };
}

/**
 * The user a session was bought for, as our own server wrote it into the session's metadata. Payment
 * Links let a buyer choose client_reference_id, so it alone is not enough, and it must not disagree.
 */
function claimedUserId(session: CheckoutSessionInfo): number | undefined {
  const fromMetadata = session.metadata['user_id'];
  if (!fromMetadata || !/^\d+$/.test(fromMetadata)) {
    return undefined;
  }
  if (session.clientReferenceId !== null && session.clientReferenceId !== fromMetadata) {
    return undefined;
  }
  return Number(fromMetadata);
}

/** Who owns a session: our payments row if there is one, else the session's own claim. */
async function ownerOf(deps: BillingDeps, session: CheckoutSessionInfo): Promise<number | undefined> {
  return (await payments.findPaymentOwner(deps.db, session.id)) ?? claimedUserId(session);
}

function unpaidStatus(session: CheckoutSessionInfo, eventType: string | undefined): Exclude<ApplyOutcome, 'credited' | 'already_credited' | 'unknown_user'> {
  if (eventType === 'checkout.session.async_payment_failed') {
    return 'failed';
  }
  if (session.status === 'expired') {
    return 'expired';
  }
  return session.status === 'complete' ? 'unpaid' : 'pending';
}

/**
 * Applies a session as Stripe reports it (never as a webhook payload claims it). Crediting happens in one
 * transaction behind a guarded UPDATE on `credited_at IS NULL`, so however often, late or concurrently the
 * same session arrives — webhook retries, both events, the success-page check — it credits exactly once.
 */
async function applySession(
  deps: BillingDeps,
  session: CheckoutSessionInfo,
  eventType?: string,
): Promise<{ outcome: ApplyOutcome; userId?: number }> {
  const { db, config } = deps;
  let userId = await payments.findPaymentOwner(db, session.id);
  if (userId === undefined) {
    const claimed = claimedUserId(session);
    if (claimed === undefined || !(await findUserById(db, claimed))) {
      return { outcome: 'unknown_user' };
    }
    // A session we have no row for (created by another deploy, or our insert after checkout failed).
    await payments.insertPayment(db, {
      userId: claimed,
      sessionId: session.id,
      paymentIntent: session.paymentIntentId,
      amountCents: session.amountTotal ?? config.stripe.priceCents,
      currency: session.currency ?? config.stripe.currency,
      credits: config.stripe.creditsPerPurchase,
      status: 'pending',
    });
    // Another delivery may have inserted first; its row is the one that counts.
    userId = await payments.findPaymentOwner(db, session.id);
    if (userId === undefined) {
      throw new AppError('INTERNAL', `Payment row for ${session.id} vanished after insert`);
    }
  }
  const ownerId = userId;

  if (session.paymentStatus !== 'paid') {
    const status = unpaidStatus(session, eventType);
    await payments.updateUncreditedPaymentStatus(db, ownerId, session.id, status);
    return { outcome: status, userId: ownerId };
  }

  const credited = await db.transaction().execute(async (trx) => {
    const isFirst = await payments.markPaymentCredited(trx, ownerId, session.id, session.paymentIntentId);
    if (isFirst) {
      const payment = await payments.getPaymentBySession(trx, ownerId, session.id);
      await payments.addPaidCredits(trx, ownerId, payment.credits);
    }
    return isFirst;
  });
  return { outcome: credited ? 'credited' : 'already_credited', userId: ownerId };
}

/** The most specific reason for a failure: Stripe's own message when the adapter wrapped one. */
function describeFailure(err: unknown): string {
  const cause = err instanceof Error ? err.cause : undefined;
  if (cause instanceof Error) {
    return cause.message;
  }
  return err instanceof Error ? err.message : String(err);
}

/**
 * Handles one signed webhook delivery. The signature is checked over the raw bytes; of the payload only the
 * event and session ids are used. Every delivery is recorded under its unique event id with its outcome.
 * A failure (Stripe or the database unreachable) is recorded and re-thrown, so Stripe retries.
 */
export async function handleWebhook(
  deps: BillingDeps,
  rawBody: Buffer,
  signature: string | undefined,
): Promise<{ eventId: string; type: string; outcome: string }> {
  const stripe = requireStripe(deps);
  const event = stripe.verifyWebhook(rawBody, signature);
  const record = (outcome: string) =>
    payments.recordPaymentEvent(deps.db, { eventId: event.id, type: event.type, sessionId: event.sessionId, outcome });

  if (!SESSION_EVENTS.has(event.type) || !event.sessionId) {
    await record('ignored');
    return { eventId: event.id, type: event.type, outcome: 'ignored' };
  }
  let outcome: string;
  try {
    const session = await stripe.retrieveCheckoutSession(event.sessionId);
    outcome = session ? (await applySession(deps, session, event.type)).outcome : 'unknown_session';
  } catch (err) {
    await record(`error: ${describeFailure(err)}`);
    throw err;
  }
  await record(outcome);
  return { eventId: event.id, type: event.type, outcome };
}

/**
 * The success page's check after Stripe redirects back: retrieves the session and applies it the same
 * idempotent way as the webhook (whichever comes first credits). Another user's session is "not found".
 */
export async function confirmCheckout(
  deps: BillingDeps,
  userId: number,
  sessionId: string,
): Promise<{ credited: boolean; user: User; payment: Payment }> {
  const stripe = requireStripe(deps);
  const session = await stripe.retrieveCheckoutSession(sessionId);
  if (!session || (await ownerOf(deps, session)) !== userId) {
    throw notFound('Payment');
  }
  const { outcome } = await applySession(deps, session);
  if (outcome === 'unknown_user') {
    throw notFound('Payment');
  }
  const payment = await payments.getPaymentBySession(deps.db, userId, sessionId);
  const user = await getUserById(deps.db, userId);
  return { credited: payment.credited_at !== null, user: toPublicUser(user), payment: toPublicPayment(payment) };
}
