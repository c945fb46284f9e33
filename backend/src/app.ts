import fs from 'node:fs';
import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import type { z } from 'zod';
import cors from '@fastify/cors';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { errorResponseSchema } from '@shortlist/contracts';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { BACKEND_ROOT, type Config, type TrustProxy } from './config';
import { createDatabase, migrateToLatest, type DB } from './db/database';
import { rateLimited, registerErrorHandling, routePattern } from './errors';
import { loggerOptions } from './logging';
import { createAuthGuards } from './modules/auth/auth.guard';
import { authRoutes } from './modules/auth/auth.routes';
import { billingRoutes } from './modules/billing/billing.routes';
import { exportRoutes } from './modules/export/export.routes';
import { statsRoutes } from './modules/stats/stats.routes';
import { createMailer, type Mailer } from './modules/auth/mailer';
import { createRateLimitStore } from './modules/auth/throttle';
import { healthRoutes } from './modules/health/health.routes';
import { jobsRoutes } from './modules/jobs/jobs.routes';
import { candidatesRoutes } from './modules/candidates/candidates.routes';
import { vocabularyRoutes } from './modules/vocabulary/vocabulary.routes';
import { createCandidatesService } from './modules/candidates/candidates.service';
import { createMetrics } from './modules/health/metrics';
import { createJobsService, type JobsService } from './modules/jobs/jobs.service';
import { createProcessing, type Processing } from './modules/jobs/processing';

declare module 'fastify' {
  interface FastifyInstance {
    /** The jobs service, for tests and the benchmark that wait for background processing. */
    jobs: JobsService;
  }
}

export interface AppDeps {
  db: DB;
  mailer: Mailer;
  processing: Processing;
  /** The screening worker's entry point (tests substitute one that injects faults). */
  workerEntry: string;
  /** Where log lines go (default stdout); tests pass a sink to read what the log really contains. */
  logStream: { write(line: string): void };
}

const FRONTEND_DIST = path.resolve(BACKEND_ROOT, '..', 'frontend', 'dist');

function readVersion(): string {
  try {
    const pkg = JSON.parse(fs.readFileSync(path.resolve(BACKEND_ROOT, '..', 'package.json'), 'utf8')) as {
      version?: string;
    };
    return pkg.version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}

/**
 * TRUST_PROXY onto Fastify's option: a hop count trusts that many proxies nearest the app (the function form,
 * which is what Fastify builds from a number itself); addresses and CIDRs go through as a list.
 */
function fastifyTrustProxy(setting: TrustProxy): boolean | string[] | ((address: string, hop: number) => boolean) {
  if (typeof setting === 'number') {
    return (_address, hop) => hop < setting;
  }
  return setting;
}

const errorResponse = (description: string) => errorResponseSchema.describe(description);

/**
 * Adds the error envelope to a route's documented responses: the statuses this route can answer with, plus a
 * catch-all, so a client generated from /docs/json knows every failure body.
 */
function withErrorResponses<S extends { response?: unknown; security?: unknown; hide?: boolean }>(
  schema: S,
  route: { url: string; config?: unknown },
): S {
  if (schema.hide) {
    return schema;
  }
  const isRateLimited = Boolean((route.config as { rateLimit?: unknown } | undefined)?.rateLimit);
  const errors: Record<string, z.ZodType> = {
    400: errorResponse('Invalid request: `VALIDATION`, `INVALID_JSON`, `MALFORMED_MULTIPART` or `BAD_REQUEST`'),
    ...(schema.security ? { 401: errorResponse('`UNAUTHORIZED`: missing, invalid, expired or revoked access token') } : {}),
    ...(route.url.includes(':') ? { 404: errorResponse('`NOT_FOUND` — also for another user\'s ids') } : {}),
    ...(isRateLimited ? { 429: errorResponse('`RATE_LIMITED`: see the Retry-After header (seconds)') } : {}),
    500: errorResponse('`INTERNAL`: an unexpected error (generic message; details in the server log)'),
    '4XX': errorResponse('Any other failure, with its code (e.g. `PAYLOAD_TOO_LARGE`, `RATE_LIMITED`, `NO_CREDITS`)'),
  };
  return { ...schema, response: { ...errors, ...(schema.response as Record<string, unknown> | undefined) } };
}

/**
 * Builds the whole app — plugins, then modules — without listening. Tests call `app.inject()`;
 * main.ts calls `listen()`. Dependencies not passed in are created from the config (and closed with the app).
 */
export async function buildApp(config: Config, overrides: Partial<AppDeps> = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: loggerOptions(config, overrides.logStream),
    // JSON bodies are small; resumes arrive as multipart, which has its own per-file limit.
    bodyLimit: 1024 * 1024,
    // Off unless TRUST_PROXY names the proxies (or their number): otherwise any client could choose the IP the
    // rate limits see by sending X-Forwarded-For.
    trustProxy: fastifyTrustProxy(config.security.trustProxy),
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  const db = overrides.db ?? createDatabase(config.database);
  if (!overrides.db) {
    app.addHook('onClose', async () => {
      await db.destroy();
    });
  }
  await migrateToLatest(db);
  const mailer = overrides.mailer ?? createMailer(config, app.log);
  if (config.jwt.isEphemeral) {
    app.log.warn('JWT_SECRET is not set: using a random per-process secret (every restart signs everyone out)');
  }

  const processing = overrides.processing ?? createProcessing(config, app.log, { workerEntry: overrides.workerEntry });
  if (!overrides.processing) {
    app.addHook('onClose', async () => {
      await processing.close();
    });
  }
  const metrics = createMetrics({ pool: processing.screening.pool, queue: processing.queue });
  app.addHook('onClose', async () => {
    metrics.close();
  });

  const routes: Array<{ method: string; pattern: RegExp }> = [];
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    // CORS answers OPTIONS for every path; that must not turn unknown paths into 405s.
    for (const method of methods.filter((m) => m !== 'OPTIONS')) {
      routes.push({ method, pattern: routePattern(route.url) });
    }
  });
  const hasFrontend = fs.existsSync(path.join(FRONTEND_DIST, 'index.html'));
  registerErrorHandling(app, routes);

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: { 'img-src': ["'self'", 'data:', 'blob:'], 'script-src': ["'self'"] },
    },
  });
  // Same origin only unless CORS_ORIGINS lists others, in every NODE_ENV; an origin is never reflected unless listed.
  const corsOrigins = new Set(config.security.corsOrigins);
  await app.register(cors, {
    origin: (origin, callback) => callback(null, origin !== undefined && corsOrigins.has(origin)),
  });
  // Counted in the database, so the limits hold across restarts and across API processes sharing it.
  await app.register(rateLimit, {
    global: false,
    store: createRateLimitStore(db),
    errorResponseBuilder: (_request, context) =>
      rateLimited(`Too many requests — try again in ${context.after}`, context.ttl),
  });
  await app.register(multipart, {
    throwFileSizeLimit: false,
    limits: {
      fileSize: config.maxFileSizeBytes,
      // An oversized file is rejected on its own (flagged as truncated); the rest of the batch goes on.
      files: config.maxFilesPerUpload,
      fieldSize: 200_000,
      parts: config.maxFilesPerUpload + 20,
    },
  });
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Shortlist API',
        version: readVersion(),
        description:
          'Every response is `{ ok: true, … }` or `{ ok: false, error, code }`: `error` is for people, `code` a stable value to branch on (listed on each error response). Rate-limited answers (429) carry `Retry-After`.',
      },
      components: { securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } } },
    },
    transform: (input) =>
      jsonSchemaTransform({ ...input, schema: withErrorResponses(input.schema ?? {}, input.route) }),
  });
  await app.register(swaggerUi, { routePrefix: '/docs', staticCSP: true });

  const guards = createAuthGuards({ db, config });
  await app.register(
    healthRoutes({
      db,
      config,
      metrics,
      info: {
        version: readVersion(),
        screening: () => processing.screening.describe(),
        emailTransport: mailer.kind,
        queue: { kind: processing.queue.kind, counts: () => processing.queue.counts() },
        processesHere: config.processing.apiProcessing,
      },
    }),
  );
  await app.register(authRoutes({ db, config, mailer }, guards));
  await app.register(billingRoutes({ db, config }, guards));
  await app.register(exportRoutes({ db }, guards));
  await app.register(statsRoutes({ db }, guards));
  const jobs = createJobsService({
    db,
    config,
    screening: processing.screening,
    queue: processing.queue,
    progress: processing.progress,
    log: app.log,
  });
  app.decorate('jobs', jobs);
  await app.register(jobsRoutes(jobs, guards, config));
  await app.register(candidatesRoutes(createCandidatesService({ db }), guards));
  await app.register(vocabularyRoutes(processing.screening.pool.tasks('interactive'), guards));
  app.addHook('onReady', async () => {
    await jobs.start();
    // Warm the first worker process in the background, so the first upload does not wait for a model load.
    void processing.screening.describe().catch(() => undefined);
  });
  app.addHook('onClose', async () => {
    await jobs.shutdown();
  });

  if (hasFrontend) {
    await app.register(fastifyStatic, { root: FRONTEND_DIST, wildcard: false, index: false });
    // The browser's own navigations (Accept: text/html) get the single-page app, even on paths like
    // /jobs/3 that are also API routes; API clients ask for JSON, EventSource for text/event-stream.
    app.addHook('onRequest', async (request, reply) => {
      const urlPath = request.url.split('?')[0] ?? '/';
      if (
        request.method === 'GET' &&
        (request.headers.accept ?? '').includes('text/html') &&
        !urlPath.startsWith('/docs') &&
        !/\.[a-z0-9]+$/i.test(urlPath)
      ) {
        return reply.type('text/html').sendFile('index.html');
      }
    });
  }
  return app;
}
