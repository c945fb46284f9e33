import { z } from 'zod';

/**
 * Stable, machine-readable failure codes. Clients branch on these, never on the message (which is written
 * for people and may change). Each code always comes with the same HTTP status.
 */
export const ERROR_CODES = [
  /** 400: the request is malformed in a way no field name explains. */
  'BAD_REQUEST',
  /** 400: a field, query parameter or path parameter failed validation; the message names it. */
  'VALIDATION',
  /** 400: the body says it is JSON but does not parse. */
  'INVALID_JSON',
  /** 400: a multipart body that is truncated or has a missing/invalid boundary. */
  'MALFORMED_MULTIPART',
  /** 401: no access token, or one that is invalid, expired or revoked (e.g. by a password reset). */
  'UNAUTHORIZED',
  /** 402: a payment is needed for this action. */
  'PAYMENT_REQUIRED',
  /** 402: no free-trial or paid credits left. */
  'NO_CREDITS',
  /** 403: authenticated, but not allowed to do this. */
  'FORBIDDEN',
  /** 403: the account's email address is not verified yet. */
  'EMAIL_NOT_VERIFIED',
  /** 404: no such route, or no such resource for this user (another user's ids are "not found" too). */
  'NOT_FOUND',
  /** 405: the path exists, the method does not (see the `Allow` header). */
  'METHOD_NOT_ALLOWED',
  /** 409: conflicts with existing data (e.g. a username or email already registered). */
  'CONFLICT',
  /** 410: the resource existed and is gone. */
  'GONE',
  /** 413: the body or a file is over its size or count limit. */
  'PAYLOAD_TOO_LARGE',
  /** 415: wrong Content-Type for this endpoint. */
  'UNSUPPORTED_MEDIA_TYPE',
  /** 429: a rate limit or an account lockout; `Retry-After` says when to try again (seconds). */
  'RATE_LIMITED',
  /** 500: an unexpected server error; the message is generic, the details are in the server log. */
  'INTERNAL',
  /** 502: an upstream service (Stripe, Groq) failed. */
  'UPSTREAM',
  /** 503: the feature is not configured on this server (e.g. billing without Stripe keys). */
  'NOT_CONFIGURED',
] as const;

export const errorCodeSchema = z.enum(ERROR_CODES);
export type ErrorCode = z.infer<typeof errorCodeSchema>;

/** Every failure body, whatever the status: `{ ok: false, error: "message for people", code: "STABLE_CODE" }`. */
export const errorResponseSchema = z.object({
  ok: z.literal(false),
  error: z.string().describe('What went wrong, written for the person using the app'),
  code: errorCodeSchema.describe('Stable machine-readable code; branch on this, not on the message'),
});
export type ErrorResponse = z.infer<typeof errorResponseSchema>;

/** Wraps a success payload in the `{ ok: true, … }` envelope. */
export function okEnvelope<T extends z.ZodRawShape>(shape: T) {
  return z.object({ ok: z.literal(true), ...shape });
}

/** Path parameter for a numeric id (`/jobs/{id}`). */
export const idParamSchema = z.object({ id: z.coerce.number().int().positive() });
