import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app';
import { loadConfig } from '../../src/config';
import { createDatabase } from '../../src/db/database';
import { createUser } from '../factories';
import { linkIn, startSmtpCapture } from '../fakes/smtp-server';
import { TEST_ENV, bearer, body, createTestApp, type TestApp } from '../test-app';
import { freshDatabaseUrl } from '../test-db';
import { completedJob } from './world';

/** The log exactly as pino writes it: one JSON line per entry. */
function logSink() {
  const lines: string[] = [];
  return { lines, stream: { write: (line: string) => void lines.push(line) }, text: () => lines.join('') };
}

describe('no token reaches the log', () => {
  let smtp: Awaited<ReturnType<typeof startSmtpCapture>>;
  let t: TestApp;
  const log = logSink();

  beforeAll(async () => {
    smtp = await startSmtpCapture();
    // `trace` logs everything Fastify logs, and the SMTP mailer keeps links out of the log by design.
    t = await createTestApp({ LOG_LEVEL: 'trace', SMTP_HOST: '127.0.0.1', SMTP_PORT: String(smtp.port) }, { logStream: log.stream });
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  it('writes request URLs with every token-bearing query parameter redacted', async () => {
    await t.app.inject({ method: 'POST', url: '/auth/signup', payload: { username: 'logged', email: 'logged@example.com', password: 'password-1' } });
    const verifyToken = linkIn(await smtp.waitForMail('logged@example.com', 'Verify')).searchParams.get('token')!;
    await t.app.inject({ method: 'POST', url: '/auth/forgot-password', payload: { email: 'logged@example.com' } });
    const resetToken = linkIn(await smtp.waitForMail('logged@example.com', 'Reset')).searchParams.get('token')!;
    const user = await createUser(t);
    const { job } = await completedJob(t, user.token, { title: 'Logged job', person: 'Lou Logged' });
    const { ticket } = body<{ ticket: string }>(
      await t.app.inject({ method: 'POST', url: `/jobs/${job.id}/events/ticket`, headers: bearer(user.token) }),
    );
    const stripeSession = 'cs_test_a1B2c3D4e5F6g7H8i9J0secret';

    const requests = [
      `/auth/verify?token=${verifyToken}`,
      // The reset page itself (the SPA route the emailed link opens), and a name the server would decode.
      `/reset-password?token=${resetToken}`,
      `/auth/verify?tok%65n=${verifyToken}&lang=en`,
      `/jobs/${job.id}/events?ticket=${ticket}`,
      `/auth/me?access_token=${user.token}`,
      `/billing/confirm?session_id=${stripeSession}`,
    ];
    for (const url of requests) {
      await t.app.inject({ method: 'GET', url, headers: url.startsWith('/billing') ? bearer(user.token) : {} });
    }
    await t.app.inject({ method: 'POST', url: '/auth/reset-password', payload: { token: resetToken, password: 'new-password-1' } });

    const text = log.text();
    // Multipart uploads ran (and @fastify/multipart logs its options, request headers included, at trace level).
    expect(text).toContain('"busboyOptions"');
    // The log really holds those requests, with the parameters named and their values gone.
    expect(text).toContain('"url":"/auth/verify?token=[REDACTED]"');
    expect(text).toContain('"url":"/reset-password?token=[REDACTED]"');
    expect(text).toContain('"url":"/auth/verify?tok%65n=[REDACTED]&lang=en"');
    expect(text).toContain(`"url":"/jobs/${job.id}/events?ticket=[REDACTED]"`);
    expect(text).toContain('"url":"/auth/me?access_token=[REDACTED]"');
    expect(text).toContain('"url":"/billing/confirm?session_id=[REDACTED]"');
    for (const [name, secret] of Object.entries({ verifyToken, resetToken, ticket, accessToken: user.token, stripeSession })) {
      expect(text.includes(secret), `${name} is in the log`).toBe(false);
    }
    // Nor any piece of a JWT (each of them starts with the same base64url header).
    expect(text).not.toMatch(/eyJ[A-Za-z0-9_-]{10,}\.eyJ/);
  });
});

describe('tokens in messages and errors', () => {
  it('redacts a token inside an error message and its stack, and in a plain message', async () => {
    const log = logSink();
    const database = await freshDatabaseUrl();
    const config = loadConfig({ ...TEST_ENV, LOG_LEVEL: 'info', DATABASE_URL: database.url });
    const db = createDatabase(config.database);
    const app = await buildApp(config, { db, logStream: log.stream });
    app.get('/leaky', async (request) => {
      request.log.warn('retrying https://api.example.test/v1/things?api_key=sk_live_leaked123&page=2');
      request.log.info(`forwarding Authorization: Bearer ${'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl'}`);
      throw new Error('upstream refused https://api.example.test/cb?code=oauth-code-leaked456');
    });
    await app.ready();
    const res = await app.inject({ method: 'GET', url: '/leaky' });
    await app.close();
    await db.destroy();
    await database.drop();
    expect(res.statusCode).toBe(500);
    const text = log.text();
    expect(text).toContain('api_key=[REDACTED]&page=2');
    expect(text).toContain('code=[REDACTED]');
    expect(text).not.toContain('sk_live_leaked123');
    expect(text).not.toContain('oauth-code-leaked456');
    expect(text).toContain('forwarding Authorization: Bearer [REDACTED]');
    expect(text).not.toContain('c2lnbmF0dXJl');
  });

  it('still prints the emailed link when no SMTP server is configured, which is that mode\'s whole point', async () => {
    const log = logSink();
    const t = await createTestApp({ LOG_LEVEL: 'info' }, { logStream: log.stream });
    try {
      await t.app.inject({ method: 'POST', url: '/auth/signup', payload: { username: 'console', email: 'console@example.com', password: 'password-1' } });
      expect(log.text()).toMatch(/SMTP is not configured — email not sent\. Verify your Shortlist email for console@example\.com: http:\/\/app\.test\/verify-email\?token=eyJ/);
    } finally {
      await t.close();
    }
  });
});
