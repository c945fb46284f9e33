import { sql } from 'kysely';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Config } from '../../config';
import type { DB } from '../../db/database';
import { AppError } from '../../errors';
import type { Metrics } from './metrics';

export interface HealthInfo {
  version: string;
  /** What the worker processes run on (waits for the first one to be ready). */
  screening: () => Promise<{
    embedder: { kind: string; description: string };
    vector_index: string;
    semantic_model_available: boolean;
    field_extractor: string;
  }>;
  emailTransport: string;
  queue: { kind: 'memory' | 'bullmq'; counts: () => Promise<{ waiting: number; active: number }> };
  processesHere: boolean;
}

const healthResponse = z.object({
  ok: z.literal(true),
  status: z.literal('ok'),
  version: z.string(),
  node: z.string(),
  database: z.object({ dialect: z.enum(['sqlite', 'mysql']), reachable: z.boolean() }),
  embedder: z.object({ kind: z.string(), description: z.string() }),
  vector_index: z.string(),
  semantic_model_available: z.boolean(),
  field_extractor: z.string(),
  email: z.string(),
  billing_configured: z.boolean(),
  /** This process's event loop over the last ~10 s: it must stay responsive whatever is being processed. */
  event_loop_delay: z.object({ p50_ms: z.number(), p99_ms: z.number(), max_ms: z.number() }),
  queue: z.object({
    kind: z.enum(['memory', 'bullmq']),
    waiting: z.number().int().nullable(),
    active: z.number().int().nullable(),
    processes_here: z.boolean(),
  }),
});

const SCREENING_WAIT_MS = 500;

export function healthRoutes(deps: { db: DB; config: Config; info: HealthInfo; metrics: Metrics }): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/health', { schema: { tags: ['health'], response: { 200: healthResponse } } }, async (request) => {
      try {
        await sql`select 1`.execute(deps.db);
      } catch (err) {
        request.log.error({ err }, 'health: database unreachable');
        throw new AppError('NOT_CONFIGURED', 'Database unreachable');
      }
      const starting = {
        embedder: { kind: 'starting', description: 'the screening worker processes are starting' },
        vector_index: 'starting',
        semantic_model_available: false,
        field_extractor: deps.config.groq ? 'groq' : 'local',
      };
      // Health answers at once even while the first worker loads its model.
      const screening = await Promise.race([
        deps.info.screening(),
        new Promise<typeof starting>((resolve) => setTimeout(() => resolve(starting), SCREENING_WAIT_MS).unref()),
      ]);
      const counts = await deps.info.queue.counts().catch(() => null);
      return {
        ok: true as const,
        status: 'ok' as const,
        version: deps.info.version,
        node: process.version,
        database: { dialect: deps.config.database.dialect, reachable: true },
        ...screening,
        email: deps.info.emailTransport,
        billing_configured: Boolean(deps.config.stripe.secretKey),
        event_loop_delay: deps.metrics.eventLoopDelay(),
        queue: {
          kind: deps.info.queue.kind,
          waiting: counts?.waiting ?? null,
          active: counts?.active ?? null,
          processes_here: deps.info.processesHere,
        },
      };
    });

    app.get(
      '/metrics',
      {
        schema: {
          tags: ['health'],
          description:
            'Prometheus text format (`text/plain; version=0.0.4`): event-loop delay, queue depth, worker processes and tasks, Node process metrics. No tenant data; keep it behind your firewall like any metrics endpoint.',
        },
      },
      async (_request, reply) => {
        const body = await deps.metrics.registry.metrics();
        return reply.type(deps.metrics.registry.contentType).send(body);
      },
    );
  };
}
