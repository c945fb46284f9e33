import { idParamSchema } from '@shortlist/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { DB } from '../../db/database';
import type { createAuthGuards } from '../auth/auth.guard';
import { exportShortlisted } from './export.service';

const exportQuerySchema = z.object({
  format: z.enum(['csv', 'xlsx'], { message: 'format must be csv or xlsx' }).default('csv'),
});

export function exportRoutes(deps: { db: DB }, guards: ReturnType<typeof createAuthGuards>): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/export/job/:id/shortlisted',
      {
        preHandler: guards.requireUser,
        schema: {
          tags: ['export'],
          security: [{ bearerAuth: [] }],
          description: 'Shortlisted candidates of one job as CSV (UTF-8 with BOM) or XLSX, in the table order.',
          params: idParamSchema,
          querystring: exportQuerySchema,
        },
      },
      async (request, reply) => {
        const file = await exportShortlisted(deps, request.userId, request.params.id, request.query.format);
        return reply
          .header('content-type', file.contentType)
          .header('content-disposition', `attachment; filename="${file.fileName}"`)
          // Lets a cross-origin frontend (Vite dev server) read the suggested file name.
          .header('access-control-expose-headers', 'Content-Disposition')
          // Candidate contact details: no shared or browser caches.
          .header('cache-control', 'no-store')
          .send(file.body);
      },
    );
  };
}
