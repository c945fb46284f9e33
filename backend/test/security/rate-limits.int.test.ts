import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorResponseSchema } from '@shortlist/contracts';
import { buildApp } from '../../src/app';
import { createUser } from '../factories';
import { startFakeStripe, type FakeStripeServer } from '../fakes/stripe-server';
import { startSmtpCapture } from '../fakes/smtp-server';
import { bearer, createTestApp, type TestApp } from '../test-app';

/** `n` different client addresses, as a proxy would report them. */
const ips = (n: number, prefix = '203.0.113') => Array.from({ length: n }, (_, i) => `${prefix}.${i + 1}`);

function expectRateLimited(res: LightMyRequestResponse, label = '') {
  expect(res.statusCode, `${label} ${res.body}`).toBe(429);
  expect(errorResponseSchema.parse(res.json()).code).toBe('RATE_LIMITED');
  const retryAfter = Number(res.headers['retry-after']);
  expect(Number.isInteger(retryAfter) && retryAfter >= 1, `Retry-After: ${res.headers['retry-after']}`).toBe(true);
  return retryAfter;
}

describe('per-IP limits cannot be dodged with X-Forwarded-For', () => {
  const login = (t: TestApp, headers: Record<string, string>, remoteAddress?: string) =>
    t.app.inject({
      method: 'POST',
      url: '/auth/login',
      payload: { username: 'nobody', password: 'wrong-password' },
      headers,
      ...(remoteAddress ? { remoteAddress } : {}),
    });

  it('ignores X-Forwarded-For by default: a fresh spoofed address per request still hits the limit', async () => {
    const t = await createTestApp({ AUTH_RATE_LIMIT_MAX: '3', LOGIN_MAX_FAILURES: '1000' });
    try {
      const statuses: number[] = [];
      for (const ip of ips(6)) {
        const res = await login(t, { 'x-forwarded-for': ip, 'x-real-ip': ip, forwarded: `for=${ip}` });
        statuses.push(res.statusCode);
        if (res.statusCode === 429) {
          expectRateLimited(res);
        }
      }
      expect(statuses).toEqual([401, 401, 401, 429, 429, 429]);
    } finally {
      await t.close();
    }
  });

  it('with TRUST_PROXY=1 takes the address the proxy appended, not the ones the client made up', async () => {
    const t = await createTestApp({ AUTH_RATE_LIMIT_MAX: '3', LOGIN_MAX_FAILURES: '1000', TRUST_PROXY: '1' });
    try {
      const statuses: number[] = [];
      for (const spoofed of ips(5, '198.51.100')) {
        // The client sends its own X-Forwarded-For; the proxy appends the real client address.
        statuses.push((await login(t, { 'x-forwarded-for': `${spoofed}, 192.0.2.50` })).statusCode);
      }
      expect(statuses).toEqual([401, 401, 401, 429, 429]);
      // Another real client behind the same proxy has its own budget.
      expect((await login(t, { 'x-forwarded-for': '192.0.2.51' })).statusCode).toBe(401);
    } finally {
      await t.close();
    }
  });

  it('with TRUST_PROXY listing the proxies, ignores X-Forwarded-For from anyone else', async () => {
    const t = await createTestApp({ AUTH_RATE_LIMIT_MAX: '2', LOGIN_MAX_FAILURES: '1000', TRUST_PROXY: '10.0.0.0/8' });
    try {
      const direct: number[] = [];
      for (const ip of ips(3)) {
        direct.push((await login(t, { 'x-forwarded-for': ip }, '192.0.2.99')).statusCode);
      }
      expect(direct).toEqual([401, 401, 429]);
      const viaProxy: number[] = [];
      for (const ip of ips(3, '198.51.100')) {
        viaProxy.push((await login(t, { 'x-forwarded-for': ip }, '10.1.2.3')).statusCode);
      }
      expect(viaProxy).toEqual([401, 401, 401]);
    } finally {
      await t.close();
    }
  });

  it('holds across API processes sharing the database, and across a restart', async () => {
    const t = await createTestApp({ AUTH_RATE_LIMIT_MAX: '3', LOGIN_MAX_FAILURES: '1000' });
    const second = await buildApp(t.config, { db: t.db });
    await second.ready();
    try {
      expect((await login(t, {})).statusCode).toBe(401);
      expect((await second.inject({ method: 'POST', url: '/auth/login', payload: { username: 'nobody', password: 'x' } })).statusCode).toBe(401);
      expect((await login(t, {})).statusCode).toBe(401);
      expectRateLimited(await second.inject({ method: 'POST', url: '/auth/login', payload: { username: 'nobody', password: 'x' } }));
      await t.app.close();
      // The same database after a restart.
      const restarted = await buildApp(t.config, { db: t.db });
      await restarted.ready();
      expectRateLimited(await restarted.inject({ method: 'POST', url: '/auth/login', payload: { username: 'nobody', password: 'x' } }));
      await restarted.close();
    } finally {
      await second.close();
      await t.close().catch(() => undefined);
    }
  });
});

describe('per-account login lockout, whatever the IP', () => {
  let t: TestApp;
  let victim: Awaited<ReturnType<typeof createUser>>;

  beforeAll(async () => {
    // Generous per-IP limits and a proxy that reports a new client address per request: only the per-account
    // lockout stands between the attacker and the password.
    t = await createTestApp({ TRUST_PROXY: '1', AUTH_RATE_LIMIT_MAX: '100000', LOGIN_MAX_FAILURES: '5', LOGIN_LOCKOUT_MS: '60000', LOGIN_LOCKOUT_MAX_MS: '3600000' });
    victim = await createUser(t, { username: 'victim', password: 'the-real-password' });
  });
  afterAll(async () => {
    await t.close();
  });

  let ipCounter = 0;
  const fromNewIp = () => {
    ipCounter += 1;
    return { 'x-forwarded-for': `198.18.${Math.floor(ipCounter / 250)}.${(ipCounter % 250) + 1}` };
  };
  const attempt = (payload: Record<string, string>) =>
    t.app.inject({ method: 'POST', url: '/auth/login', payload, headers: fromNewIp() });

  it('locks the account after 5 failures from 5 IPs: even the right password from a sixth IP is refused', async () => {
    for (let i = 0; i < 5; i++) {
      expect((await attempt({ username: 'victim', password: `guess-${i}` })).statusCode).toBe(401);
    }
    const right = await attempt({ email: victim.email, password: 'the-real-password' });
    const retryAfter = expectRateLimited(right);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(right.body).not.toContain('token');
  });

  it('doubles the lock on the next round of failures once the first lock ran out', async () => {
    // Let the first lock run out without waiting: move its end into the past.
    await t.db.updateTable('login_lockouts').set({ locked_until: new Date(Date.now() - 1000).toISOString() }).execute();
    for (let i = 0; i < 5; i++) {
      expect((await attempt({ username: 'victim', password: `second-round-${i}` })).statusCode).toBe(401);
    }
    const retryAfter = expectRateLimited(await attempt({ username: 'victim', password: 'the-real-password' }));
    expect(retryAfter).toBeGreaterThan(60);
    expect(retryAfter).toBeLessThanOrEqual(120);
  });

  it('answers a locked unknown account exactly like a locked real one (no enumeration through the lock)', async () => {
    const normalise = (res: LightMyRequestResponse) =>
      `${res.statusCode} ${errorResponseSchema.parse(res.json()).error.replace(/in (?:\d+ minutes|a minute)/, 'in N')}`;
    const ghost: string[] = [];
    for (let i = 0; i < 6; i++) {
      ghost.push(normalise(await attempt({ username: 'ghost_account', password: `guess-${i}` })));
    }
    const real = normalise(await attempt({ username: 'victim', password: 'x' }));
    expect(ghost.slice(0, 5)).toEqual(Array(5).fill('401 Invalid email/username or password'));
    expect(ghost[5]).toBe(real);
    expect(real).toMatch(/^429 Too many failed logins/);
  });

  it('lets 200 parallel guesses from 200 IPs check at most 5 passwords', async () => {
    const target = await createUser(t, { username: 'parallel_target', password: 'the-real-password' });
    const responses = await Promise.all(
      Array.from({ length: 200 }, (_, i) => attempt({ username: target.username, password: `parallel-${i}` })),
    );
    const statuses = responses.map((r) => r.statusCode);
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(5);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(195);
    expect(statuses.every((s) => s === 401 || s === 429)).toBe(true);
    expectRateLimited(await attempt({ username: target.username, password: 'the-real-password' }));
  });

  it('keeps the lock across a restart and in a second API process', async () => {
    const second = await buildApp(t.config, { db: t.db });
    await second.ready();
    try {
      expectRateLimited(
        await second.inject({ method: 'POST', url: '/auth/login', payload: { username: 'victim', password: 'the-real-password' }, headers: fromNewIp() }),
      );
    } finally {
      await second.close();
    }
  });

  it('clears the failures on a successful login', async () => {
    const user = await createUser(t, { username: 'forgetful', password: 'the-real-password' });
    for (let i = 0; i < 4; i++) {
      expect((await attempt({ username: user.username, password: `typo-${i}` })).statusCode).toBe(401);
    }
    expect((await attempt({ username: user.username, password: 'the-real-password' })).statusCode).toBe(200);
    for (let i = 0; i < 4; i++) {
      expect((await attempt({ username: user.username, password: `typo-again-${i}` })).statusCode).toBe(401);
    }
    expect((await attempt({ username: user.username, password: 'the-real-password' })).statusCode).toBe(200);
  });
});

describe('reset and verification emails are limited per address, across IPs', () => {
  let smtp: Awaited<ReturnType<typeof startSmtpCapture>>;
  let t: TestApp;

  beforeAll(async () => {
    smtp = await startSmtpCapture();
    t = await createTestApp({
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: String(smtp.port),
      TRUST_PROXY: '1',
      AUTH_RATE_LIMIT_MAX: '100000',
      AUTH_EMAILS_PER_ADDRESS_MAX: '3',
    });
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  const fromIp = (i: number) => ({ 'x-forwarded-for': `198.19.0.${i + 1}` });

  it('sends 3 reset emails and leaves one live reset link for 26 requests from 26 IPs', async () => {
    const user = await createUser(t, { username: 'flooded', email: 'flooded@example.com' });
    const statuses: number[] = [];
    for (let i = 0; i < 26; i++) {
      const res = await t.app.inject({ method: 'POST', url: '/auth/forgot-password', payload: { email: user.email }, headers: fromIp(i) });
      statuses.push(res.statusCode);
      if (i === 25) {
        expectRateLimited(res);
      }
    }
    expect(statuses).toEqual([...Array(3).fill(200), ...Array(23).fill(429)]);
    await expect.poll(() => smtp.messages.filter((m) => m.to.includes(user.email)).length).toBe(3);
    const live = await t.db.selectFrom('password_reset_tokens').select('id').where('user_id', '=', user.id).where('used_at', 'is', null).execute();
    expect(live).toHaveLength(1);
  });

  it('answers an address without an account exactly the same way', async () => {
    const statuses: string[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await t.app.inject({ method: 'POST', url: '/auth/forgot-password', payload: { email: 'nobody-here@example.com' }, headers: fromIp(i) });
      statuses.push(`${res.statusCode} ${res.body.replace(/\d+ minutes|a minute/, 'N')}`);
    }
    const known = await createUser(t, { username: 'known', email: 'known@example.com' });
    const knownStatuses: string[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await t.app.inject({ method: 'POST', url: '/auth/forgot-password', payload: { email: known.email }, headers: fromIp(i) });
      knownStatuses.push(`${res.statusCode} ${res.body.replace(/\d+ minutes|a minute/, 'N')}`);
    }
    expect(statuses).toEqual(knownStatuses);
  });

  it('limits verification emails per address too', async () => {
    await t.app.inject({ method: 'POST', url: '/auth/signup', payload: { username: 'unverified', email: 'unverified@example.com', password: 'password-1' } });
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      statuses.push((await t.app.inject({ method: 'POST', url: '/auth/resend-verification', payload: { email: 'unverified@example.com' }, headers: fromIp(i) })).statusCode);
    }
    expect(statuses).toEqual([200, 200, 200, 429, 429, 429]);
    // The signup mail and three resends.
    await expect.poll(() => smtp.messages.filter((m) => m.to.includes('unverified@example.com')).length).toBe(4);
  });
});

describe('POST /billing/checkout is limited per account', () => {
  let stripe: FakeStripeServer;
  let t: TestApp;

  beforeAll(async () => {
    stripe = await startFakeStripe();
    t = await createTestApp({ ...stripe.env, CHECKOUT_RATE_LIMIT_MAX: '2' });
  });
  afterAll(async () => {
    await t.close();
    await stripe.close();
  });

  it('creates 2 Checkout Sessions for one account, then answers 429; another account is unaffected', async () => {
    const spammer = await createUser(t);
    const other = await createUser(t);
    const checkout = (token: string, ip: string) =>
      t.app.inject({ method: 'POST', url: '/billing/checkout', headers: { ...bearer(token), 'x-forwarded-for': ip } });
    expect((await checkout(spammer.token, '203.0.113.1')).statusCode).toBe(200);
    expect((await checkout(spammer.token, '203.0.113.2')).statusCode).toBe(200);
    expectRateLimited(await checkout(spammer.token, '203.0.113.3'));
    expect((await checkout(other.token, '203.0.113.1')).statusCode).toBe(200);
    expect(stripe.sessions.size).toBe(3);
  });
});
