import { statsQuerySchema, statsSchema } from '@shortlist/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { DB } from '../../db/database';
import type { createAuthGuards } from '../auth/auth.guard';
import { getStats } from './stats.service';

export function statsRoutes(deps: { db: DB }, guards: ReturnType<typeof createAuthGuards>): FastifyPluginAsyncZod {
  return async (app) => {
    // A static path: Fastify's router prefers it to the jobs module's `/jobs/:id`, whatever the order.
    app.get(
      '/jobs/stats',
      {
        preHandler: guards.requireUser,
        schema: {
          tags: ['stats'],
          security: [{ bearerAuth: [] }],
          description: 'Summary cards and score buckets, for all of the user\'s jobs or one (`job_id`).',
          querystring: statsQuerySchema,
          response: { 200: z.object({ ok: z.literal(true), stats: statsSchema }) },
        },
      },
      async (request) => ({ ok: true as const, stats: await getStats(deps, request.userId, request.query.job_id) }),
    );
  };
}
