import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';

const STATUS_BY_CODE = {
  BAD_REQUEST: 400,
  VALIDATION: 400,
  UNAUTHORIZED: 401,
  PAYMENT_REQUIRED: 402,
  NO_CREDITS: 402,
  FORBIDDEN: 403,
  EMAIL_NOT_VERIFIED: 403,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  CONFLICT: 409,
  GONE: 410,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  NOT_CONFIGURED: 503,
  UPSTREAM: 502,
} as const;

export type ErrorCode = keyof typeof STATUS_BY_CODE;

/** The one error type services throw; the handler below turns it into status + `{ ok: false, error }`. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = 'AppError';
  }

  get statusCode(): number {
    return STATUS_BY_CODE[this.code];
  }
}

export const notFound = (what: string) => new AppError('NOT_FOUND', `${what} not found`);

const FASTIFY_MESSAGES: Record<string, string> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'The request body is not valid JSON',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'The request body is empty but Content-Type says JSON',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'Unsupported Content-Type for this endpoint',
  FST_ERR_CTP_BODY_TOO_LARGE: 'The request body is too large',
  FST_INVALID_MULTIPART_CONTENT_TYPE: 'This endpoint expects multipart/form-data',
  FST_REQ_FILE_TOO_LARGE: 'A file is larger than the upload limit',
  FST_FILES_LIMIT: 'Too many files in one request',
  FST_PARTS_LIMIT: 'Too many parts in one request',
};

function describeValidation(error: FastifyError): string {
  if (hasZodFastifySchemaValidationErrors(error)) {
    const details = error.validation.map((v) => {
      const where = v.instancePath.replace(/^\//, '').replace(/\//g, '.');
      return where ? `${where}: ${v.message}` : v.message;
    });
    return details.join('; ');
  }
  return error.message;
}

/**
 * Every failure — ours, Fastify's, a plugin's or an unexpected throw — leaves as `{ ok: false, error }`.
 * 5xx answers carry a generic message; the details go to the log only.
 */
export function registerErrorHandling(app: FastifyInstance, routes: Array<{ method: string; pattern: RegExp }>): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) {
      if (error.statusCode >= 500) {
        request.log.error({ err: error }, 'request failed');
      }
      if (error.headers) {
        void reply.headers(error.headers);
      }
      return reply.status(error.statusCode).send({ ok: false, error: error.message });
    }
    if (error.validation) {
      return reply.status(400).send({ ok: false, error: describeValidation(error) });
    }
    const status = error.statusCode ?? 500;
    if (status === 429) {
      return reply.status(429).send({ ok: false, error: 'Too many requests — please wait a minute and try again' });
    }
    if (status >= 400 && status < 500) {
      const message = (error.code && FASTIFY_MESSAGES[error.code]) ?? error.message;
      return reply.status(status).send({ ok: false, error: message });
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply.status(500).send({ ok: false, error: 'Something went wrong on our side. Please try again.' });
  });

  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '/';
    const allowed = routes.filter((r) => r.pattern.test(path)).map((r) => r.method);
    if (allowed.length > 0 && !allowed.includes(request.method)) {
      void reply.header('allow', [...new Set(allowed)].join(', '));
      return reply.status(405).send({ ok: false, error: `Method ${request.method} is not allowed on ${path}` });
    }
    return reply.status(404).send({ ok: false, error: `No route for ${request.method} ${path}` });
  });
}

/** `/jobs/:id/resumes` → a RegExp matching concrete paths, for the 405 check. */
export function routePattern(url: string): RegExp {
  const escaped = url
    .split('/')
    .map((seg) => (seg.startsWith(':') ? '[^/]+' : seg === '*' ? '.*' : seg.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('/');
  return new RegExp(`^${escaped}/?$`);
}
