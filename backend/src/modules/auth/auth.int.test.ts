import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signEmailVerificationToken } from './tokens';
import { startSmtpCapture, linkIn } from '../../../test/fakes/smtp-server';
import { bearer, body, createTestApp, type TestApp } from '../../../test/test-app';

describe('accounts over HTTP, with a real SMTP server capturing the mail', () => {
  let smtp: Awaited<ReturnType<typeof startSmtpCapture>>;
  let t: TestApp;

  beforeAll(async () => {
    smtp = await startSmtpCapture();
    t = await createTestApp({ SMTP_HOST: '127.0.0.1', SMTP_PORT: String(smtp.port), SMTP_FROM: 'Shortlist <no-reply@app.test>' });
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  const signup = (payload: Record<string, unknown>) =>
    t.app.inject({ method: 'POST', url: '/auth/signup', payload });
  const login = (payload: Record<string, unknown>) => t.app.inject({ method: 'POST', url: '/auth/login', payload });

  it('signs up, verifies through the emailed link, logs in by email or username and shows the profile', async () => {
    const res = await signup({ username: 'Dana_R', email: 'Dana@Example.com', password: 'sup3r-secret' });
    expect(res.statusCode).toBe(201);
    const created = body<{ user: { username: string; email: string; is_verified: boolean; free_trial_remaining: number; paid_credits: number } }>(res);
    expect(created.user).toMatchObject({
      username: 'dana_r',
      email: 'dana@example.com',
      is_verified: false,
      free_trial_remaining: 50,
      paid_credits: 0,
    });
    expect(res.body).not.toContain('token');

    const mail = await smtp.waitForMail('dana@example.com', 'Verify');
    const link = linkIn(mail);
    expect(link.origin + link.pathname).toBe('http://app.test/verify-email');

    const loggedInEarly = body<{ token: string; user: { is_verified: boolean } }>(
      await login({ email: 'dana@example.com', password: 'sup3r-secret' }),
    );
    expect(loggedInEarly.user.is_verified).toBe(false);

    const verified = await t.app.inject({ method: 'GET', url: `/auth/verify?token=${link.searchParams.get('token')}` });
    expect(verified.statusCode).toBe(200);
    expect(body(verified).ok).toBe(true);

    const byUsername = await login({ username: 'DANA_R', password: 'sup3r-secret' });
    expect(byUsername.statusCode).toBe(200);
    const { token } = body<{ token: string }>(byUsername);
    const me = await t.app.inject({ method: 'GET', url: '/auth/me', headers: bearer(token) });
    expect(body<{ user: { email: string; is_verified: boolean; free_trial_remaining: number } }>(me).user).toMatchObject({
      email: 'dana@example.com',
      is_verified: true,
      free_trial_remaining: 50,
    });
  });

  it('resends a verification link that works', async () => {
    await signup({ username: 'resender', email: 'resender@example.com', password: 'password-1' });
    await smtp.waitForMail('resender@example.com', 'Verify');
    const before = smtp.messages.length;
    const res = await t.app.inject({
      method: 'POST',
      url: '/auth/resend-verification',
      payload: { email: 'resender@example.com' },
    });
    expect(res.statusCode).toBe(200);
    await expect.poll(() => smtp.messages.length).toBe(before + 1);
    const token = linkIn(smtp.messages.at(-1)!).searchParams.get('token');
    const verified = await t.app.inject({ method: 'POST', url: '/auth/verify', payload: { token } });
    expect(body<{ user: { is_verified: boolean } }>(verified).user.is_verified).toBe(true);
  });

  it.each([
    [{ email: 'a@example.com', password: 'password-1' }, /username/],
    [{ username: 'okname', email: 'not-an-email', password: 'password-1' }, /valid email/],
    [{ username: 'okname', email: 'ok@example.com', password: 'short' }, /at least 8/],
    [{ username: 'no spaces!', email: 'ok@example.com', password: 'password-1' }, /3–32 characters/],
  ])('rejects a bad signup %j with 400 and says what is wrong', async (payload, message) => {
    const res = await signup(payload);
    expect(res.statusCode).toBe(400);
    expect(body(res)).toEqual({ ok: false, code: 'VALIDATION', error: expect.stringMatching(message) });
  });

  it('refuses a taken username or email with the same 409, so neither reveals which one exists', async () => {
    await signup({ username: 'taken', email: 'taken@example.com', password: 'password-1' });
    const sameName = await signup({ username: 'taken', email: 'other@example.com', password: 'password-1' });
    expect(sameName.statusCode).toBe(409);
    expect(body(sameName)).toEqual({ ok: false, code: 'CONFLICT', error: expect.stringMatching(/already registered/) });
    const sameEmail = await signup({ username: 'other', email: 'TAKEN@example.com', password: 'password-1' });
    expect(sameEmail.statusCode).toBe(409);
    expect(sameEmail.body).toBe(sameName.body);
  });

  it('answers 401 with the same message for a wrong password and an unknown user', async () => {
    await signup({ username: 'pat', email: 'pat@example.com', password: 'password-1' });
    const wrong = await login({ email: 'pat@example.com', password: 'password-2' });
    const unknown = await login({ email: 'nobody@example.com', password: 'password-1' });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(body(wrong).error).toBe(body(unknown).error);
    expect(body(await login({ password: 'password-1' })).error).toMatch(/Email or username is required/);
  });

  it('refuses expired and forged verification links', async () => {
    await signup({ username: 'vera', email: 'vera@example.com', password: 'password-1' });
    const mail = await smtp.waitForMail('vera@example.com', 'Verify');
    const good = linkIn(mail).searchParams.get('token')!;
    const userId = JSON.parse(Buffer.from(good.split('.')[1]!, 'base64url').toString()).sub as string;

    const expired = await signEmailVerificationToken(t.config.jwt, { userId: Number(userId), email: 'vera@example.com', nonce: 'n' }, -10);
    const resExpired = await t.app.inject({ method: 'POST', url: '/auth/verify', payload: { token: expired } });
    expect(resExpired.statusCode).toBe(400);
    expect(body(resExpired).error).toMatch(/expired/);

    const forged = await new SignJWT({ email: 'vera@example.com', nonce: 'n' })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer('shortlist')
      .setAudience('shortlist:verify-email')
      .setIssuedAt()
      .setSubject(userId)
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode('an-attacker-secret-an-attacker-secret'));
    const resForged = await t.app.inject({ method: 'POST', url: '/auth/verify', payload: { token: forged } });
    expect(resForged.statusCode).toBe(400);
    expect(body(resForged).error).toMatch(/not valid/);

    const loggedIn = body<{ user: { is_verified: boolean } }>(await login({ username: 'vera', password: 'password-1' }));
    expect(loggedIn.user.is_verified).toBe(false);
  });

  it('rejects tampered, expired and wrong-purpose access tokens with 401', async () => {
    await signup({ username: 'tom', email: 'tom@example.com', password: 'password-1' });
    const { token } = body<{ token: string }>(await login({ username: 'tom', password: 'password-1' }));
    const [h, p, s] = token.split('.');
    const payload = JSON.parse(Buffer.from(p!, 'base64url').toString());
    const tampered = `${h}.${Buffer.from(JSON.stringify({ ...payload, sub: '1' })).toString('base64url')}.${s}`;
    const expired = await new SignJWT({ ver: 0 })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer('shortlist')
      .setAudience('shortlist:access')
      .setSubject(payload.sub)
      .setIssuedAt(Math.floor(Date.now() / 1000) - 120)
      .setExpirationTime(Math.floor(Date.now() / 1000) - 60)
      .sign(t.config.jwt.secret);
    const verifyToken = await signEmailVerificationToken(t.config.jwt, { userId: Number(payload.sub), email: 'tom@example.com', nonce: 'n' });

    for (const [bad, message] of [
      [tampered, /Log in/],
      [expired, /expired/],
      [verifyToken, /Log in/],
    ] as const) {
      const res = await t.app.inject({ method: 'GET', url: '/auth/me', headers: bearer(bad) });
      expect(res.statusCode).toBe(401);
      expect(body(res).error).toMatch(message);
    }
    expect((await t.app.inject({ method: 'GET', url: '/auth/me' })).statusCode).toBe(401);
  });

  it('resets a password through the emailed single-use link', async () => {
    await signup({ username: 'rita', email: 'rita@example.com', password: 'old-password' });
    const forgot = await t.app.inject({ method: 'POST', url: '/auth/forgot-password', payload: { email: 'rita@example.com' } });
    expect(forgot.statusCode).toBe(200);
    const unknown = await t.app.inject({ method: 'POST', url: '/auth/forgot-password', payload: { email: 'ghost@example.com' } });
    expect(body(unknown).message).toBe(body(forgot).message);

    const link = linkIn(await smtp.waitForMail('rita@example.com', 'Reset'));
    expect(link.pathname).toBe('/reset-password');
    const token = link.searchParams.get('token');
    const reset = await t.app.inject({ method: 'POST', url: '/auth/reset-password', payload: { token, password: 'new-password' } });
    expect(reset.statusCode).toBe(200);

    expect((await login({ username: 'rita', password: 'old-password' })).statusCode).toBe(401);
    expect((await login({ username: 'rita', password: 'new-password' })).statusCode).toBe(200);

    const reused = await t.app.inject({ method: 'POST', url: '/auth/reset-password', payload: { token, password: 'third-password' } });
    expect(reused.statusCode).toBe(400);
    expect(body(reused).error).toMatch(/already used/);
    expect((await login({ username: 'rita', password: 'third-password' })).statusCode).toBe(401);
  });

  it('never shows one user another user\'s profile', async () => {
    await signup({ username: 'ann', email: 'ann@example.com', password: 'password-1' });
    await signup({ username: 'ben', email: 'ben@example.com', password: 'password-1' });
    const ann = body<{ token: string }>(await login({ username: 'ann', password: 'password-1' }));
    const me = body<{ user: { username: string } }>(await t.app.inject({ method: 'GET', url: '/auth/me', headers: bearer(ann.token) }));
    expect(me.user.username).toBe('ann');
  });
});

describe('auth rate limiting', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ AUTH_RATE_LIMIT_MAX: '3' });
  });
  afterAll(async () => {
    await t.close();
  });

  it('answers 429 in the envelope once an IP exceeds the login limit', async () => {
    const statuses: number[] = [];
    let last;
    for (let i = 0; i < 4; i++) {
      last = await t.app.inject({ method: 'POST', url: '/auth/login', payload: { username: 'x', password: 'whatever1' } });
      statuses.push(last.statusCode);
    }
    expect(statuses).toEqual([401, 401, 401, 429]);
    expect(body(last!)).toEqual({ ok: false, code: 'RATE_LIMITED', error: expect.stringMatching(/Too many requests/) });
    expect(Number(last!.headers['retry-after'])).toBeGreaterThan(0);
  });
});
