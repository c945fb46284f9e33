import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../../test/factories';
import { startFakeStripe, type FakeStripeServer } from '../../../test/fakes/stripe-server';
import { bearer, body, createTestApp, type TestApp } from '../../../test/test-app';
import { findUserById } from '../auth/users.repository';
import { findPaymentEvent } from './payments.repository';

interface BillingBody {
  configured: boolean;
  price_cents: number;
  currency: string;
  credits_per_purchase: number;
  free_trial_remaining: number;
  paid_credits: number;
  payments: Array<{ stripe_session_id: string; status: string; amount_cents: number; credits: number; credited_at: string | null }>;
}

describe('billing against the real stripe SDK and a fake Stripe server', () => {
  let stripe: FakeStripeServer;
  let t: TestApp;

  beforeAll(async () => {
    stripe = await startFakeStripe();
    t = await createTestApp(stripe.env);
  });
  afterAll(async () => {
    await t.close();
    await stripe.close();
  });

  const paidCredits = async (userId: number) => (await findUserById(t.db, userId))?.paid_credits;
  const checkout = (token: string) => t.app.inject({ method: 'POST', url: '/billing/checkout', headers: bearer(token) });
  const deliver = (webhook: { payload: string; headers: Record<string, string> }) =>
    t.app.inject({ method: 'POST', url: '/billing/webhook', payload: webhook.payload, headers: webhook.headers });

  /** A user with a checkout started through the API; returns the session id Stripe issued. */
  async function userWithCheckout() {
    const user = await createUser(t);
    const res = await checkout(user.token);
    expect(res.statusCode).toBe(200);
    const { url } = body<{ url: string }>(res);
    const sessionId = [...stripe.sessions.values()].find((s) => s.url === url)?.id;
    if (!sessionId) {
      throw new Error('the fake Stripe never saw this checkout');
    }
    return { user, sessionId };
  }

  it('creates a Checkout Session for the configured price, owned by the user, and records it as pending', async () => {
    const user = await createUser(t);
    const before = stripe.requests.length;
    const res = await checkout(user.token);
    expect(res.statusCode).toBe(200);
    const { url } = body<{ url: string }>(res);
    expect(url).toMatch(/^https:\/\/checkout\.stripe\.test\/c\/pay\/cs_test_/);

    const sent = stripe.requests.slice(before).find((r) => r.method === 'POST' && r.path === '/v1/checkout/sessions');
    expect(sent?.headers.authorization).toBe(`Bearer ${stripe.env['STRIPE_SECRET_KEY']}`);
    expect(sent?.form).toMatchObject({
      mode: 'payment',
      'line_items[0][quantity]': '1',
      'line_items[0][price_data][unit_amount]': '500',
      'line_items[0][price_data][currency]': 'usd',
      'line_items[0][price_data][product_data][name]': 'Shortlist — 1,000 resume credits',
      client_reference_id: String(user.id),
      'metadata[user_id]': String(user.id),
      'metadata[credits]': '1000',
      success_url: 'http://app.test/billing?session_id={CHECKOUT_SESSION_ID}',
      cancel_url: 'http://app.test/billing?canceled=1',
    });

    const overview = body<BillingBody>(await t.app.inject({ method: 'GET', url: '/billing', headers: bearer(user.token) }));
    expect(overview).toMatchObject({
      ok: true,
      configured: true,
      price_cents: 500,
      currency: 'usd',
      credits_per_purchase: 1000,
      free_trial_remaining: 50,
      paid_credits: 0,
    });
    expect(overview.payments).toHaveLength(1);
    expect(overview.payments[0]).toMatchObject({ status: 'pending', amount_cents: 500, credits: 1000, credited_at: null });
    expect(url).toContain(overview.payments[0]?.stripe_session_id);
  });

  it('refuses checkout without a login', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/billing/checkout' });
    expect(res.statusCode).toBe(401);
    expect(body(res).ok).toBe(false);
  });

  it('credits 1,000 paid credits from a signed checkout.session.completed once Stripe says it is paid', async () => {
    const { user, sessionId } = await userWithCheckout();
    stripe.setPaymentStatus(sessionId, 'paid');
    const webhook = stripe.signedWebhook('checkout.session.completed', { id: sessionId });

    const res = await deliver(webhook);
    expect(res.statusCode).toBe(200);
    expect(body<{ outcome: string }>(res)).toMatchObject({ ok: true, received: true, outcome: 'credited' });
    expect(await paidCredits(user.id)).toBe(1000);

    const overview = body<BillingBody>(await t.app.inject({ method: 'GET', url: '/billing', headers: bearer(user.token) }));
    expect(overview.paid_credits).toBe(1000);
    expect(overview.free_trial_remaining).toBe(50);
    expect(overview.payments[0]?.status).toBe('paid');
    expect(overview.payments[0]?.credited_at).toEqual(expect.any(String));
    expect((await findPaymentEvent(t.db, webhook.eventId))?.outcome).toBe('credited');
  });

  it('rejects a webhook with a bad or missing signature with 400 and credits nothing', async () => {
    const { user, sessionId } = await userWithCheckout();
    stripe.setPaymentStatus(sessionId, 'paid');
    const forged = stripe.signedWebhook('checkout.session.completed', { id: sessionId }, { secret: 'whsec_not_ours' });
    const res = await deliver(forged);
    expect(res.statusCode).toBe(400);
    expect(body(res)).toEqual({ ok: false, code: 'BAD_REQUEST', error: 'Invalid Stripe webhook signature' });

    const genuine = stripe.signedWebhook('checkout.session.completed', { id: sessionId });
    const tampered = await deliver({ payload: genuine.payload.replace('"livemode":false', '"livemode":true'), headers: genuine.headers });
    expect(tampered.statusCode).toBe(400);

    const unsigned = await deliver({ payload: genuine.payload, headers: { 'content-type': 'application/json' } });
    expect(unsigned.statusCode).toBe(400);
    expect(body(unsigned).error).toBe('Missing Stripe-Signature header');

    expect(await paidCredits(user.id)).toBe(0);
    expect(await findPaymentEvent(t.db, forged.eventId)).toBeUndefined();
  });

  it('credits once when Stripe replays the same event, and a late expired event does not undo the payment', async () => {
    const { user, sessionId } = await userWithCheckout();
    stripe.setPaymentStatus(sessionId, 'paid');
    const webhook = stripe.signedWebhook('checkout.session.completed', { id: sessionId });

    const outcomes: string[] = [];
    for (let i = 0; i < 3; i += 1) {
      const res = await deliver(webhook);
      expect(res.statusCode).toBe(200);
      outcomes.push(body<{ outcome: string }>(res).outcome);
    }
    expect(outcomes).toEqual(['credited', 'already_credited', 'already_credited']);
    const late = await deliver(stripe.signedWebhook('checkout.session.expired', { id: sessionId, status: 'expired' }));
    expect(body<{ outcome: string }>(late).outcome).toBe('already_credited');

    expect(await paidCredits(user.id)).toBe(1000);
    // The event keeps the outcome of the delivery that did the work.
    expect((await findPaymentEvent(t.db, webhook.eventId))?.outcome).toBe('credited');
    const overview = body<BillingBody>(await t.app.inject({ method: 'GET', url: '/billing', headers: bearer(user.token) }));
    expect(overview.payments[0]?.status).toBe('paid');
  });

  it('credits once when several deliveries for one session arrive at the same time, in any order', async () => {
    const { user, sessionId } = await userWithCheckout();
    stripe.setPaymentStatus(sessionId, 'paid');
    const completed = stripe.signedWebhook('checkout.session.completed', { id: sessionId });
    const deliveries = [
      stripe.signedWebhook('checkout.session.async_payment_succeeded', { id: sessionId }),
      completed,
      completed,
      stripe.signedWebhook('checkout.session.completed', { id: sessionId }),
      stripe.signedWebhook('checkout.session.async_payment_succeeded', { id: sessionId }),
    ];
    const results = await Promise.all(deliveries.map(deliver));
    expect(results.map((r) => r.statusCode)).toEqual([200, 200, 200, 200, 200]);
    const outcomes = results.map((r) => body<{ outcome: string }>(r).outcome);
    expect(outcomes.filter((o) => o === 'credited')).toHaveLength(1);
    expect(outcomes.filter((o) => o === 'already_credited')).toHaveLength(4);
    expect(await paidCredits(user.id)).toBe(1000);
  });

  it('grants nothing for a session Stripe reports unpaid, even when the webhook payload claims it is paid', async () => {
    const { user, sessionId } = await userWithCheckout();
    stripe.setPaymentStatus(sessionId, 'unpaid', 'complete');
    const res = await deliver(
      stripe.signedWebhook('checkout.session.completed', { id: sessionId, payment_status: 'paid', status: 'complete' }),
    );
    expect(body<{ outcome: string }>(res).outcome).toBe('unpaid');
    expect(await paidCredits(user.id)).toBe(0);
    const overview = body<BillingBody>(await t.app.inject({ method: 'GET', url: '/billing', headers: bearer(user.token) }));
    expect(overview.payments[0]).toMatchObject({ status: 'unpaid', credited_at: null });

    // The delayed payment clears later: the async success event credits it then.
    stripe.setPaymentStatus(sessionId, 'paid');
    const cleared = await deliver(stripe.signedWebhook('checkout.session.async_payment_succeeded', { id: sessionId }));
    expect(body<{ outcome: string }>(cleared).outcome).toBe('credited');
    expect(await paidCredits(user.id)).toBe(1000);
  });

  it('credits a paid session this server has no record of when our own metadata names an existing user', async () => {
    const user = await createUser(t);
    const elsewhere = stripe.addSession({
      payment_status: 'paid',
      status: 'complete',
      client_reference_id: String(user.id),
      metadata: { user_id: String(user.id), credits: '1000' },
      amount_total: 500,
    });
    // Both events at once, each twice: the first to insert the missing row wins, the rest find it.
    const results = await Promise.all(
      ['checkout.session.completed', 'checkout.session.async_payment_succeeded', 'checkout.session.completed']
        .map((type) => stripe.signedWebhook(type, { id: elsewhere.id }))
        .flatMap((w) => [deliver(w), deliver(w)]),
    );
    const outcomes = results.map((r) => body<{ outcome: string }>(r).outcome).sort();
    expect(outcomes).toEqual(['already_credited', 'already_credited', 'already_credited', 'already_credited', 'already_credited', 'credited']);
    expect(await paidCredits(user.id)).toBe(1000);
    const overview = body<BillingBody>(await t.app.inject({ method: 'GET', url: '/billing', headers: bearer(user.token) }));
    expect(overview.payments).toEqual([expect.objectContaining({ stripe_session_id: elsewhere.id, status: 'paid', credits: 1000 })]);
  });

  it('does not credit a session identified only by a buyer-chosen client_reference_id or naming no known user', async () => {
    const user = await createUser(t);
    const linkOnly = stripe.addSession({ payment_status: 'paid', status: 'complete', client_reference_id: String(user.id) });
    const ghost = stripe.addSession({ payment_status: 'paid', status: 'complete', metadata: { user_id: '999999' } });
    for (const session of [linkOnly, ghost]) {
      const res = await deliver(stripe.signedWebhook('checkout.session.completed', { id: session.id }));
      expect(res.statusCode).toBe(200);
      expect(body<{ outcome: string }>(res).outcome).toBe('unknown_user');
    }
    expect(await paidCredits(user.id)).toBe(0);
  });

  it('confirms a paid session on the success page, and the later webhook then changes nothing', async () => {
    const { user, sessionId } = await userWithCheckout();
    const early = await t.app.inject({ method: 'GET', url: `/billing/confirm?session_id=${sessionId}`, headers: bearer(user.token) });
    expect(early.statusCode).toBe(200);
    expect(body<{ credited: boolean }>(early).credited).toBe(false);

    stripe.setPaymentStatus(sessionId, 'paid');
    const res = await t.app.inject({ method: 'GET', url: `/billing/confirm?session_id=${sessionId}`, headers: bearer(user.token) });
    expect(res.statusCode).toBe(200);
    const confirmed = body<{ credited: boolean; user: { paid_credits: number; free_trial_remaining: number }; payment: { status: string } }>(res);
    expect(confirmed.credited).toBe(true);
    expect(confirmed.user).toMatchObject({ paid_credits: 1000, free_trial_remaining: 50 });
    expect(confirmed.payment.status).toBe('paid');

    const again = await t.app.inject({ method: 'GET', url: `/billing/confirm?session_id=${sessionId}`, headers: bearer(user.token) });
    expect(body<{ credited: boolean }>(again).credited).toBe(true);
    const webhook = await deliver(stripe.signedWebhook('checkout.session.completed', { id: sessionId }));
    expect(body<{ outcome: string }>(webhook).outcome).toBe('already_credited');
    expect(await paidCredits(user.id)).toBe(1000);
  });

  it("refuses to confirm another user's session and credits no one", async () => {
    const { user: owner, sessionId } = await userWithCheckout();
    const intruder = await createUser(t);
    stripe.setPaymentStatus(sessionId, 'paid');
    const res = await t.app.inject({ method: 'GET', url: `/billing/confirm?session_id=${sessionId}`, headers: bearer(intruder.token) });
    expect(res.statusCode).toBe(404);
    expect(body(res)).toEqual({ ok: false, code: 'NOT_FOUND', error: 'Payment not found' });
    expect(await paidCredits(intruder.id)).toBe(0);
    expect(await paidCredits(owner.id)).toBe(0);

    const missing = await t.app.inject({ method: 'GET', url: '/billing/confirm?session_id=cs_test_nope', headers: bearer(owner.token) });
    expect(missing.statusCode).toBe(404);
    const malformed = await t.app.inject({ method: 'GET', url: '/billing/confirm?session_id=../../v1/x', headers: bearer(owner.token) });
    expect(malformed.statusCode).toBe(400);
  });

  it('answers 502 to a delivery it could not check with Stripe, so Stripe retries, and the retry credits', async () => {
    const { user, sessionId } = await userWithCheckout();
    stripe.setPaymentStatus(sessionId, 'paid');
    const webhook = stripe.signedWebhook('checkout.session.completed', { id: sessionId });
    stripe.failNext(1);
    const failed = await deliver(webhook);
    expect(failed.statusCode).toBe(502);
    expect(body(failed).error).not.toContain('fake outage');
    expect(await paidCredits(user.id)).toBe(0);
    // The operator's record keeps Stripe's own reason.
    expect((await findPaymentEvent(t.db, webhook.eventId))?.outcome).toMatch(/^error: .*fake outage/);

    const retried = await deliver(webhook);
    expect(body<{ outcome: string }>(retried).outcome).toBe('credited');
    expect(await paidCredits(user.id)).toBe(1000);
    expect((await findPaymentEvent(t.db, webhook.eventId))?.outcome).toBe('credited');
  });

  it('answers checkout with a generic 502 when Stripe refuses, and records no payment', async () => {
    const user = await createUser(t);
    stripe.failNext(1);
    const res = await checkout(user.token);
    expect(res.statusCode).toBe(502);
    expect(body(res).error).toBe('The payment provider did not answer as expected — please try again in a minute');
    const overview = body<BillingBody>(await t.app.inject({ method: 'GET', url: '/billing', headers: bearer(user.token) }));
    expect(overview.payments).toEqual([]);
  });

  it('uses STRIPE_PRICE_ID as the line item when one is configured', async () => {
    stripe.prices.set('price_pack_1000', { unitAmount: 700, currency: 'eur' });
    const withPrice = await createTestApp({ ...stripe.env, STRIPE_PRICE_ID: 'price_pack_1000' });
    try {
      const user = await createUser(withPrice);
      const before = stripe.requests.length;
      const res = await withPrice.app.inject({ method: 'POST', url: '/billing/checkout', headers: bearer(user.token) });
      expect(res.statusCode).toBe(200);
      const sent = stripe.requests.slice(before).find((r) => r.path === '/v1/checkout/sessions');
      expect(sent?.form['line_items[0][price]']).toBe('price_pack_1000');
      expect(sent?.form['line_items[0][price_data][unit_amount]']).toBeUndefined();
      const overview = body<BillingBody>(await withPrice.app.inject({ method: 'GET', url: '/billing', headers: bearer(user.token) }));
      // The payment records what Stripe will charge, not the fallback price.
      expect(overview.payments[0]).toMatchObject({ amount_cents: 700 });
    } finally {
      await withPrice.close();
    }
  });
});

describe('billing without Stripe keys', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('answers checkout with 503 and a clear message, while the rest of the app keeps working', async () => {
    const user = await createUser(t);
    const res = await t.app.inject({ method: 'POST', url: '/billing/checkout', headers: bearer(user.token) });
    expect(res.statusCode).toBe(503);
    expect(body(res).ok).toBe(false);
    expect(body(res).error).toMatch(/^Billing is not configured on this server/);

    const overview = await t.app.inject({ method: 'GET', url: '/billing', headers: bearer(user.token) });
    expect(overview.statusCode).toBe(200);
    expect(body<BillingBody>(overview)).toMatchObject({ configured: false, free_trial_remaining: 50, paid_credits: 0, payments: [] });

    const webhook = await t.app.inject({
      method: 'POST',
      url: '/billing/webhook',
      payload: '{"id":"evt_1"}',
      headers: { 'content-type': 'application/json', 'stripe-signature': 't=1,v1=abc' },
    });
    expect(webhook.statusCode).toBe(503);
    const me = await t.app.inject({ method: 'GET', url: '/auth/me', headers: bearer(user.token) });
    expect(me.statusCode).toBe(200);
  });

  it('still parses ordinary JSON bodies outside the webhook (the raw-body parser stays inside it)', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/auth/login', payload: { username: 'nobody_here', password: 'x' } });
    expect(res.statusCode).toBe(401);
  });
});
