import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { ErrorCode } from '@shortlist/contracts';

export type { ErrorCode } from '@shortlist/contracts';

/** Each code always answers with the same status; the contracts list the codes (SPEC §8). */
const STATUS_BY_CODE: Record<ErrorCode, number> = {
  BAD_REQUEST: 400,
  VALIDATION: 400,
  INVALID_JSON: 400,
  MALFORMED_MULTIPART: 400,
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
  UPSTREAM: 502,
  NOT_CONFIGURED: 503,
};

/** The one error type services throw; the handler below turns it into status + `{ ok: false, error, code }`. */
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

/** A 429 that tells the client when to come back: `Retry-After` in whole seconds, at least 1. */
export function rateLimited(message: string, retryAfterMs: number): AppError {
  const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  return new AppError('RATE_LIMITED', message, { 'retry-after': String(seconds) });
}

/** Fastify's and its plugins' own errors: our wording and our code, by their `code`. */
const FASTIFY_ERRORS: Record<string, { code: ErrorCode; message: string }> = {
  FST_ERR_CTP_INVALID_JSON_BODY: { code: 'INVALID_JSON', message: 'The request body is not valid JSON' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { code: 'INVALID_JSON', message: 'The request body is empty but Content-Type says JSON' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { code: 'UNSUPPORTED_MEDIA_TYPE', message: 'Unsupported Content-Type for this endpoint' },
  FST_ERR_CTP_BODY_TOO_LARGE: { code: 'PAYLOAD_TOO_LARGE', message: 'The request body is too large' },
  FST_INVALID_MULTIPART_CONTENT_TYPE: { code: 'UNSUPPORTED_MEDIA_TYPE', message: 'This endpoint expects multipart/form-data' },
  FST_REQ_FILE_TOO_LARGE: { code: 'PAYLOAD_TOO_LARGE', message: 'A file is larger than the upload limit' },
  FST_FILES_LIMIT: { code: 'PAYLOAD_TOO_LARGE', message: 'Too many files in one request' },
  FST_PARTS_LIMIT: { code: 'PAYLOAD_TOO_LARGE', message: 'Too many parts in one request' },
  FST_FIELDS_LIMIT: { code: 'PAYLOAD_TOO_LARGE', message: 'Too many fields in one request' },
  FST_MP_PREMATURE_CLOSE: {
    code: 'MALFORMED_MULTIPART',
    message: 'The upload ended before the multipart body was complete — send it again',
  },
  FST_PROTO_VIOLATION: { code: 'BAD_REQUEST', message: 'A multipart field name is not allowed' },
};

// The multipart parser (@fastify/busboy) throws plain Errors for a body it cannot read; without this they would
// be 500s. These are its exact messages; anything else stays an unexpected error.
const MALFORMED_MULTIPART_MESSAGES = new Set([
  'Multipart: Boundary not found',
  'Boundary required',
  'Unexpected end of multipart data',
  'The needle cannot be an empty String/Buffer.',
  'The needle cannot have a length bigger than 256.',
  'Malformed part header',
]);

function isMalformedMultipart(error: Error): boolean {
  return (
    MALFORMED_MULTIPART_MESSAGES.has(error.message) ||
    /terminated early due to unexpected end of multipart data$/.test(error.message)
  );
}

/** A Fastify error with no entry above: its own message, the code its status implies. */
function codeForStatus(status: number): ErrorCode {
  switch (status) {
    case 401:
      return 'UNAUTHORIZED';
    case 403:
      return 'FORBIDDEN';
    case 404:
      return 'NOT_FOUND';
    case 405:
      return 'METHOD_NOT_ALLOWED';
    case 409:
      return 'CONFLICT';
    case 410:
      return 'GONE';
    case 413:
      return 'PAYLOAD_TOO_LARGE';
    case 415:
      return 'UNSUPPORTED_MEDIA_TYPE';
    case 429:
      return 'RATE_LIMITED';
    default:
      return 'BAD_REQUEST';
  }
}

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

function sendError(reply: FastifyReply, code: ErrorCode, message: string, status = STATUS_BY_CODE[code]) {
  return reply.status(status).send({ ok: false, error: message, code });
}

/**
 * Every failure — ours, Fastify's, a plugin's or an unexpected throw — leaves as `{ ok: false, error, code }`.
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
      return sendError(reply, error.code, error.message);
    }
    if (error.validation) {
      return sendError(reply, 'VALIDATION', describeValidation(error));
    }
    const known = error.code ? FASTIFY_ERRORS[error.code] : undefined;
    if (known) {
      return sendError(reply, known.code, known.message);
    }
    if (isMalformedMultipart(error)) {
      return sendError(
        reply,
        'MALFORMED_MULTIPART',
        'The multipart body is truncated or malformed (check the boundary in Content-Type) — send the files again',
      );
    }
    const status = error.statusCode ?? 500;
    if (status === 429) {
      return sendError(reply, 'RATE_LIMITED', 'Too many requests — please wait a minute and try again');
    }
    if (status >= 400 && status < 500) {
      return sendError(reply, codeForStatus(status), error.message, status);
    }
    request.log.error({ err: error }, 'unhandled error');
    return sendError(reply, 'INTERNAL', 'Something went wrong on our side. Please try again.');
  });

  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '/';
    const allowed = routes.filter((r) => r.pattern.test(path)).map((r) => r.method);
    if (allowed.length > 0 && !allowed.includes(request.method)) {
      void reply.header('allow', [...new Set(allowed)].join(', '));
      return sendError(reply, 'METHOD_NOT_ALLOWED', `Method ${request.method} is not allowed on ${path}`);
    }
    return sendError(reply, 'NOT_FOUND', `No route for ${request.method} ${path}`);
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
