import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { MultipartFile } from '@fastify/multipart';
import { z } from 'zod';
import {
  createJobRequestSchema,
  fileOutcomeSchema,
  idParamSchema,
  jobSchema,
  updateJobRequestSchema,
  type JobProgressEvent,
} from '@shortlist/contracts';
import type { Config } from '../../config';
import { AppError } from '../../errors';
import type { createAuthGuards } from '../auth/auth.guard';
import type { IncomingFile, JobsService } from './jobs.service';
import type { ProgressMessage } from './progress';

const jobResponse = z.object({ ok: z.literal(true), job: jobSchema });
const RESUME_FIELDS = new Set(['files', 'files[]', 'file', 'resumes']);
const STREAM_RECHECK_MS = 5_000;

async function readPart(part: MultipartFile): Promise<IncomingFile> {
  const bytes = await part.toBuffer();
  return { fileName: part.filename || 'unnamed', bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), truncated: part.file.truncated };
}

/** Resume parts of a multipart request, one at a time, so hundreds of files never sit in memory together. */
async function* resumeParts(request: FastifyRequest): AsyncGenerator<IncomingFile> {
  for await (const part of request.parts()) {
    if (part.type === 'file' && RESUME_FIELDS.has(part.fieldname)) {
      yield await readPart(part);
    } else if (part.type === 'file') {
      await part.toBuffer();
    }
  }
}

function validate<T>(schema: z.ZodType<T>, value: unknown): T {
  const result = schema.safeParse(value);
  if (!result.success) {
    throw new AppError(
      'VALIDATION',
      result.error.issues.map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message)).join('; '),
    );
  }
  return result.data;
}

export function jobsRoutes(
  jobs: JobsService,
  guards: ReturnType<typeof createAuthGuards>,
  config: Config,
): FastifyPluginAsyncZod {
  return async (app) => {
    // Open progress streams per user: one user cannot hold thousands of connections.
    const openStreams = new Map<number, Set<() => void>>();
    const auth = { preHandler: guards.requireUser };
    const security = [{ bearerAuth: [] }];

    app.post(
      '/jobs',
      {
        ...auth,
        schema: {
          tags: ['jobs'],
          security,
          description:
            'JSON `{title, description, shortlist_threshold?}`, or multipart with fields `title`, `shortlist_threshold` and a `jd_file` (PDF/DOCX/TXT) instead of `description`.',
          response: { 201: jobResponse },
        },
      },
      async (request, reply) => {
        let input: unknown = request.body;
        if (request.isMultipart()) {
          const fields: Record<string, string> = {};
          for await (const part of request.parts()) {
            if (part.type === 'file') {
              const file = await readPart(part);
              if (part.fieldname === 'jd_file') {
                fields['description'] = await jobs.jdTextFromFile(file);
              }
            } else if (typeof part.value === 'string') {
              fields[part.fieldname] = part.value;
            }
          }
          input = fields;
        }
        const job = await jobs.createJob(request.userId, validate(createJobRequestSchema, input));
        return reply.status(201).send({ ok: true as const, job });
      },
    );

    app.get(
      '/jobs',
      { ...auth, schema: { tags: ['jobs'], security, response: { 200: z.object({ ok: z.literal(true), jobs: z.array(jobSchema) }) } } },
      async (request) => ({ ok: true as const, jobs: await jobs.listJobs(request.userId) }),
    );

    app.get(
      '/jobs/:id',
      {
        ...auth,
        schema: {
          tags: ['jobs'],
          security,
          params: idParamSchema,
          response: { 200: jobResponse.extend({ files: z.array(fileOutcomeSchema) }) },
        },
      },
      async (request) => ({ ok: true as const, ...(await jobs.getJobDetail(request.userId, request.params.id)) }),
    );

    app.patch(
      '/jobs/:id',
      {
        ...auth,
        schema: {
          tags: ['jobs'],
          security,
          description: 'Edits the title, JD or threshold. A JD or threshold change re-scores every candidate without re-parsing or spending credits.',
          params: idParamSchema,
          body: updateJobRequestSchema,
          response: { 200: jobResponse },
        },
      },
      async (request) => ({ ok: true as const, job: await jobs.updateJob(request.userId, request.params.id, request.body) }),
    );

    app.delete(
      '/jobs/:id',
      { ...auth, schema: { tags: ['jobs'], security, params: idParamSchema, response: { 200: z.object({ ok: z.literal(true) }) } } },
      async (request) => {
        await jobs.deleteJob(request.userId, request.params.id);
        return { ok: true as const };
      },
    );

    app.post(
      '/jobs/:id/resumes',
      {
        preHandler: guards.requireVerifiedUser,
        schema: {
          tags: ['jobs'],
          security,
          consumes: ['multipart/form-data'],
          description: `Multipart, field \`files\` repeated (PDF, DOCX or TXT, each ≤ ${config.maxFileSizeBytes / 1024 / 1024} MB). Every file gets its own outcome; rejected files cost no credit.`,
          params: idParamSchema,
          response: {
            200: z.object({
              ok: z.literal(true),
              files: z.array(fileOutcomeSchema),
              accepted: z.number().int(),
              rejected: z.number().int(),
              credits_remaining: z.number().int(),
            }),
          },
        },
      },
      async (request) => {
        if (!request.isMultipart()) {
          throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'Upload resumes as multipart/form-data, field "files"');
        }
        const result = await jobs.uploadResumes(request.userId, request.params.id, resumeParts(request));
        return { ok: true as const, ...result };
      },
    );

    app.get(
      '/jobs/:id/events',
      {
        preHandler: guards.requireJobStreamAccess,
        schema: {
          tags: ['jobs'],
          security,
          description: 'Server-sent events: `event: progress` with `{job_id,status,progress_done,progress_total}`; ends when the job completes or fails, or with `event: deleted` when it is deleted. At most MAX_EVENT_STREAMS_PER_USER open streams per user (429 beyond). EventSource cannot send headers: pass `?ticket=` from `POST /jobs/{id}/events/ticket` instead.',
          params: idParamSchema,
          querystring: z.object({ ticket: z.string().max(4096).optional() }),
        },
      },
      async (request, reply) => {
        const jobId = request.params.id;
        const userId = request.userId;
        const initial = await jobs.currentProgress(userId, jobId);
        const open = openStreams.get(userId) ?? new Set<() => void>();
        if (open.size >= config.maxEventStreamsPerUser) {
          throw new AppError(
            'RATE_LIMITED',
            `Too many open progress streams (${config.maxEventStreamsPerUser}) — close other Shortlist tabs and try again`,
          );
        }
        reply.hijack();
        const raw = reply.raw;
        raw.writeHead(200, {
          'content-type': 'text/event-stream; charset=utf-8',
          'cache-control': 'no-cache, no-transform',
          connection: 'keep-alive',
          'x-accel-buffering': 'no',
        });
        const isFinal = (e: JobProgressEvent) => e.status === 'completed' || e.status === 'failed';
        let unsubscribe = () => {};
        let lastSent = '';
        let isEnded = false;
        const heartbeat = setInterval(() => raw.write(': keep-alive\n\n'), 15_000);
        // Events are hints (another process may have done the work, and a message can be lost): re-read too.
        const recheck = setInterval(() => {
          jobs.currentProgress(userId, jobId).then(send, () => end('deleted'));
        }, STREAM_RECHECK_MS);
        const end = (finalEvent?: 'deleted') => {
          if (isEnded) {
            return;
          }
          isEnded = true;
          clearInterval(heartbeat);
          clearInterval(recheck);
          unsubscribe();
          open.delete(close);
          if (open.size === 0) {
            openStreams.delete(userId);
          }
          if (finalEvent) {
            raw.write(`event: deleted\ndata: ${JSON.stringify({ job_id: jobId })}\n\n`);
          }
          raw.end();
        };
        const close = () => end();
        const send = (e: JobProgressEvent) => {
          const line = JSON.stringify(e);
          if (isEnded || line === lastSent) {
            return;
          }
          lastSent = line;
          raw.write(`event: progress\ndata: ${line}\n\n`);
          if (isFinal(e)) {
            end();
          }
        };
        open.add(close);
        openStreams.set(userId, open);
        request.raw.on('close', close);
        unsubscribe = jobs.subscribe(jobId, (message: ProgressMessage) => {
          if (message.kind === 'deleted') {
            end('deleted');
          } else {
            send(message.event);
          }
        });
        send(initial);
      },
    );
  };
}
