import { createHmac } from 'node:crypto';
import { SignJWT, type JWTPayload } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorResponseSchema } from '@shortlist/contracts';
import { signEmailVerificationToken, signStreamTicket } from '../../src/modules/auth/tokens';
import { createUser } from '../factories';
import { bearer, body, createTestApp, type TestApp } from '../test-app';
import { completedJob } from './world';

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** A JWT signed by hand, so a test can leave out or alter exactly one thing. */
function handSigned(header: Record<string, unknown>, payload: JWTPayload, secret: Uint8Array | string): string {
  const input = `${b64(header)}.${b64(payload)}`;
  const hashName = header['alg'] === 'HS512' ? 'sha512' : header['alg'] === 'HS384' ? 'sha384' : 'sha256';
  return `${input}.${createHmac(hashName, secret).update(input).digest('base64url')}`;
}

describe('forged, expired and malformed access tokens', () => {
  let t: TestApp;
  let user: Awaited<ReturnType<typeof createUser>>;
  let good: JWTPayload;

  beforeAll(async () => {
    t = await createTestApp();
    user = await createUser(t);
    const now = Math.floor(Date.now() / 1000);
    // Everything a genuine access token carries (also the old `purpose` claim), so each case below differs
    // from a valid token in one respect only.
    good = { sub: String(user.id), iss: 'shortlist', aud: 'shortlist:access', purpose: 'access', ver: 0, iat: now, exp: now + 3600 };
  });
  afterAll(async () => {
    await t.close();
  });

  const me = (token: string) => t.app.inject({ method: 'GET', url: '/auth/me', headers: bearer(token) });

  it('accepts the hand-signed baseline, so each refusal below is about the one thing changed', async () => {
    const res = await me(handSigned({ alg: 'HS256', typ: 'JWT' }, good, t.config.jwt.secret));
    expect(res.statusCode).toBe(200);
  });

  it.each([
    ['alg none, no signature', () => `${b64({ alg: 'none', typ: 'JWT' })}.${b64(good)}.`],
    ['alg none, with a signature', () => `${b64({ alg: 'none' })}.${b64(good)}.${'A'.repeat(43)}`],
    ['another HMAC algorithm than configured (HS512)', () => handSigned({ alg: 'HS512' }, good, t.config.jwt.secret)],
    ['an asymmetric alg header over an HMAC signature', () => handSigned({ alg: 'RS256' }, good, t.config.jwt.secret)],
    ['signed with another secret', () => handSigned({ alg: 'HS256' }, good, 'an-attacker-secret-an-attacker-secret')],
    ['no exp (a session that never ends)', () => handSigned({ alg: 'HS256' }, { ...good, exp: undefined }, t.config.jwt.secret)],
    ['no iat', () => handSigned({ alg: 'HS256' }, { ...good, iat: undefined }, t.config.jwt.secret)],
    ['iat in the future', () => handSigned({ alg: 'HS256' }, { ...good, iat: Number(good.iat) + 86_400 }, t.config.jwt.secret)],
    ['an exp far beyond the configured lifetime, issued long ago', () =>
      handSigned({ alg: 'HS256' }, { ...good, iat: Number(good.iat) - 30 * 86_400, exp: Number(good.exp) + 365 * 86_400 }, t.config.jwt.secret)],
    ['expired', () => handSigned({ alg: 'HS256' }, { ...good, iat: Number(good.iat) - 7200, exp: Number(good.iat) - 60 }, t.config.jwt.secret)],
    ['no sub', () => handSigned({ alg: 'HS256' }, { ...good, sub: undefined }, t.config.jwt.secret)],
    ['a sub that is not a user id', () => handSigned({ alg: 'HS256' }, { ...good, sub: 'admin' }, t.config.jwt.secret)],
    ['a user that does not exist', () => handSigned({ alg: 'HS256' }, { ...good, sub: '999999' }, t.config.jwt.secret)],
    ['no token version', () => handSigned({ alg: 'HS256' }, { ...good, ver: undefined }, t.config.jwt.secret)],
    ['a token version the user does not have', () => handSigned({ alg: 'HS256' }, { ...good, ver: 7 }, t.config.jwt.secret)],
    ['another audience (an email-verification token)', () => handSigned({ alg: 'HS256' }, { ...good, aud: 'shortlist:verify-email' }, t.config.jwt.secret)],
    ['no audience', () => handSigned({ alg: 'HS256' }, { ...good, aud: undefined }, t.config.jwt.secret)],
    ['another issuer', () => handSigned({ alg: 'HS256' }, { ...good, iss: 'evil' }, t.config.jwt.secret)],
    ['a tampered payload under the original signature', () => {
      const [h, , s] = user.token.split('.');
      return `${h}.${b64({ ...good, sub: '1', ver: 0 })}.${s}`;
    }],
    ['not a JWT at all', () => 'definitely-not-a-jwt'],
  ])('refuses a token with %s with 401 UNAUTHORIZED', async (_label, forge) => {
    const res = await me(forge());
    expect(res.statusCode).toBe(401);
    expect(errorResponseSchema.parse(res.json())).toMatchObject({ ok: false, code: 'UNAUTHORIZED' });
  });

  it('refuses a real email-verification token used as an access token', async () => {
    const token = await signEmailVerificationToken(t.config.jwt, { userId: user.id, email: user.email, nonce: 'n' });
    expect((await me(token)).statusCode).toBe(401);
  });

  it('refuses the access token in any place but the Authorization header', async () => {
    expect((await t.app.inject({ method: 'GET', url: `/auth/me?access_token=${user.token}` })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: '/auth/me', headers: { cookie: `access_token=${user.token}` } })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: '/auth/me', headers: { authorization: user.token } })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: '/auth/me', headers: { authorization: `bearer ${user.token}` } })).statusCode).toBe(200);
  });
});

describe('stream tickets for GET /jobs/{id}/events', () => {
  let t: TestApp;
  let alice: Awaited<ReturnType<typeof createUser>>;
  let bob: Awaited<ReturnType<typeof createUser>>;
  let jobId: number;
  let otherJobId: number;
  let bobJobId: number;

  beforeAll(async () => {
    t = await createTestApp();
    alice = await createUser(t);
    bob = await createUser(t);
    jobId = (await completedJob(t, alice.token, { title: 'Streamed', person: 'Sam Stream' })).job.id;
    otherJobId = (await completedJob(t, alice.token, { title: 'Other', person: 'Olga Other' })).job.id;
    bobJobId = (await completedJob(t, bob.token, { title: 'Bobs', person: 'Bo Bobson' })).job.id;
  });
  afterAll(async () => {
    await t.close();
  });

  const ticketFor = async (token: string, id: number) => {
    const res = await t.app.inject({ method: 'POST', url: `/jobs/${id}/events/ticket`, headers: bearer(token) });
    return { res, ticket: res.statusCode === 200 ? body<{ ticket: string }>(res).ticket : '' };
  };
  const stream = (id: number, query: string) => t.app.inject({ method: 'GET', url: `/jobs/${id}/events${query}` });

  it('issues a one-minute ticket that opens that job\'s stream', async () => {
    const { res, ticket } = await ticketFor(alice.token, jobId);
    expect(body(res)).toMatchObject({ ok: true, expires_in_seconds: 60 });
    const events = await stream(jobId, `?ticket=${encodeURIComponent(ticket)}`);
    expect(events.statusCode).toBe(200);
    expect(events.headers['content-type']).toMatch(/text\/event-stream/);
    expect(JSON.parse(/data: (.*)/.exec(events.body)![1]!)).toMatchObject({ job_id: jobId, status: 'completed' });
  });

  it('refuses the ticket for another job, even one of the same user', async () => {
    const { ticket } = await ticketFor(alice.token, jobId);
    const res = await stream(otherJobId, `?ticket=${ticket}`);
    expect(res.statusCode).toBe(401);
    expect(body(res).code).toBe('UNAUTHORIZED');
  });

  it('never lets a ticket work as a bearer token, nor a bearer token as a ticket', async () => {
    const { ticket } = await ticketFor(alice.token, jobId);
    for (const url of ['/auth/me', '/jobs', `/jobs/${jobId}`, `/jobs/${jobId}/candidates`]) {
      const res = await t.app.inject({ method: 'GET', url, headers: bearer(ticket) });
      expect(res.statusCode, url).toBe(401);
    }
    expect((await stream(jobId, `?ticket=${alice.token}`)).statusCode).toBe(401);
    expect((await stream(jobId, `?access_token=${alice.token}`)).statusCode).toBe(401);
    expect((await stream(jobId, '')).statusCode).toBe(401);
  });

  it("answers 404 to a ticket request for another user's job, and 401 to a ticket carried to another user's job", async () => {
    const { res } = await ticketFor(bob.token, jobId);
    expect(res.statusCode).toBe(404);
    expect(body(res).code).toBe('NOT_FOUND');
    const { ticket: bobsTicket } = await ticketFor(bob.token, bobJobId);
    expect((await stream(jobId, `?ticket=${bobsTicket}`)).statusCode).toBe(401);
  });

  it('refuses an expired ticket and one signed with the access-token key', async () => {
    const expired = await signStreamTicket(t.config.jwt, { userId: alice.id, jobId, tokenVersion: 0 }, -5);
    expect((await stream(jobId, `?ticket=${expired}`)).statusCode).toBe(401);
    const now = Math.floor(Date.now() / 1000);
    const wrongKey = await new SignJWT({ job: jobId, ver: 0 })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer('shortlist')
      .setAudience('shortlist:job-events')
      .setSubject(String(alice.id))
      .setIssuedAt(now)
      .setExpirationTime(now + 60)
      .sign(t.config.jwt.secret);
    expect((await stream(jobId, `?ticket=${wrongKey}`)).statusCode).toBe(401);
  });

  it('stops honouring tickets once the token version moved on (what a password reset does)', async () => {
    const carol = await createUser(t);
    const carolJob = (await completedJob(t, carol.token, { title: 'Carol', person: 'Cara Carol' })).job.id;
    const { ticket } = await ticketFor(carol.token, carolJob);
    await t.db.updateTable('users').set({ token_version: 1 }).where('id', '=', carol.id).execute();
    expect((await stream(carolJob, `?ticket=${ticket}`)).statusCode).toBe(401);
  });
});
