import { z } from 'zod';

/** 3–32 characters of a–z, 0–9 and `_`; stored lower-case. */
export const usernameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9_]{3,32}$/, 'Username must be 3–32 characters: letters, digits or _');
export const emailSchema = z.string().trim().toLowerCase().email('Enter a valid email address').max(254);
/** At least 8 characters; capped at 128 so hashing stays cheap. */
export const passwordSchema = z
  .string()
  .min(8, 'Password must be at least 8 characters')
  .max(128, 'Password must be at most 128 characters');

export const signupRequestSchema = z.object({
  username: usernameSchema,
  email: emailSchema,
  password: passwordSchema,
});
export type SignupRequest = z.infer<typeof signupRequestSchema>;

/** Log in with either `email` or `username` (one is required) and the password. */
export const loginRequestSchema = z
  .object({
    email: z.string().trim().toLowerCase().optional(),
    username: z.string().trim().toLowerCase().optional(),
    password: z.string().min(1, 'Password is required').max(128),
  })
  .refine((v) => Boolean(v.email || v.username), { message: 'Email or username is required' });
export type LoginRequest = z.infer<typeof loginRequestSchema>;

export const emailRequestSchema = z.object({ email: emailSchema });
export const tokenRequestSchema = z.object({ token: z.string().min(1, 'Token is required').max(4096) });
export const resetPasswordRequestSchema = z.object({
  token: z.string().min(1, 'Token is required').max(4096),
  password: passwordSchema,
});

/** The account as the API shows it (never the password hash). */
export const userSchema = z.object({
  id: z.number().int(),
  username: z.string(),
  email: z.string(),
  is_verified: z.boolean(),
  free_trial_remaining: z.number().int(),
  paid_credits: z.number().int(),
  created_at: z.string(),
});
export type User = z.infer<typeof userSchema>;

/**
 * `POST /jobs/{id}/events/ticket`: a short-lived ticket for one job's progress stream. EventSource cannot send
 * an Authorization header, so the stream takes `?ticket=` instead of the access token; the ticket works for
 * that job's stream only, for `expires_in_seconds`, and never as a bearer token.
 */
export const streamTicketResponseSchema = z.object({
  ok: z.literal(true),
  ticket: z.string(),
  expires_in_seconds: z.number().int(),
});
export type StreamTicketResponse = z.infer<typeof streamTicketResponseSchema>;
