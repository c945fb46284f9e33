import { sql, type ExpressionBuilder, type Kysely, type Transaction } from 'kysely';
import { toNumber } from '../../db/database';
import type { Database } from '../../db/types';

type Executor = Kysely<Database> | Transaction<Database>;

// Timestamps are ISO strings of one fixed format, so `<=` on them is a comparison of instants on both dialects.
const iso = (ms: number) => new Date(ms).toISOString();

function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string; message?: string };
  return e?.code === 'ER_DUP_ENTRY' || e?.code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || /UNIQUE constraint/.test(e?.message ?? '');
}

/**
 * Counts one hit in `key`'s fixed window (a new window starts when the old one is over) and returns the count
 * so far. One UPDATE does the work, so concurrent requests from several processes never lose a hit.
 */
export async function countHit(
  db: Executor,
  key: string,
  windowMs: number,
  nowMs = Date.now(),
): Promise<{ hits: number; windowEndsAtMs: number }> {
  const now = iso(nowMs);
  const nextWindowEnd = iso(nowMs + windowMs);
  const result = await db
    .updateTable('rate_limit_counters')
    // MySQL evaluates SET left to right with the new values: `hits` must come first, while
    // `window_ends_at` still holds the old window end that both CASEs test.
    .set({
      hits: sql<number>`case when window_ends_at <= ${now} then 1 else hits + 1 end`,
      window_ends_at: sql<string>`case when window_ends_at <= ${now} then ${nextWindowEnd} else window_ends_at end`,
    })
    .where('counter_key', '=', key)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) === 0) {
    try {
      await db.insertInto('rate_limit_counters').values({ counter_key: key, hits: 1, window_ends_at: nextWindowEnd }).execute();
      return { hits: 1, windowEndsAtMs: nowMs + windowMs };
    } catch (err) {
      if (!isUniqueViolation(err)) {
        throw err;
      }
      // Another process created the row between our UPDATE and INSERT: count on it.
      return countHit(db, key, windowMs, nowMs);
    }
  }
  const row = await db
    .selectFrom('rate_limit_counters')
    .select(['hits', 'window_ends_at'])
    .where('counter_key', '=', key)
    .executeTakeFirstOrThrow();
  return { hits: toNumber(row.hits), windowEndsAtMs: Date.parse(row.window_ends_at) };
}

export interface LockoutPolicy {
  maxFailures: number;
  failureWindowMs: number;
  lockoutMs: number;
  maxLockoutMs: number;
}

const isUnlocked = (now: string) => (eb: ExpressionBuilder<Database, 'login_lockouts'>) =>
  eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', now)]);

/**
 * Reserves one login attempt for the account: it counts as a failure from now on unless it succeeds. Reserving
 * before the password is checked means 200 parallel guesses get `maxFailures` tries, not 200. Answers when to
 * retry when the account is locked or its attempts are used up.
 */
export async function reserveLoginAttempt(
  db: Executor,
  accountKey: string,
  policy: LockoutPolicy,
  nowMs = Date.now(),
): Promise<{ isAllowed: true } | { isAllowed: false; retryAfterMs: number }> {
  const now = iso(nowMs);
  const nextWindowEnd = iso(nowMs + policy.failureWindowMs);
  // Failures older than the window are forgiven — but never while a lock runs.
  await db
    .updateTable('login_lockouts')
    .set({ failures: 0, window_ends_at: nextWindowEnd })
    .where('account_key', '=', accountKey)
    .where('window_ends_at', '<=', now)
    .where(isUnlocked(now))
    .execute();
  const reserved = await db
    .updateTable('login_lockouts')
    .set({ failures: sql<number>`failures + 1`, updated_at: now })
    .where('account_key', '=', accountKey)
    .where('failures', '<', policy.maxFailures)
    .where(isUnlocked(now))
    .executeTakeFirst();
  if (Number(reserved.numUpdatedRows) > 0) {
    return { isAllowed: true };
  }
  const row = await db
    .selectFrom('login_lockouts')
    .select(['locked_until', 'window_ends_at'])
    .where('account_key', '=', accountKey)
    .executeTakeFirst();
  if (!row) {
    try {
      await db
        .insertInto('login_lockouts')
        .values({ account_key: accountKey, failures: 1, window_ends_at: nextWindowEnd, lockouts: 0, locked_until: null, updated_at: now })
        .execute();
      return { isAllowed: true };
    } catch (err) {
      if (!isUniqueViolation(err)) {
        throw err;
      }
      return reserveLoginAttempt(db, accountKey, policy, nowMs);
    }
  }
  const until = row.locked_until && row.locked_until > now ? row.locked_until : row.window_ends_at;
  return { isAllowed: false, retryAfterMs: Math.max(1000, Date.parse(until) - nowMs) };
}

/**
 * After a failed attempt: once the account has used up its attempts, lock it — for `lockoutMs`, doubling with
 * every lockout since the last successful login, up to `maxLockoutMs`. Returns the lock's length when this call
 * set one.
 */
export async function lockIfExhausted(
  db: Executor,
  accountKey: string,
  policy: LockoutPolicy,
  nowMs = Date.now(),
): Promise<number | undefined> {
  const row = await db
    .selectFrom('login_lockouts')
    .select(['failures', 'lockouts'])
    .where('account_key', '=', accountKey)
    .executeTakeFirst();
  if (!row || toNumber(row.failures) < policy.maxFailures) {
    return undefined;
  }
  const lockouts = toNumber(row.lockouts);
  const lockMs = Math.min(policy.lockoutMs * 2 ** Math.min(lockouts, 30), policy.maxLockoutMs);
  const result = await db
    .updateTable('login_lockouts')
    .set({
      failures: 0,
      lockouts: lockouts + 1,
      locked_until: iso(nowMs + lockMs),
      window_ends_at: iso(nowMs + lockMs + policy.failureWindowMs),
      updated_at: iso(nowMs),
    })
    .where('account_key', '=', accountKey)
    // Several processes may see the same exhausted row; exactly one of them sets the lock.
    .where('failures', '>=', policy.maxFailures)
    .where('lockouts', '=', lockouts)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0 ? lockMs : undefined;
}

/** A successful login (or a password reset) wipes the account's failures, lock and lockout history. */
export async function clearLoginFailures(db: Executor, accountKey: string): Promise<void> {
  await db.deleteFrom('login_lockouts').where('account_key', '=', accountKey).execute();
}

/**
 * Drops counters whose window is over and lockout rows quiet for a day (no lock running), so the tables hold
 * only live state; a day without failures also forgets an account's lockout history.
 */
export async function pruneThrottleState(db: Executor, nowMs = Date.now()): Promise<void> {
  const now = iso(nowMs);
  await db.deleteFrom('rate_limit_counters').where('window_ends_at', '<=', now).execute();
  await db
    .deleteFrom('login_lockouts')
    .where('updated_at', '<=', iso(nowMs - 24 * 3600 * 1000))
    .where(isUnlocked(now))
    .execute();
}
