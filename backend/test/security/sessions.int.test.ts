import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newResetToken } from '../../src/modules/auth/tokens';
import { linkIn, startSmtpCapture } from '../fakes/smtp-server';
import { bearer, body, createTestApp, type TestApp } from '../test-app';

describe('sessions end with a password reset; reset and verification links work once', () => {
  let smtp: Awaited<ReturnType<typeof startSmtpCapture>>;
  let t: TestApp;

  beforeAll(async () => {
    smtp = await startSmtpCapture();
    t = await createTestApp({ SMTP_HOST: '127.0.0.1', SMTP_PORT: String(smtp.port) });
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  const post = (url: string, payload: Record<string, unknown>) => t.app.inject({ method: 'POST', url, payload });
  const login = async (username: string, password: string) => post('/auth/login', { username, password });

  async function signup(username: string) {
    const email = `${username}@example.com`;
    await post('/auth/signup', { username, email, password: 'first-password' });
    return { username, email };
  }

  /** Asks for a reset link and returns its token, read from the mail that really went out. */
  async function resetToken(email: string): Promise<string> {
    const before = smtp.messages.filter((m) => m.to.includes(email)).length;
    expect((await post('/auth/forgot-password', { email })).statusCode).toBe(200);
    await expect.poll(() => smtp.messages.filter((m) => m.to.includes(email)).length).toBe(before + 1);
    const mail = smtp.messages.filter((m) => m.to.includes(email)).at(-1)!;
    return linkIn(mail).searchParams.get('token')!;
  }

  async function verificationToken(email: string, nth: number): Promise<string> {
    await expect.poll(() => smtp.messages.filter((m) => m.to.includes(email) && /Verify/.test(m.subject)).length).toBeGreaterThanOrEqual(nth);
    const mail = smtp.messages.filter((m) => m.to.includes(email) && /Verify/.test(m.subject))[nth - 1]!;
    return linkIn(mail).searchParams.get('token')!;
  }

  it('signs out every session issued before a password reset, on every route', async () => {
    const { username, email } = await signup('revoke_me');
    const stolen = body<{ token: string }>(await login(username, 'first-password')).token;
    expect((await t.app.inject({ method: 'GET', url: '/auth/me', headers: bearer(stolen) })).statusCode).toBe(200);

    const token = await resetToken(email);
    expect((await post('/auth/reset-password', { token, password: 'second-password' })).statusCode).toBe(200);

    for (const url of ['/auth/me', '/jobs', '/billing', '/jobs/stats']) {
      const res = await t.app.inject({ method: 'GET', url, headers: bearer(stolen) });
      expect(res.statusCode, url).toBe(401);
      expect(body(res)).toMatchObject({ code: 'UNAUTHORIZED', error: expect.stringMatching(/log in again/) });
    }
    const fresh = body<{ token: string }>(await login(username, 'second-password')).token;
    expect((await t.app.inject({ method: 'GET', url: '/auth/me', headers: bearer(fresh) })).statusCode).toBe(200);
  });

  it('keeps one live reset link per account: a newer link retires the older one', async () => {
    const { username, email } = await signup('two_links');
    const older = await resetToken(email);
    const newer = await resetToken(email);
    const live = await t.db
      .selectFrom('password_reset_tokens')
      .innerJoin('users', 'users.id', 'password_reset_tokens.user_id')
      .select('password_reset_tokens.id')
      .where('users.email', '=', email)
      .where('used_at', 'is', null)
      .execute();
    expect(live).toHaveLength(1);

    const withOlder = await post('/auth/reset-password', { token: older, password: 'older-password' });
    expect(withOlder.statusCode).toBe(400);
    expect(body(withOlder).code).toBe('BAD_REQUEST');
    expect((await login(username, 'older-password')).statusCode).toBe(401);

    expect((await post('/auth/reset-password', { token: newer, password: 'newer-password' })).statusCode).toBe(200);
    expect((await post('/auth/reset-password', { token: newer, password: 'third-password' })).statusCode).toBe(400);
    expect((await login(username, 'newer-password')).statusCode).toBe(200);
  });

  it('retires every other live link of the account when one is used (two issued by racing requests)', async () => {
    const { username, email } = await signup('raced_links');
    const userId = (await t.db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirstOrThrow()).id;
    const expiresAt = new Date(Date.now() + 3600_000).toISOString();
    const now = new Date().toISOString();
    // What two forgot-password requests committing at the same instant could leave behind.
    const [first, second] = [newResetToken(), newResetToken()];
    for (const { tokenHash } of [first, second]) {
      await t.db.insertInto('password_reset_tokens').values({ user_id: userId, token_hash: tokenHash, expires_at: expiresAt, used_at: null, created_at: now }).execute();
    }
    expect((await post('/auth/reset-password', { token: first.token, password: 'first-raced' })).statusCode).toBe(400);
    expect((await post('/auth/reset-password', { token: second.token, password: 'second-raced' })).statusCode).toBe(200);
    const stillLive = await t.db
      .selectFrom('password_reset_tokens')
      .select('token_hash')
      .where('user_id', '=', userId)
      .where('used_at', 'is', null)
      .execute();
    expect(stillLive).toEqual([]);
    expect((await login(username, 'second-raced')).statusCode).toBe(200);
  });

  it('lets a verification link work once, and only the latest one', async () => {
    const { email } = await signup('verify_once');
    const first = await verificationToken(email, 1);
    expect((await post('/auth/resend-verification', { email })).statusCode).toBe(200);
    const second = await verificationToken(email, 2);

    const stale = await post('/auth/verify', { token: first });
    expect(stale.statusCode).toBe(400);
    expect(body(stale)).toMatchObject({ code: 'BAD_REQUEST', error: expect.stringMatching(/already used or replaced/) });

    const ok = await t.app.inject({ method: 'GET', url: `/auth/verify?token=${encodeURIComponent(second)}` });
    expect(ok.statusCode).toBe(200);
    const again = await t.app.inject({ method: 'GET', url: `/auth/verify?token=${encodeURIComponent(second)}` });
    expect(again.statusCode).toBe(400);
    expect(body(again).code).toBe('BAD_REQUEST');
  });

  it('verifies once when the same link is clicked twice at the same moment', async () => {
    const { email } = await signup('double_click');
    const token = await verificationToken(email, 1);
    const results = await Promise.all([post('/auth/verify', { token }), post('/auth/verify', { token })]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 400]);
  });
});
