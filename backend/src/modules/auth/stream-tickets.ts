import type { Config } from '../../config';
import type { DB } from '../../db/database';
import { getJob } from '../jobs/jobs.repository';
import { STREAM_TICKET_TTL_SECONDS, integerClaim, signStreamTicket, verifyToken } from './tokens';
import { findUserById, getUserById } from './users.repository';

/**
 * Tickets for `GET /jobs/{id}/events`. EventSource cannot send an Authorization header, and a URL ends up in
 * logs and browser history, so the stream never takes the access token: it takes a ticket that names one user
 * and one job, lives a minute, and is signed under its own key and audience — useless anywhere else.
 */
export async function issueStreamTicket(
  deps: { db: DB; config: Config },
  userId: number,
  jobId: number,
): Promise<{ ticket: string; expires_in_seconds: number }> {
  // Another user's job is "not found", as on every other route.
  await getJob(deps.db, userId, jobId);
  const user = await getUserById(deps.db, userId);
  const ticket = await signStreamTicket(deps.config.jwt, { userId, jobId, tokenVersion: user.token_version });
  return { ticket, expires_in_seconds: STREAM_TICKET_TTL_SECONDS };
}

/**
 * The user a ticket was issued to, if it is valid for this job's stream right now (and the user's sessions were
 * not revoked since); otherwise undefined.
 */
export async function userOfStreamTicket(
  deps: { db: DB; config: Config },
  ticket: string,
  jobId: number,
): Promise<number | undefined> {
  const check = await verifyToken(deps.config.jwt, ticket, 'job-events');
  if (!check.ok || integerClaim(check.claims, 'job') !== jobId) {
    return undefined;
  }
  const user = await findUserById(deps.db, check.userId);
  if (!user || integerClaim(check.claims, 'ver') !== user.token_version) {
    return undefined;
  }
  return user.id;
}
