import type { FastifyReply, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import type { Config } from '../../config';
import type { DB } from '../../db/database';
import type { UserRow } from '../../db/types';
import { AppError } from '../../errors';
import { userOfStreamTicket } from './stream-tickets';
import { integerClaim, verifyToken } from './tokens';
import { findUserById } from './users.repository';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the auth guard; every owner-scoped query takes it. */
    userId: number;
  }
}

/**
 * The access token, from the Authorization header only. A token in a query string ends up in access logs, proxy
 * logs and browser history; the event stream, which cannot send headers, gets a ticket instead.
 */
function bearerToken(request: FastifyRequest): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '');
  return match?.[1];
}

const LOG_IN = 'Log in to continue';

export function createAuthGuards(deps: { db: DB; config: Config }): {
  requireUser: preHandlerAsyncHookHandler;
  requireVerifiedUser: preHandlerAsyncHookHandler;
  requireJobStreamAccess: preHandlerAsyncHookHandler;
} {
  /** The token's user, if the token is valid and was issued since the user's last password reset. */
  const authenticate = async (request: FastifyRequest): Promise<UserRow> => {
    const token = bearerToken(request);
    if (!token) {
      throw new AppError('UNAUTHORIZED', LOG_IN);
    }
    const check = await verifyToken(deps.config.jwt, token, 'access');
    if (!check.ok) {
      throw new AppError('UNAUTHORIZED', check.reason === 'expired' ? 'Your session has expired — log in again' : LOG_IN);
    }
    const user = await findUserById(deps.db, check.userId);
    if (!user) {
      throw new AppError('UNAUTHORIZED', LOG_IN);
    }
    if (integerClaim(check.claims, 'ver') !== user.token_version) {
      throw new AppError('UNAUTHORIZED', 'Your session has ended (the password was changed) — log in again');
    }
    request.userId = user.id;
    return user;
  };

  const requireUser = async (request: FastifyRequest, _reply: FastifyReply) => {
    await authenticate(request);
  };

  const requireVerifiedUser = async (request: FastifyRequest, _reply: FastifyReply) => {
    const user = await authenticate(request);
    if (user.is_verified !== 1) {
      throw new AppError(
        'EMAIL_NOT_VERIFIED',
        'Verify your email first — check your inbox for the link, or ask for a new one',
      );
    }
  };

  /** `GET /jobs/:id/events`: the Authorization header, or `?ticket=` from `POST /jobs/:id/events/ticket`. */
  const requireJobStreamAccess = async (request: FastifyRequest, _reply: FastifyReply) => {
    if (request.headers.authorization) {
      await authenticate(request);
      return;
    }
    const { ticket } = request.query as { ticket?: unknown };
    const jobId = Number((request.params as { id?: unknown }).id);
    const userId = typeof ticket === 'string' ? await userOfStreamTicket(deps, ticket, jobId) : undefined;
    if (userId === undefined) {
      throw new AppError('UNAUTHORIZED', 'This progress stream needs a fresh ticket — reload the page');
    }
    request.userId = userId;
  };

  return { requireUser, requireVerifiedUser, requireJobStreamAccess };
}
