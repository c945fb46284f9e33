import { sql } from 'kysely';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Config } from '../../config';
import type { DB } from '../../db/database';
import { AppError } from '../../errors';

export interface HealthInfo {
  version: string;
  /** Filled by the screening runtime once it has loaded the model and the index. */
  screening: () => {
    embedder: { kind: string; description: string };
    vector_index: string;
    semantic_model_available: boolean;
    field_extractor: string;
  };
  emailTransport: string;
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
});

export function healthRoutes(deps: { db: DB; config: Config; info: HealthInfo }): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/health', { schema: { tags: ['health'], response: { 200: healthResponse } } }, async (request) => {
      try {
        await sql`select 1`.execute(deps.db);
      } catch (err) {
        request.log.error({ err }, 'health: database unreachable');
        throw new AppError('NOT_CONFIGURED', 'Database unreachable');
      }
      return {
        ok: true as const,
        status: 'ok' as const,
        version: deps.info.version,
        node: process.version,
        database: { dialect: deps.config.database.dialect, reachable: true },
        ...deps.info.screening(),
        email: deps.info.emailTransport,
        billing_configured: Boolean(deps.config.stripe.secretKey),
      };
    });
  };
}
