/**
 * A fake Stripe API on 127.0.0.1 that speaks the real wire protocol (form-encoded POSTs, Bearer secret key,
 * JSON objects and `{ error: { type, code, message } }` failures), so tests run the stripe SDK's real request
 * code against it via its host/port/protocol options (STRIPE_API_URL).
 *
 * Implements what billing uses: `POST /v1/checkout/sessions` and `GET /v1/checkout/sessions/:id`.
 * Tests read what the SDK sent from `requests`, move a session along with `setPaymentStatus`, add sessions
 * "created elsewhere" with `addSession`, and sign webhook payloads with `signedWebhook`.
 */
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Stripe from 'stripe';

export const FAKE_STRIPE_SECRET_KEY = 'sk_test_fake_0123456789';
export const FAKE_STRIPE_WEBHOOK_SECRET = 'whsec_fake_0123456789';

export interface FakeCheckoutSession {
  id: string;
  object: 'checkout.session';
  mode: string;
  url: string | null;
  status: 'open' | 'complete' | 'expired';
  payment_status: 'paid' | 'unpaid' | 'no_payment_required';
  client_reference_id: string | null;
  metadata: Record<string, string>;
  amount_total: number | null;
  currency: string | null;
  payment_intent: string | null;
  success_url: string | null;
  cancel_url: string | null;
  livemode: false;
  created: number;
}

export interface RecordedStripeRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  /** The form body as flat `key → value` pairs, exactly as sent (`line_items[0][price_data][unit_amount]`). */
  form: Record<string, string>;
}

export interface FakeStripeServer {
  /** `http://127.0.0.1:<port>` — pass as STRIPE_API_URL. */
  url: string;
  /** Env for createTestApp: secret key, webhook secret and the API URL pointing here. */
  env: Record<string, string>;
  requests: RecordedStripeRequest[];
  sessions: Map<string, FakeCheckoutSession>;
  /** Price ids the fake knows, with their unit amounts (a checkout with an unknown price id fails like Stripe's). */
  prices: Map<string, { unitAmount: number; currency: string }>;
  /** The next `count` API calls fail with a 500 that tells the SDK not to retry (Stripe having an outage). */
  failNext(count: number): void;
  setPaymentStatus(sessionId: string, paymentStatus: FakeCheckoutSession['payment_status'], status?: FakeCheckoutSession['status']): void;
  addSession(overrides: Partial<FakeCheckoutSession>): FakeCheckoutSession;
  /** A Stripe event about a session, JSON-encoded and signed with the webhook secret, ready for inject(). */
  signedWebhook(
    type: string,
    session: Pick<FakeCheckoutSession, 'id'> & Partial<FakeCheckoutSession>,
    options?: { eventId?: string; secret?: string },
  ): { payload: string; headers: Record<string, string>; eventId: string };
  close(): Promise<void>;
}

const newId = (prefix: string) => `${prefix}_test_${randomBytes(12).toString('hex')}`;

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
    'request-id': `req_${randomBytes(6).toString('hex')}`,
  });
  res.end(text);
}

function stripeError(res: ServerResponse, status: number, type: string, message: string, code?: string): void {
  sendJson(res, status, { error: { type, message, ...(code ? { code } : {}) } });
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) {
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * Builds a Checkout Session the way Stripe would from the form the SDK sent. Only the fields billing
 * sends are understood; a missing required one fails like Stripe's parameter_missing.
 */
function sessionFromForm(
  form: Record<string, string>,
  prices: FakeStripeServer['prices'],
): FakeCheckoutSession | { error: string; param: string } {
  for (const param of ['mode', 'success_url', 'line_items[0][quantity]']) {
    if (!form[param]) {
      return { error: `Missing required param: ${param}.`, param };
    }
  }
  const quantity = Number(form['line_items[0][quantity]']);
  let unitAmount: number;
  let currency: string;
  const priceId = form['line_items[0][price]'];
  if (priceId) {
    const price = prices.get(priceId);
    if (!price) {
      return { error: `No such price: '${priceId}'`, param: 'line_items[0][price]' };
    }
    ({ unitAmount, currency } = price);
  } else {
    unitAmount = Number(form['line_items[0][price_data][unit_amount]']);
    currency = form['line_items[0][price_data][currency]'] ?? '';
    if (!Number.isInteger(unitAmount) || !currency || !form['line_items[0][price_data][product_data][name]']) {
      return { error: 'Invalid price_data.', param: 'line_items[0][price_data]' };
    }
  }
  const metadata: Record<string, string> = {};
  for (const [key, value] of Object.entries(form)) {
    const match = /^metadata\[(.+)\]$/.exec(key);
    if (match?.[1]) {
      metadata[match[1]] = value;
    }
  }
  const id = newId('cs');
  return {
    id,
    object: 'checkout.session',
    mode: form['mode'] ?? 'payment',
    url: `https://checkout.stripe.test/c/pay/${id}`,
    status: 'open',
    payment_status: 'unpaid',
    client_reference_id: form['client_reference_id'] ?? null,
    metadata,
    amount_total: unitAmount * quantity,
    currency,
    payment_intent: null,
    success_url: form['success_url'] ?? null,
    cancel_url: form['cancel_url'] ?? null,
    livemode: false,
    created: Math.floor(Date.now() / 1000),
  };
}

export async function startFakeStripe(
  options: { secretKey?: string; webhookSecret?: string } = {},
): Promise<FakeStripeServer> {
  const secretKey = options.secretKey ?? FAKE_STRIPE_SECRET_KEY;
  const webhookSecret = options.webhookSecret ?? FAKE_STRIPE_WEBHOOK_SECRET;
  const requests: RecordedStripeRequest[] = [];
  const sessions = new Map<string, FakeCheckoutSession>();
  const prices: FakeStripeServer['prices'] = new Map();
  let failures = 0;

  const server = createServer((req, res) => {
    void (async () => {
      const path = (req.url ?? '/').split('?')[0] ?? '/';
      const text = await readBody(req);
      const form = Object.fromEntries(new URLSearchParams(text));
      requests.push({ method: req.method ?? 'GET', path, headers: req.headers, form });

      if (failures > 0) {
        failures -= 1;
        res.setHeader('stripe-should-retry', 'false');
        stripeError(res, 500, 'api_error', 'An unknown error occurred (fake outage)');
        return;
      }
      if (req.headers.authorization !== `Bearer ${secretKey}`) {
        stripeError(res, 401, 'invalid_request_error', 'Invalid API Key provided');
        return;
      }
      if (req.method === 'POST' && path === '/v1/checkout/sessions') {
        const created = sessionFromForm(form, prices);
        if ('error' in created) {
          stripeError(res, 400, 'invalid_request_error', created.error, 'parameter_invalid');
          return;
        }
        sessions.set(created.id, created);
        sendJson(res, 200, created);
        return;
      }
      const retrieve = /^\/v1\/checkout\/sessions\/([^/]+)$/.exec(path);
      if (req.method === 'GET' && retrieve?.[1]) {
        const session = sessions.get(decodeURIComponent(retrieve[1]));
        if (!session) {
          stripeError(res, 404, 'invalid_request_error', `No such checkout.session: '${retrieve[1]}'`, 'resource_missing');
          return;
        }
        sendJson(res, 200, session);
        return;
      }
      stripeError(res, 404, 'invalid_request_error', `Unrecognized request URL (${req.method}: ${path}).`);
    })().catch((err: unknown) => {
      stripeError(res, 500, 'api_error', String(err));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}`;

  return {
    url,
    env: { STRIPE_SECRET_KEY: secretKey, STRIPE_WEBHOOK_SECRET: webhookSecret, STRIPE_API_URL: url },
    requests,
    sessions,
    prices,
    failNext(count) {
      failures = count;
    },
    setPaymentStatus(sessionId, paymentStatus, status) {
      const session = sessions.get(sessionId);
      if (!session) {
        throw new Error(`fake Stripe has no session ${sessionId}`);
      }
      session.payment_status = paymentStatus;
      session.status = status ?? (paymentStatus === 'paid' ? 'complete' : session.status);
      if (paymentStatus === 'paid' && !session.payment_intent) {
        session.payment_intent = newId('pi');
      }
    },
    addSession(overrides) {
      const id = overrides.id ?? newId('cs');
      const session: FakeCheckoutSession = {
        id,
        object: 'checkout.session',
        mode: 'payment',
        url: `https://checkout.stripe.test/c/pay/${id}`,
        status: 'open',
        payment_status: 'unpaid',
        client_reference_id: null,
        metadata: {},
        amount_total: 500,
        currency: 'usd',
        payment_intent: null,
        success_url: null,
        cancel_url: null,
        livemode: false,
        created: Math.floor(Date.now() / 1000),
        ...overrides,
      };
      sessions.set(id, session);
      return session;
    },
    signedWebhook(type, session, signOptions = {}) {
      const eventId = signOptions.eventId ?? newId('evt');
      const payload = JSON.stringify({
        id: eventId,
        object: 'event',
        api_version: Stripe.API_VERSION,
        created: Math.floor(Date.now() / 1000),
        livemode: false,
        pending_webhooks: 1,
        type,
        data: { object: { ...(sessions.get(session.id) ?? {}), ...session, object: 'checkout.session' } },
      });
      const signature = Stripe.webhooks.generateTestHeaderString({
        payload,
        secret: signOptions.secret ?? webhookSecret,
      });
      return {
        payload,
        eventId,
        headers: { 'content-type': 'application/json; charset=utf-8', 'stripe-signature': signature },
      };
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}
