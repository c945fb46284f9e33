import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorResponseSchema } from '@shortlist/contracts';
import { createUser } from '../factories';
import { startFakeStripe, type FakeStripeServer } from '../fakes/stripe-server';
import { multipart } from '../multipart';
import { bearer, body, createTestApp, type TestApp } from '../test-app';
import { completedJob } from './world';

/**
 * The tenant matrix, generated from the app's own OpenAPI document so that a new route is covered the day it is
 * added: two users, and every route that takes an id answers 404 to the one who does not own it, changes
 * nothing, and never shows a byte of the owner's data. Routes anyone may call are an explicit list.
 */

interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  default?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  minLength?: number;
  minimum?: number;
  exclusiveMinimum?: number | boolean;
  minItems?: number;
}

interface Operation {
  security?: unknown[];
  parameters?: Array<{ in: 'path' | 'query' | 'header'; name: string; required?: boolean; schema: JsonSchema }>;
  requestBody?: { content: Record<string, { schema: JsonSchema }> };
}

interface Route {
  method: string;
  path: string;
  operation: Operation;
}

/** Routes that need no login, by design. A new one must be added here on purpose. */
const PUBLIC_ROUTES = new Set([
  'GET /health',
  // Operational figures only (event-loop delay, queue depth): no tenant data.
  'GET /metrics',
  'POST /auth/signup',
  'GET /auth/verify',
  'POST /auth/verify',
  'POST /auth/resend-verification',
  'POST /auth/login',
  'POST /auth/forgot-password',
  'POST /auth/reset-password',
  // Authenticated by Stripe's signature over the raw body, not by a user.
  'POST /billing/webhook',
]);

/** The smallest value a JSON schema accepts — enough for validation to pass, so the ownership check is reached. */
function example(schema: JsonSchema): unknown {
  if (schema.const !== undefined) {
    return schema.const;
  }
  if (schema.enum) {
    return schema.enum[0];
  }
  if (schema.default !== undefined) {
    return schema.default;
  }
  const variants = schema.anyOf ?? schema.oneOf;
  if (variants) {
    return example(variants.find((v) => v.type !== 'null') ?? variants[0]!);
  }
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  switch (type) {
    case 'object':
      return Object.fromEntries(Object.entries(schema.properties ?? {}).map(([k, v]) => [k, example(v)]));
    case 'array':
      return Array.from({ length: schema.minItems ?? 0 }, () => example(schema.items ?? {}));
    case 'string':
      return 'x'.repeat(Math.max(1, schema.minLength ?? 1));
    case 'integer':
    case 'number':
      return typeof schema.exclusiveMinimum === 'number'
        ? schema.exclusiveMinimum + 1
        : schema.exclusiveMinimum === true
          ? (schema.minimum ?? 0) + 1
          : (schema.minimum ?? 1);
    case 'boolean':
      return true;
    case undefined:
    default:
      return undefined;
  }
}

const isIdParam = (name: string) => name === 'id' || /Id$|_id$/.test(name);

function combinations(choices: Array<[string, string[]]>): Array<Record<string, string>> {
  return choices.reduce<Array<Record<string, string>>>(
    (acc, [name, values]) => acc.flatMap((partial) => values.map((value) => ({ ...partial, [name]: value }))),
    [{}],
  );
}

describe('tenant isolation on every route of the OpenAPI document', () => {
  let stripe: FakeStripeServer;
  let t: TestApp;
  let alice: Awaited<ReturnType<typeof createUser>>;
  let bob: Awaited<ReturnType<typeof createUser>>;
  let routes: Route[];
  /** Every id of alice's: each id parameter is tried with each of them, so the one it names is always among them. */
  let aliceIds: string[];
  let aliceSession: string;
  let aliceJobId: number;
  let aliceCandidateId: number;
  /** Strings only alice's data contains; none may appear in anything bob is shown. */
  let secrets: string[];

  const TITLE = 'Quokka Labs — Principal Zebra Wrangler';
  const PERSON = 'Ximena Quillfeather';

  beforeAll(async () => {
    stripe = await startFakeStripe();
    t = await createTestApp(stripe.env);
    alice = await createUser(t, { username: 'alice_owner' });
    bob = await createUser(t, { username: 'bob_intruder' });
    const { job, candidate } = await completedJob(t, alice.token, { title: TITLE, person: PERSON, threshold: 0 });
    aliceJobId = job.id;
    aliceCandidateId = candidate.id;
    await t.app.inject({ method: 'POST', url: '/billing/checkout', headers: bearer(alice.token) });
    aliceSession = [...stripe.sessions.values()][0]!.id;
    aliceIds = [...new Set([String(aliceJobId), String(aliceCandidateId)])];
    secrets = [TITLE, PERSON, 'ximena.quillfeather@example.com', alice.email, alice.username, aliceSession];

    const doc = body<{ paths: Record<string, Record<string, Operation>> }>(
      await t.app.inject({ method: 'GET', url: '/docs/json' }),
    );
    routes = Object.entries(doc.paths).flatMap(([path, operations]) =>
      Object.entries(operations).map(([method, operation]) => ({ method: method.toUpperCase(), path, operation })),
    );
  });
  afterAll(async () => {
    await t.close();
    await stripe.close();
  });

  const valuesFor = (name: string): string[] => (name === 'session_id' ? [aliceSession] : aliceIds);

  /** Every concrete request for a route with alice's ids filled in (all combinations when it takes several). */
  function requestsFor(route: Route) {
    const params = route.operation.parameters ?? [];
    const idParams = params.filter((p) => (p.in === 'path' || p.in === 'query') && isIdParam(p.name));
    return combinations(idParams.map((p) => [p.name, valuesFor(p.name)])).map((values) => {
      const url = route.path.replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? 'missing');
      const query = new URLSearchParams();
      for (const p of params.filter((x) => x.in === 'query')) {
        const value = values[p.name] ?? (p.required ? String(example(p.schema)) : undefined);
        if (value !== undefined) {
          query.set(p.name, value);
        }
      }
      const json = route.operation.requestBody?.content['application/json']?.schema;
      const upload = multipart([
        { name: 'title', value: 'Intruder' },
        { name: 'files', fileName: 'intruder.txt', value: 'Intruder resume: TypeScript developer, 5 years.' },
      ]);
      const withBody =
        route.method === 'GET' || route.method === 'DELETE'
          ? {}
          : json
            ? { payload: example(json) as Record<string, unknown> }
            : { payload: upload.payload, headers: upload.headers };
      return {
        method: route.method as 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
        url: query.size > 0 ? `${url}?${query}` : url,
        ...withBody,
        hasIds: idParams.length > 0,
      };
    });
  }

  const send = (request: ReturnType<typeof requestsFor>[number], token: string | null, extraHeaders = {}) =>
    t.app.inject({
      method: request.method,
      url: request.url,
      payload: request.payload,
      headers: { ...request.headers, ...(token ? bearer(token) : {}), ...extraHeaders },
    });

  const expectNoSecrets = (res: LightMyRequestResponse, label: string) => {
    for (const secret of secrets) {
      expect(res.body.includes(secret), `${label} shows "${secret}"`).toBe(false);
    }
  };

  it('knows every route that needs no login; every other route refuses an anonymous caller with 401', async () => {
    const publicRoutes = routes.filter((r) => !r.operation.security).map((r) => `${r.method} ${r.path}`);
    expect(publicRoutes.sort()).toEqual([...PUBLIC_ROUTES].sort());
    const secured = routes.filter((r) => r.operation.security);
    expect(secured.length).toBeGreaterThan(12);
    for (const route of secured) {
      for (const request of requestsFor(route)) {
        const res = await send(request, null);
        expect(res.statusCode, `${request.method} ${request.url}`).toBe(401);
        expect(errorResponseSchema.parse(res.json()).code).toBe('UNAUTHORIZED');
        expectNoSecrets(res, `${request.method} ${request.url}`);
      }
    }
  });

  it('never takes an access token from the query string, on any secured route', async () => {
    for (const route of routes.filter((r) => r.operation.security && r.method === 'GET')) {
      for (const request of requestsFor(route)) {
        const separator = request.url.includes('?') ? '&' : '?';
        const res = await send({ ...request, url: `${request.url}${separator}access_token=${alice.token}` }, null);
        expect(res.statusCode, `${request.method} ${request.url}?access_token=`).toBe(401);
        expectNoSecrets(res, `${request.method} ${request.url}?access_token=`);
      }
    }
  });

  it("answers 404 to another user on every id route, changes none of the owner's data and shows none of it", async () => {
    const creditsBefore = body<{ user: { free_trial_remaining: number } }>(
      await t.app.inject({ method: 'GET', url: '/auth/me', headers: bearer(alice.token) }),
    ).user.free_trial_remaining;
    let idRequests = 0;
    for (const route of routes.filter((r) => r.operation.security)) {
      // Bob's own writes without an id (a job, a checkout) would only create bob's data — and ids that could
      // collide with the ones tried here.
      for (const request of requestsFor(route).filter((q) => q.hasIds || q.method === 'GET')) {
        const res = await send(request, bob.token);
        const label = `bob: ${request.method} ${request.url}`;
        expectNoSecrets(res, label);
        expect(res.statusCode, label).toBeLessThan(500);
        if (request.hasIds) {
          idRequests += 1;
          expect(res.statusCode, `${label} → ${res.body}`).toBe(404);
          expect(errorResponseSchema.parse(res.json()).code).toBe('NOT_FOUND');
        }
      }
    }
    await t.app.jobs.idle();
    // Every id route was tried, with every combination of alice's ids.
    expect(idRequests).toBeGreaterThanOrEqual(10);

    const job = await t.app.inject({ method: 'GET', url: `/jobs/${aliceJobId}`, headers: bearer(alice.token) });
    expect(body<{ job: { title: string; status: string } }>(job).job).toMatchObject({ title: TITLE, status: 'completed' });
    const { candidates } = body<{ candidates: Array<{ id: number; name: string; status: string; stage: string }> }>(
      await t.app.inject({ method: 'GET', url: `/jobs/${aliceJobId}/candidates`, headers: bearer(alice.token) }),
    );
    expect(candidates).toEqual([expect.objectContaining({ id: aliceCandidateId, name: PERSON, stage: 'new' })]);
    const creditsAfter = body<{ user: { free_trial_remaining: number } }>(
      await t.app.inject({ method: 'GET', url: '/auth/me', headers: bearer(alice.token) }),
    ).user.free_trial_remaining;
    expect(creditsAfter).toBe(creditsBefore);
  });

  it('lets the owner reach every id route with the same requests (so the 404s above are about ownership)', async () => {
    const idRoutes = routes.filter((r) => r.operation.security && requestsFor(r).some((q) => q.hasIds));
    // Reads first, the deletion last: each check must find alice's data still there.
    const order = (r: Route) => ['GET', 'PATCH', 'POST', 'PUT', 'DELETE'].indexOf(r.method);
    for (const route of idRoutes.sort((a, b) => order(a) - order(b))) {
      const statuses: number[] = [];
      for (const request of requestsFor(route)) {
        statuses.push((await send(request, alice.token)).statusCode);
        await t.app.jobs.idle();
      }
      expect(
        statuses.some((s) => s !== 404),
        `${route.method} ${route.path}: alice gets ${statuses.join(', ')} with her own ids`,
      ).toBe(true);
    }
  });
});
