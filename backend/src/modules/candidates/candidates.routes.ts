import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  addCandidateNoteRequestSchema,
  bulkStageRequestSchema,
  bulkStageResponseSchema,
  candidateDetailSchema,
  candidateHistoryEntrySchema,
  candidateListQuerySchema,
  candidatePageSchema,
  candidateSchema,
  candidatesOverviewSchema,
  compareQuerySchema,
  compareResponseSchema,
  idParamSchema,
  jobSkillsResponseSchema,
  reviewSettingsSchema,
  updateCandidateStageRequestSchema,
  type CandidatePage,
} from '@shortlist/contracts';
import type { createAuthGuards } from '../auth/auth.guard';
import type { CandidatesService } from './candidates.service';

const candidateParams = idParamSchema.extend({ candidateId: z.coerce.number().int().positive() });

export function candidatesRoutes(
  candidates: CandidatesService,
  guards: ReturnType<typeof createAuthGuards>,
): FastifyPluginAsyncZod {
  return async (app) => {
    const auth = { preHandler: guards.requireUser };
    const base = { tags: ['candidates'], security: [{ bearerAuth: [] }] };

    app.get(
      '/jobs/:id/candidates',
      {
        ...auth,
        schema: {
          ...base,
          description:
            'One page of the job\'s candidates, sorted and filtered on the server (default: Match % descending, 50 a page). ' +
            '`q` searches name, email, current title and skills; `stage`, `status` (the recommendation) and `band` take comma lists; ' +
            '`has_skill` / `missing_skill` take comma lists of skill names; `min_years` / `max_years` bound experience. ' +
            '`total` counts every match. Rows never carry embeddings or the explanation blobs. Under blind review, candidates ' +
            'not yet shortlisted come without name, contact, location, links or file name (`is_identity_hidden`), and their ' +
            'name and email are neither searched nor sorted on.',
          params: idParamSchema,
          querystring: candidateListQuerySchema,
          response: { 200: candidatePageSchema },
        },
      },
      // The body comes serialized (and validated) from the service's per-version cache; Fastify sends a JSON
      // string as is.
      async (request, reply) => {
        const json = await candidates.listCandidatesJson(request.userId, request.params.id, request.query);
        // Typed as the schema's object for the docs; what goes out is that object already serialized.
        return reply.type('application/json; charset=utf-8').send(json as unknown as CandidatePage);
      },
    );

    app.get(
      '/jobs/:id/candidates/overview',
      {
        ...auth,
        schema: {
          ...base,
          description:
            'Small and cheap, for polling: the job\'s processing status and progress, candidates per stage, how many the score ' +
            'recommends, the threshold, blind review, and a `version` that changes whenever any of its candidates does.',
          params: idParamSchema,
          response: { 200: z.object({ ok: z.literal(true), overview: candidatesOverviewSchema }) },
        },
      },
      async (request) => ({ ok: true as const, overview: await candidates.overview(request.userId, request.params.id) }),
    );

    app.get(
      '/jobs/:id/candidates/skills',
      {
        ...auth,
        schema: {
          ...base,
          description: 'The skills this job\'s candidates name most often (up to 60), for the has / misses skill filters.',
          params: idParamSchema,
          response: { 200: jobSkillsResponseSchema },
        },
      },
      async (request) => ({ ok: true as const, skills: await candidates.skills(request.userId, request.params.id) }),
    );

    app.get(
      '/jobs/:id/candidates/compare',
      {
        ...auth,
        schema: {
          ...base,
          description:
            '2–4 candidates (`ids=1,2,3`) side by side with what the job requires, in the order asked for; blind review applies.',
          params: idParamSchema,
          querystring: compareQuerySchema,
          response: { 200: compareResponseSchema },
        },
      },
      async (request) => ({
        ok: true as const,
        ...(await candidates.compare(request.userId, request.params.id, request.query.ids ?? [])),
      }),
    );

    app.post(
      '/jobs/:id/candidates/stage',
      {
        ...auth,
        schema: {
          ...base,
          description:
            'Moves the selected candidates (up to 1,000) to one stage in one transaction; each change is recorded with who, when ' +
            'and the optional note. Candidates already at that stage are left alone. Any id not in this job: 404, nothing changes.',
          params: idParamSchema,
          body: bulkStageRequestSchema,
          response: { 200: bulkStageResponseSchema },
        },
      },
      async (request) => ({
        ok: true as const,
        ...(await candidates.bulkChangeStage(
          request.userId,
          request.params.id,
          request.body.candidate_ids,
          request.body.stage,
          request.body.note,
        )),
      }),
    );

    app.get(
      '/jobs/:id/candidates/:candidateId',
      {
        ...auth,
        schema: {
          ...base,
          description: 'One candidate with their history: every stage change and note, who and when, newest first.',
          params: candidateParams,
          response: { 200: candidateDetailSchema },
        },
      },
      async (request) => ({
        ok: true as const,
        ...(await candidates.detail(request.userId, request.params.id, request.params.candidateId)),
      }),
    );

    app.patch(
      '/jobs/:id/candidates/:candidateId',
      {
        ...auth,
        schema: {
          ...base,
          description:
            "A person sets a candidate's stage (new, to_review, shortlisted, maybe, rejected), optionally with a note saying why; " +
            'who and when are recorded. The score only recommends (`status`) and a re-score never changes a stage.',
          params: candidateParams,
          body: updateCandidateStageRequestSchema,
          response: { 200: z.object({ ok: z.literal(true), candidate: candidateSchema }) },
        },
      },
      async (request) => ({
        ok: true as const,
        candidate: await candidates.changeStage(
          request.userId,
          request.params.id,
          request.params.candidateId,
          request.body.stage,
          request.body.note,
        ),
      }),
    );

    app.post(
      '/jobs/:id/candidates/:candidateId/notes',
      {
        ...auth,
        schema: {
          ...base,
          description: 'Adds a note to the candidate\'s history (never edited or deleted: it is part of the audit trail).',
          params: candidateParams,
          body: addCandidateNoteRequestSchema,
          response: { 201: z.object({ ok: z.literal(true), entry: candidateHistoryEntrySchema }) },
        },
      },
      async (request, reply) => {
        const result = await candidates.addNote(request.userId, request.params.id, request.params.candidateId, request.body.body);
        return reply.status(201).send({ ok: true as const, ...result });
      },
    );

    app.patch(
      '/jobs/:id/review-settings',
      {
        ...auth,
        schema: {
          ...base,
          description:
            'Blind review for this job (on by default for new jobs): until a person shortlists a candidate, the API leaves out ' +
            'their name, contact details, location, links and file name.',
          params: idParamSchema,
          body: reviewSettingsSchema,
          response: { 200: z.object({ ok: z.literal(true), blind_review: z.boolean() }) },
        },
      },
      async (request) => ({
        ok: true as const,
        ...(await candidates.setReviewSettings(request.userId, request.params.id, request.body.blind_review)),
      }),
    );
  };
}
