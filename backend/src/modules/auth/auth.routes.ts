import {
  emailRequestSchema,
  idParamSchema,
  loginRequestSchema,
  resetPasswordRequestSchema,
  signupRequestSchema,
  streamTicketResponseSchema,
  tokenRequestSchema,
  userSchema,
} from '@shortlist/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import * as auth from './auth.service';
import type { AuthDeps } from './auth.service';
import type { createAuthGuards } from './auth.guard';
import { issueStreamTicket } from './stream-tickets';
import { perIpAuthLimit } from './throttle';

const userResponse = z.object({ ok: z.literal(true), user: userSchema });
const messageResponse = z.object({ ok: z.literal(true), message: z.string() });

export function authRoutes(
  deps: AuthDeps,
  guards: ReturnType<typeof createAuthGuards>,
): FastifyPluginAsyncZod {
  return async (app) => {
    // Per client IP; login, resend and forgot-password are also limited per account or address in the service.
    const rateLimit = perIpAuthLimit(deps.config);

    app.post(
      '/auth/signup',
      {
        config: { rateLimit },
        schema: {
          tags: ['auth'],
          body: signupRequestSchema,
          response: { 201: userResponse.extend({ message: z.string() }) },
        },
      },
      async (request, reply) => {
        const user = await auth.signup(deps, request.body);
        return reply.status(201).send({
          ok: true,
          user,
          message: 'Account created. Check your email for the verification link.',
        });
      },
    );

    const verifyMessage = 'Email verified — you can now screen resumes.';
    app.get(
      '/auth/verify',
      { schema: { tags: ['auth'], querystring: tokenRequestSchema, response: { 200: messageResponse } } },
      async (request) => {
        await auth.verifyEmail(deps, request.query.token);
        return { ok: true as const, message: verifyMessage };
      },
    );
    app.post(
      '/auth/verify',
      { schema: { tags: ['auth'], body: tokenRequestSchema, response: { 200: userResponse.extend({ message: z.string() }) } } },
      async (request) => {
        const user = await auth.verifyEmail(deps, request.body.token);
        return { ok: true as const, user, message: verifyMessage };
      },
    );

    app.post(
      '/auth/resend-verification',
      { config: { rateLimit }, schema: { tags: ['auth'], body: emailRequestSchema, response: { 200: messageResponse } } },
      async (request) => {
        await auth.resendVerification(deps, request.body.email);
        return {
          ok: true as const,
          message: 'If that address has an unverified account, a new link is on its way.',
        };
      },
    );

    app.post(
      '/auth/login',
      {
        config: { rateLimit },
        schema: {
          tags: ['auth'],
          body: loginRequestSchema,
          response: { 200: userResponse.extend({ token: z.string() }) },
        },
      },
      async (request) => {
        const { token, user } = await auth.login(deps, request.body);
        return { ok: true as const, token, user };
      },
    );

    app.get(
      '/auth/me',
      {
        preHandler: guards.requireUser,
        schema: { tags: ['auth'], security: [{ bearerAuth: [] }], response: { 200: userResponse } },
      },
      async (request) => ({ ok: true as const, user: await auth.getProfile(deps, request.userId) }),
    );

    app.post(
      '/auth/forgot-password',
      { config: { rateLimit }, schema: { tags: ['auth'], body: emailRequestSchema, response: { 200: messageResponse } } },
      async (request) => {
        await auth.forgotPassword(deps, request.body.email);
        return { ok: true as const, message: 'If that address has an account, a reset link is on its way.' };
      },
    );

    app.post(
      '/auth/reset-password',
      { config: { rateLimit }, schema: { tags: ['auth'], body: resetPasswordRequestSchema, response: { 200: messageResponse } } },
      async (request) => {
        await auth.resetPassword(deps, request.body.token, request.body.password);
        return { ok: true as const, message: 'Password changed — log in with your new password.' };
      },
    );

    app.post(
      '/jobs/:id/events/ticket',
      {
        preHandler: guards.requireUser,
        schema: {
          tags: ['jobs'],
          security: [{ bearerAuth: [] }],
          description:
            'A ticket for `GET /jobs/{id}/events?ticket=…` (EventSource cannot send the Authorization header). It is valid for this job\'s stream only, for `expires_in_seconds`, and never as a bearer token.',
          params: idParamSchema,
          response: { 200: streamTicketResponseSchema },
        },
      },
      async (request) => ({ ok: true as const, ...(await issueStreamTicket(deps, request.userId, request.params.id)) }),
    );
  };
}
