import { exportSelectionRequestSchema, idParamSchema } from '@shortlist/contracts';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { DB } from '../../db/database';
import type { createAuthGuards } from '../auth/auth.guard';
import { exportSelection, exportShortlisted, type ExportFile } from './export.service';

const exportQuerySchema = z.object({
  format: z.enum(['csv', 'xlsx'], { message: 'format must be csv or xlsx' }).default('csv'),
});

function sendFile(reply: FastifyReply, file: ExportFile) {
  return reply
    .header('content-type', file.contentType)
    .header('content-disposition', `attachment; filename="${file.fileName}"`)
    // Lets a cross-origin frontend (Vite dev server) read the suggested file name.
    .header('access-control-expose-headers', 'Content-Disposition')
    // Candidate contact details: no shared or browser caches.
    .header('cache-control', 'no-store')
    .send(file.body);
}

export function exportRoutes(deps: { db: DB }, guards: ReturnType<typeof createAuthGuards>): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/export/job/:id/shortlisted',
      {
        preHandler: guards.requireUser,
        schema: {
          tags: ['export'],
          security: [{ bearerAuth: [] }],
          description:
            'The candidates a person shortlisted (stage `shortlisted`) as CSV (UTF-8 with BOM) or XLSX, Match % descending, ' +
            'with the recommendation, the stage, who decided and when.',
          params: idParamSchema,
          querystring: exportQuerySchema,
        },
      },
      async (request, reply) => {
        return sendFile(reply, await exportShortlisted(deps, request.userId, request.params.id, request.query.format));
      },
    );

    app.post(
      '/export/job/:id/selection',
      {
        preHandler: guards.requireUser,
        schema: {
          tags: ['export'],
          security: [{ bearerAuth: [] }],
          description:
            'The selected candidates (`candidate_ids`, up to 1,000, in that order) as CSV or XLSX, same columns as the shortlist ' +
            'export. Under blind review a candidate not yet shortlisted is exported without name, contact or file name.',
          params: idParamSchema,
          body: exportSelectionRequestSchema,
        },
      },
      async (request, reply) =>
        sendFile(
          reply,
          await exportSelection(deps, request.userId, request.params.id, request.body.candidate_ids, request.body.format),
        ),
    );
  };
}
