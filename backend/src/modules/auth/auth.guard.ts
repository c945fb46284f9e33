import type { FastifyReply, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import type { Config } from '../../config';
import type { DB } from '../../db/database';
import { AppError } from '../../errors';
import { verifyToken } from './tokens';
import { findUserById } from './users.repository';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the auth guard; every owner-scoped query takes it. */
    userId: number;
  }
}

function bearerToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (header?.startsWith('Bearer ')) {
    return header.slice('Bearer '.length).trim();
  }
  // EventSource cannot send headers, so the SSE stream (and only GETs) may carry the token in the query.
  const query = request.query as Record<string, unknown> | undefined;
  if (request.method === 'GET' && typeof query?.['access_token'] === 'string') {
    return query['access_token'];
  }
  return undefined;
}

export function createAuthGuards(deps: { db: DB; config: Config }): {
  requireUser: preHandlerAsyncHookHandler;
  requireVerifiedUser: preHandlerAsyncHookHandler;
} {
  const requireUser = async (request: FastifyRequest, _reply: FastifyReply) => {
    const token = bearerToken(request);
    if (!token) {
      throw new AppError('UNAUTHORIZED', 'Log in to continue');
    }
    const check = await verifyToken(deps.config.jwt, token, 'access');
    if (!check.ok) {
      throw new AppError(
        'UNAUTHORIZED',
        check.reason === 'expired' ? 'Your session has expired — log in again' : 'Log in to continue',
      );
    }
    const user = await findUserById(deps.db, check.userId);
    if (!user) {
      throw new AppError('UNAUTHORIZED', 'Log in to continue');
    }
    request.userId = user.id;
  };

  const requireVerifiedUser = async (request: FastifyRequest, reply: FastifyReply) => {
    await requireUser.call(request.server, request, reply);
    const user = await findUserById(deps.db, request.userId);
    if (!user || user.is_verified !== 1) {
      throw new AppError(
        'EMAIL_NOT_VERIFIED',
        'Verify your email first — check your inbox for the link, or ask for a new one',
      );
    }
  };

  return { requireUser, requireVerifiedUser };
}
