import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from './app';
import { loadConfig } from './config';
import { AppError } from './errors';
import { TEST_ENV } from '../test/test-app';
import type { FastifyInstance } from 'fastify';

describe('one error envelope for every failure', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await buildApp(loadConfig({ ...TEST_ENV, DATABASE_URL: 'sqlite://:memory:' }));
    app.get('/boom', async () => {
      throw new Error('secret internal detail: password=hunter2');
    });
    app.get('/teapot', async () => {
      throw new AppError('NO_CREDITS', 'You have no credits left');
    });
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
  });

  it('answers an unknown route with 404', async () => {
    const res = await app.inject({ method: 'GET', url: '/no/such/route' });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({ ok: false, code: 'NOT_FOUND', error: 'No route for GET /no/such/route' });
  });

  it('answers a known path with the wrong method with 405 and Allow', async () => {
    const res = await app.inject({ method: 'PUT', url: '/auth/login' });
    expect(res.statusCode).toBe(405);
    expect(res.headers['allow']).toBe('POST');
    expect(res.json()).toEqual({ ok: false, code: 'METHOD_NOT_ALLOWED', error: 'Method PUT is not allowed on /auth/login' });
  });

  it('answers malformed JSON with 400', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"username": ',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({ ok: false, code: 'INVALID_JSON', error: 'The request body is not valid JSON' });
  });

  it('answers an unsupported media type with 415', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/auth/login',
      headers: { 'content-type': 'application/xml' },
      payload: '<login/>',
    });
    expect(res.statusCode).toBe(415);
    expect(res.json()).toEqual({ ok: false, code: 'UNSUPPORTED_MEDIA_TYPE', error: 'Unsupported Content-Type for this endpoint' });
  });

  it('answers a body over the limit with 413', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/auth/signup',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ username: 'x'.repeat(2 * 1024 * 1024) }),
    });
    expect(res.statusCode).toBe(413);
    expect(res.json()).toEqual({ ok: false, code: 'PAYLOAD_TOO_LARGE', error: 'The request body is too large' });
  });

  it('answers a validation failure with 400 naming the field', async () => {
    const res = await app.inject({ method: 'POST', url: '/auth/signup', payload: { username: 'ok_name', password: 'password-1' } });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({ ok: false, code: 'VALIDATION', error: expect.stringMatching(/^email: /) });
  });

  it('maps an AppError code to its status', async () => {
    const res = await app.inject({ method: 'GET', url: '/teapot' });
    expect(res.statusCode).toBe(402);
    expect(res.json()).toEqual({ ok: false, code: 'NO_CREDITS', error: 'You have no credits left' });
  });

  it('hides the details of an unhandled exception behind a generic 500', async () => {
    const res = await app.inject({ method: 'GET', url: '/boom' });
    expect(res.statusCode).toBe(500);
    expect(res.json()).toEqual({ ok: false, code: 'INTERNAL', error: 'Something went wrong on our side. Please try again.' });
    expect(res.body).not.toContain('hunter2');
  });

  it('serves the OpenAPI document at /docs/json', async () => {
    const res = await app.inject({ method: 'GET', url: '/docs/json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json<{ paths: Record<string, unknown> }>();
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/auth/signup', '/auth/login', '/health']));
  });

  it('reports the database as reachable on /health', async () => {
    const res = await app.inject({ method: 'GET', url: '/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ ok: true, status: 'ok', database: { dialect: 'sqlite', reachable: true } });
  });

  it('says on /health that matching runs on the lexical fallback when no model can be loaded', async () => {
    // Until the first worker process has loaded, /health says the embedder is starting rather than wait.
    let res = await app.inject({ method: 'GET', url: '/health' });
    for (let i = 0; i < 200 && res.json<{ embedder: { kind: string } }>().embedder.kind === 'starting'; i++) {
      await new Promise((r) => setTimeout(r, 100));
      res = await app.inject({ method: 'GET', url: '/health' });
    }
    expect(res.json()).toMatchObject({
      embedder: { kind: 'lexical', description: expect.stringMatching(/lexical/) },
      semantic_model_available: false,
      field_extractor: 'local',
      email: 'console',
      billing_configured: false,
    });
    expect(['faiss', 'exact']).toContain(res.json<{ vector_index: string }>().vector_index);
  });
});
