import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { createAuthGuards } from '../auth/auth.guard';
import type { ScreeningTasks } from '../screening/tasks';

/**
 * The skills vocabulary, for the requirement editor's suggestions: a requirement must name a skill the
 * vocabulary knows (resume features only hold those), so the editor offers them as the recruiter types.
 * The vocabulary lives in the worker processes; the search runs there, ahead of queued resumes.
 */
export function vocabularyRoutes(
  tasks: ScreeningTasks,
  guards: ReturnType<typeof createAuthGuards>,
): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/vocabulary/skills',
      {
        preHandler: guards.requireUser,
        schema: {
          tags: ['jobs'],
          security: [{ bearerAuth: [] }],
          description: 'Skills whose names (or aliases: "postgres", "k8s") contain `q`, best first, as canonical names.',
          querystring: z.object({
            q: z.string().trim().min(1).max(80),
            limit: z.coerce.number().int().min(1).max(25).default(10),
          }),
          response: { 200: z.object({ ok: z.literal(true), skills: z.array(z.string()) }) },
        },
      },
      async (request) => ({
        ok: true as const,
        skills: await tasks.searchSkills({ query: request.query.q, limit: request.query.limit }),
      }),
    );
  };
}
