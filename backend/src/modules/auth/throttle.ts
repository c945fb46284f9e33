import { createHash } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { FastifyRateLimitStore, FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import type { Config } from '../../config';
import type { DB } from '../../db/database';
import { rateLimited } from '../../errors';
import * as throttle from './throttle.repository';

/**
 * Rate limits and lockouts, kept in the database: they hold across restarts and across every API process that
 * shares it, so neither a restart, a second process nor a new IP address resets them.
 */

/** `<label>:<sha256>` — no IP or email address in clear, and a key that fits an indexed varchar. */
export function throttleKey(label: string, subject: string): string {
  return `${label}:${createHash('sha256').update(subject).digest('hex')}`;
}

const minutes = (ms: number) => {
  const m = Math.ceil(ms / 60_000);
  return m <= 1 ? 'a minute' : `${m} minutes`;
};

// Cleaning up on every hit would double the writes; every few hundred hits keeps the tables small.
const PRUNE_EVERY_HITS = 250;
let hitsSincePrune = 0;

async function countHit(db: DB, key: string, windowMs: number) {
  hitsSincePrune += 1;
  if (hitsSincePrune >= PRUNE_EVERY_HITS) {
    hitsSincePrune = 0;
    await throttle.pruneThrottleState(db);
  }
  return throttle.countHit(db, key, windowMs);
}

/**
 * Counts one request for `subject` (an email address, an account) and refuses it with 429 once `max` is
 * reached within the window. Keyed on the subject alone, so switching IPs does not help.
 */
export async function enforceSubjectLimit(
  db: DB,
  label: string,
  subject: string,
  policy: { max: number; windowMs: number },
  message: string,
): Promise<void> {
  const { hits, windowEndsAtMs } = await countHit(db, throttleKey(label, subject), policy.windowMs);
  if (hits > policy.max) {
    const retryAfterMs = windowEndsAtMs - Date.now();
    throw rateLimited(`${message} — try again in ${minutes(retryAfterMs)}`, retryAfterMs);
  }
}

const LOCKED_MESSAGE = 'Too many failed logins for this account';

/**
 * Per-account login lockout. `start` before checking the password (throws 429 while locked), then
 * `failed` or `succeeded`. The same messages for a known and an unknown account: a lock reveals nothing.
 */
export function loginLockout(db: DB, policy: Config['security']['loginLockout']) {
  return {
    async start(accountKey: string): Promise<void> {
      const attempt = await throttle.reserveLoginAttempt(db, accountKey, policy);
      if (!attempt.isAllowed) {
        throw rateLimited(
          `${LOCKED_MESSAGE} — try again in ${minutes(attempt.retryAfterMs)}, or reset your password`,
          attempt.retryAfterMs,
        );
      }
    },
    async failed(accountKey: string): Promise<void> {
      await throttle.lockIfExhausted(db, accountKey, policy);
    },
    async succeeded(accountKey: string): Promise<void> {
      await throttle.clearLoginFailures(db, accountKey);
    },
  };
}

/** The key a login's failures are counted under: the account when it exists, else the name that was typed. */
export function loginAccountKey(user: { id: number } | undefined, identifier: string): string {
  return throttleKey('login', user ? `user:${user.id}` : `name:${identifier}`);
}

/**
 * A store for @fastify/rate-limit on the same table: per-IP limits are shared by every process too. The plugin
 * builds one instance, then a child per route; each route counts apart.
 */
export function createRateLimitStore(db: DB): FastifyRateLimitStoreCtor {
  class DatabaseRateLimitStore implements FastifyRateLimitStore {
    private readonly scope: string;

    // The plugin passes its options, with `routeInfo` (the route) for a route's child store.
    constructor(params: unknown) {
      const route = (params as { routeInfo?: { method?: string | string[]; url?: string } } | undefined)?.routeInfo;
      const method = Array.isArray(route?.method) ? route.method.join(',') : (route?.method ?? '');
      this.scope = `${method} ${route?.url ?? ''}`;
    }

    incr: FastifyRateLimitStore['incr'] = (key, callback, timeWindow) => {
      countHit(db, throttleKey('route', `${this.scope}\n${key}`), timeWindow).then(
        ({ hits, windowEndsAtMs }) => callback(null, { current: hits, ttl: Math.max(0, windowEndsAtMs - Date.now()) }),
        (err: unknown) => callback(err instanceof Error ? err : new Error(String(err)), { current: 0, ttl: 0 }),
      );
    };

    child(params: unknown): FastifyRateLimitStore {
      return new DatabaseRateLimitStore(params);
    }
  }
  return DatabaseRateLimitStore;
}

/** Route config for the per-IP limit on each auth endpoint (the IP as Fastify sees it, see TRUST_PROXY). */
export function perIpAuthLimit(config: Config) {
  return { max: config.security.authRateLimit.max, timeWindow: config.security.authRateLimit.windowMs };
}

/**
 * Route config for a per-account limit on an authenticated route: it runs after the route's auth guard
 * (preHandler), so the key is the user, not the IP.
 */
export function perAccountLimit(policy: { max: number; windowMs: number }) {
  return {
    max: policy.max,
    timeWindow: policy.windowMs,
    hook: 'preHandler' as const,
    keyGenerator: (request: FastifyRequest) => `user:${request.userId}`,
  };
}
