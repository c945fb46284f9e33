import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { candidateSchema, idParamSchema, updateCandidateStatusRequestSchema } from '@shortlist/contracts';
import type { createAuthGuards } from '../auth/auth.guard';
import type { CandidatesService } from './candidates.service';

export function candidatesRoutes(
  candidates: CandidatesService,
  guards: ReturnType<typeof createAuthGuards>,
): FastifyPluginAsyncZod {
  return async (app) => {
    const auth = { preHandler: guards.requireUser };
    const security = [{ bearerAuth: [] }];

    app.get(
      '/jobs/:id/candidates',
      {
        ...auth,
        schema: {
          tags: ['candidates'],
          security,
          params: idParamSchema,
          response: {
            200: z.object({ ok: z.literal(true), candidates: z.array(candidateSchema), shortlist_threshold: z.number() }),
          },
        },
      },
      async (request) => ({ ok: true as const, ...(await candidates.listCandidates(request.userId, request.params.id)) }),
    );

    app.patch(
      '/jobs/:id/candidates/:candidateId',
      {
        ...auth,
        schema: {
          tags: ['candidates'],
          security,
          description: "A recruiter overrides a candidate's status by hand; re-scoring keeps the override.",
          params: idParamSchema.extend({ candidateId: z.coerce.number().int().positive() }),
          body: updateCandidateStatusRequestSchema,
          response: { 200: z.object({ ok: z.literal(true), candidate: candidateSchema }) },
        },
      },
      async (request) => ({
        ok: true as const,
        candidate: await candidates.setCandidateStatus(
          request.userId,
          request.params.id,
          request.params.candidateId,
          request.body.status,
        ),
      }),
    );
  };
}
