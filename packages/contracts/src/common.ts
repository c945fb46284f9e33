import { z } from 'zod';

/** Every failure body: `{ ok: false, error }`, whatever the status. */
export const errorResponseSchema = z.object({ ok: z.literal(false), error: z.string() });
export type ErrorResponse = z.infer<typeof errorResponseSchema>;

/** Wraps a success payload in the `{ ok: true, … }` envelope. */
export function okEnvelope<T extends z.ZodRawShape>(shape: T) {
  return z.object({ ok: z.literal(true), ...shape });
}

/** Path parameter for a numeric id (`/jobs/{id}`). */
export const idParamSchema = z.object({ id: z.coerce.number().int().positive() });
