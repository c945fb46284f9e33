import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorResponseSchema, type ErrorCode } from '@shortlist/contracts';
import { buildApp } from '../../src/app';
import { loadConfig } from '../../src/config';
import { createDatabase, type DB } from '../../src/db/database';
import { AppError } from '../../src/errors';
import { pdfFromLines } from '../documents';
import { createUser } from '../factories';
import { resumeUpload } from '../multipart';
import { TEST_ENV, bearer, body, createTestApp, type TestApp } from '../test-app';
import { freshDatabaseUrl } from '../test-db';
import { resumeLines } from './world';

function expectError(res: LightMyRequestResponse, status: number, code: ErrorCode) {
  expect(res.statusCode, res.body).toBe(status);
  // The contract's schema: `code` must be one of the documented codes.
  expect(errorResponseSchema.parse(res.json())).toMatchObject({ ok: false, code });
  expect(res.body).not.toMatch(/at .*\.(ts|js):\d+/);
}

describe('truncated and malformed multipart bodies', () => {
  let t: TestApp;
  let user: Awaited<ReturnType<typeof createUser>>;
  let jobId: number;

  beforeAll(async () => {
    t = await createTestApp();
    user = await createUser(t);
    jobId = body<{ job: { id: number } }>(
      await t.app.inject({ method: 'POST', url: '/jobs', headers: bearer(user.token), payload: { title: 'Multipart', description: 'Python developer' } }),
    ).job.id;
  });
  afterAll(async () => {
    await t.close();
  });

  const boundary = 'ShortlistBoundary42';
  const filePart = (b: string) =>
    `--${b}\r\nContent-Disposition: form-data; name="files"; filename="a.txt"\r\nContent-Type: text/plain\r\n\r\nPython developer, 5 years`;
  const cases: Array<[string, string, string]> = [
    ['a body cut off mid-file', `multipart/form-data; boundary=${boundary}`, filePart(boundary)],
    ['a body cut off in a part header', `multipart/form-data; boundary=${boundary}`, `--${boundary}\r\nContent-Disposition: form-da`],
    ['no boundary in Content-Type', 'multipart/form-data', `${filePart(boundary)}\r\n--${boundary}--\r\n`],
    ['an empty boundary', 'multipart/form-data; boundary=', `${filePart(boundary)}\r\n--${boundary}--\r\n`],
    ['a boundary the body never uses', 'multipart/form-data; boundary=SomethingElse', `${filePart(boundary)}\r\n--${boundary}--\r\n`],
    ['an absurdly long boundary', `multipart/form-data; boundary=${'b'.repeat(300)}`, filePart('b'.repeat(300))],
  ];

  it.each(cases)('answers %s with 400 MALFORMED_MULTIPART on a resume upload', async (_label, contentType, payload) => {
    const res = await t.app.inject({
      method: 'POST',
      url: `/jobs/${jobId}/resumes`,
      headers: { ...bearer(user.token), 'content-type': contentType },
      payload,
    });
    expectError(res, 400, 'MALFORMED_MULTIPART');
    expect(body(res).error).toMatch(/truncated or malformed/);
  });

  it.each(cases)('answers %s with 400 MALFORMED_MULTIPART when creating a job from a JD file', async (_label, contentType, payload) => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/jobs',
      headers: { ...bearer(user.token), 'content-type': contentType },
      payload: payload.replace('name="files"', 'name="jd_file"'),
    });
    expectError(res, 400, 'MALFORMED_MULTIPART');
  });

  it('still takes a well-formed upload afterwards, and charged nothing for the broken ones', async () => {
    const before = body<{ user: { free_trial_remaining: number } }>(await t.app.inject({ method: 'GET', url: '/auth/me', headers: bearer(user.token) })).user;
    const upload = resumeUpload([{ fileName: 'ok.pdf', bytes: await pdfFromLines(resumeLines('Well Formed')) }]);
    const res = await t.app.inject({ method: 'POST', url: `/jobs/${jobId}/resumes`, headers: { ...bearer(user.token), ...upload.headers }, payload: upload.payload });
    expect(body<{ accepted: number }>(res).accepted).toBe(1);
    expect(before.free_trial_remaining).toBe(t.config.freeTrialCredits);
    await t.app.jobs.idle();
  });
});

describe('CORS: same origin only unless CORS_ORIGINS says otherwise', () => {
  const preflight = (app: FastifyInstance, origin: string) =>
    app.inject({
      method: 'OPTIONS',
      url: '/auth/login',
      headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    });

  it.each(['development', 'production', 'test'] as const)('reflects no foreign origin in NODE_ENV=%s', async (env) => {
    const t = await createTestApp({ NODE_ENV: env });
    const { app, config } = t;
    try {
      const simple = await app.inject({ method: 'GET', url: '/health', headers: { origin: 'https://evil.example' } });
      expect(simple.statusCode).toBe(200);
      expect(simple.headers['access-control-allow-origin']).toBeUndefined();
      const pre = await preflight(app, 'https://evil.example');
      expect(pre.headers['access-control-allow-origin']).toBeUndefined();
      expect(pre.headers['access-control-allow-methods']).toBeUndefined();
      // Not even the app's own public URL needs CORS: the bundled UI is same-origin.
      const own = await app.inject({ method: 'GET', url: '/health', headers: { origin: config.appUrl } });
      expect(own.headers['access-control-allow-origin']).toBeUndefined();
    } finally {
      await t.close();
    }
  });

  it('allows exactly the listed origins, and never reflects another', async () => {
    const t = await createTestApp({ CORS_ORIGINS: 'https://app.example.com, http://localhost:5173' });
    try {
      const allowed = await t.app.inject({ method: 'GET', url: '/health', headers: { origin: 'https://app.example.com' } });
      expect(allowed.headers['access-control-allow-origin']).toBe('https://app.example.com');
      expect(String(allowed.headers['vary'])).toMatch(/origin/i);
      const pre = await preflight(t.app, 'http://localhost:5173');
      expect(pre.statusCode).toBe(204);
      expect(pre.headers['access-control-allow-origin']).toBe('http://localhost:5173');
      for (const origin of ['https://evil.example', 'https://app.example.com.evil.example', 'null', 'https://APP.example.com:443x']) {
        const res = await t.app.inject({ method: 'GET', url: '/health', headers: { origin } });
        expect(res.headers['access-control-allow-origin'], origin).toBeUndefined();
        expect((await preflight(t.app, origin)).headers['access-control-allow-origin'], origin).toBeUndefined();
      }
    } finally {
      await t.close();
    }
  });
});

describe('signup does not say which of username and email is taken', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('answers a taken username and a taken email with the same status and the same body', async () => {
    const signup = (payload: Record<string, string>) => t.app.inject({ method: 'POST', url: '/auth/signup', payload });
    expect((await signup({ username: 'existing', email: 'existing@example.com', password: 'password-1' })).statusCode).toBe(201);
    const takenName = await signup({ username: 'existing', email: 'fresh@example.com', password: 'password-1' });
    const takenEmail = await signup({ username: 'fresh_name', email: 'existing@example.com', password: 'password-1' });
    const takenBoth = await signup({ username: 'existing', email: 'existing@example.com', password: 'password-1' });
    expectError(takenName, 409, 'CONFLICT');
    expect(takenEmail.statusCode).toBe(takenName.statusCode);
    expect(takenEmail.body).toBe(takenName.body);
    expect(takenBoth.body).toBe(takenName.body);
  });
});

describe('every kind of failure carries a stable code', () => {
  let app: FastifyInstance;
  let db: DB;
  let database: Awaited<ReturnType<typeof freshDatabaseUrl>>;
  let user: Awaited<ReturnType<typeof createUser>>;
  let unverified: Awaited<ReturnType<typeof createUser>>;
  let broke: Awaited<ReturnType<typeof createUser>>;

  beforeAll(async () => {
    database = await freshDatabaseUrl();
    const config = loadConfig({ ...TEST_ENV, AUTH_RATE_LIMIT_MAX: '2', DATABASE_URL: database.url });
    db = createDatabase(config.database);
    app = await buildApp(config, { db });
    app.get('/boom', async () => {
      throw new Error('secret internal detail');
    });
    app.get('/gone', async () => {
      throw new AppError('GONE', 'It was here');
    });
    await app.ready();
    user = await createUser({ db, config });
    unverified = await createUser({ db, config }, { isVerified: false });
    broke = await createUser({ db, config }, { freeTrialRemaining: 0 });
  });
  afterAll(async () => {
    await app.close();
    await db.destroy();
    await database.drop();
  });

  const jobOf = async (token: string) =>
    (await app.inject({ method: 'POST', url: '/jobs', headers: bearer(token), payload: { title: 'T', description: 'Python developer' } })).json<{ job: { id: number } }>().job.id;
  const uploadTo = async (token: string, jobId: number) => {
    const upload = resumeUpload([{ fileName: 'a.pdf', bytes: await pdfFromLines(resumeLines('Code Checker')) }]);
    return app.inject({ method: 'POST', url: `/jobs/${jobId}/resumes`, headers: { ...bearer(token), ...upload.headers }, payload: upload.payload });
  };

  it('VALIDATION, INVALID_JSON, UNAUTHORIZED, NOT_FOUND, METHOD_NOT_ALLOWED, PAYLOAD_TOO_LARGE, UNSUPPORTED_MEDIA_TYPE', async () => {
    expectError(await app.inject({ method: 'POST', url: '/auth/signup', payload: { username: 'x' } }), 400, 'VALIDATION');
    expectError(await app.inject({ method: 'GET', url: '/jobs/not-a-number', headers: bearer(user.token) }), 400, 'VALIDATION');
    expectError(
      await app.inject({ method: 'POST', url: '/auth/verify', headers: { 'content-type': 'application/json' }, payload: '{"token":' }),
      400,
      'INVALID_JSON',
    );
    expectError(await app.inject({ method: 'GET', url: '/auth/me' }), 401, 'UNAUTHORIZED');
    expectError(await app.inject({ method: 'GET', url: '/no/such/route' }), 404, 'NOT_FOUND');
    expectError(await app.inject({ method: 'GET', url: '/jobs/999999', headers: bearer(user.token) }), 404, 'NOT_FOUND');
    expectError(await app.inject({ method: 'DELETE', url: '/auth/me', headers: bearer(user.token) }), 405, 'METHOD_NOT_ALLOWED');
    expectError(
      await app.inject({ method: 'POST', url: '/auth/verify', headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ token: 'x'.repeat(2 * 1024 * 1024) }) }),
      413,
      'PAYLOAD_TOO_LARGE',
    );
    expectError(
      await app.inject({ method: 'POST', url: '/auth/verify', headers: { 'content-type': 'text/xml' }, payload: '<token/>' }),
      415,
      'UNSUPPORTED_MEDIA_TYPE',
    );
    const jobId = await jobOf(user.token);
    expectError(
      await app.inject({ method: 'POST', url: `/jobs/${jobId}/resumes`, headers: { ...bearer(user.token), 'content-type': 'application/json' }, payload: '{}' }),
      415,
      'UNSUPPORTED_MEDIA_TYPE',
    );
  });

  it('EMAIL_NOT_VERIFIED, NO_CREDITS, CONFLICT, GONE, NOT_CONFIGURED, INTERNAL', async () => {
    expectError(await uploadTo(unverified.token, await jobOf(unverified.token)), 403, 'EMAIL_NOT_VERIFIED');
    expectError(await uploadTo(broke.token, await jobOf(broke.token)), 402, 'NO_CREDITS');
    expectError(
      await app.inject({ method: 'POST', url: '/auth/signup', payload: { username: user.username, email: 'new@example.com', password: 'password-1' } }),
      409,
      'CONFLICT',
    );
    expectError(await app.inject({ method: 'GET', url: '/gone' }), 410, 'GONE');
    expectError(await app.inject({ method: 'POST', url: '/billing/checkout', headers: bearer(user.token) }), 503, 'NOT_CONFIGURED');
    const boom = await app.inject({ method: 'GET', url: '/boom' });
    expectError(boom, 500, 'INTERNAL');
    expect(boom.body).not.toContain('secret internal detail');
  });

  it('RATE_LIMITED, with Retry-After', async () => {
    const statuses: number[] = [];
    let last: LightMyRequestResponse | undefined;
    for (let i = 0; i < 3; i++) {
      last = await app.inject({ method: 'POST', url: '/auth/forgot-password', payload: { email: 'someone@example.com' } });
      statuses.push(last.statusCode);
    }
    expect(statuses).toEqual([200, 200, 429]);
    expectError(last!, 429, 'RATE_LIMITED');
    expect(Number(last!.headers['retry-after'])).toBeGreaterThanOrEqual(1);
  });

  it('documents the error envelope, with its code, on every operation of the OpenAPI document', async () => {
    const doc = (await app.inject({ method: 'GET', url: '/docs/json' })).json<{
      paths: Record<string, Record<string, { security?: unknown; responses: Record<string, { content?: Record<string, { schema: { properties?: Record<string, { enum?: string[] }> } }> }> }>>;
    }>();
    let operations = 0;
    for (const [path, methods] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(methods)) {
        operations += 1;
        const label = `${method.toUpperCase()} ${path}`;
        const errorStatuses = Object.keys(op.responses).filter((s) => /^[45]/.test(s));
        expect(errorStatuses, label).toEqual(expect.arrayContaining(['400', '500', '4XX']));
        if (op.security) {
          expect(errorStatuses, label).toContain('401');
        }
        if (path.includes('{')) {
          expect(errorStatuses, label).toContain('404');
        }
        for (const status of errorStatuses) {
          const schema = op.responses[status]?.content?.['application/json']?.schema;
          expect(schema?.properties?.['code']?.enum, `${label} ${status}`).toEqual(expect.arrayContaining(['NOT_FOUND', 'RATE_LIMITED', 'INTERNAL']));
        }
      }
    }
    expect(operations).toBeGreaterThan(20);
    expect(Object.keys(doc.paths['/auth/login']!['post']!.responses)).toContain('429');
  });
});
