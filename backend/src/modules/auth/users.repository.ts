import { nowIso, toNumber } from '../../db/database';
import type { UserRow } from '../../db/types';
import { notFound } from '../../errors';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/types';

type Executor = Kysely<Database> | Transaction<Database>;

function normalise(row: UserRow): UserRow {
  return {
    ...row,
    is_verified: toNumber(row.is_verified),
    free_trial_remaining: toNumber(row.free_trial_remaining),
    paid_credits: toNumber(row.paid_credits),
    tokens_used: toNumber(row.tokens_used),
    cost_usd: toNumber(row.cost_usd),
    token_version: toNumber(row.token_version),
  };
}

export async function findUserById(db: Executor, userId: number): Promise<UserRow | undefined> {
  const row = await db.selectFrom('users').selectAll().where('id', '=', userId).executeTakeFirst();
  return row && normalise(row);
}

export async function getUserById(db: Executor, userId: number): Promise<UserRow> {
  const user = await findUserById(db, userId);
  if (!user) {
    throw notFound('User');
  }
  return user;
}

export async function findUserByEmail(db: Executor, email: string): Promise<UserRow | undefined> {
  const row = await db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
  return row && normalise(row);
}

export async function findUserByUsername(db: Executor, username: string): Promise<UserRow | undefined> {
  const row = await db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
  return row && normalise(row);
}

export async function insertUser(
  db: Executor,
  values: { username: string; email: string; passwordHash: string; freeTrialCredits: number },
): Promise<UserRow> {
  const now = nowIso();
  const result = await db
    .insertInto('users')
    .values({
      username: values.username,
      email: values.email,
      password_hash: values.passwordHash,
      is_verified: 0,
      free_trial_remaining: values.freeTrialCredits,
      paid_credits: 0,
      tokens_used: 0,
      cost_usd: 0,
      created_at: now,
      updated_at: now,
    })
    .executeTakeFirstOrThrow();
  return getUserById(db, Number(result.insertId));
}

/** Test set-up and admin use: marks the account verified without a link. */
export async function markUserVerified(db: Executor, userId: number): Promise<void> {
  await db
    .updateTable('users')
    .set({ is_verified: 1, email_verification_nonce: null, updated_at: nowIso() })
    .where('id', '=', userId)
    .execute();
}

/** The nonce of the one live verification link; a new link replaces it, so older links stop working. */
export async function setEmailVerificationNonce(db: Executor, userId: number, nonce: string): Promise<void> {
  await db
    .updateTable('users')
    .set({ email_verification_nonce: nonce, updated_at: nowIso() })
    .where('id', '=', userId)
    .execute();
}

/**
 * Verifies the account if `nonce` is its live link's, and clears the nonce: the guarded UPDATE makes a link
 * work once, even when two clicks race. False when the link was used or replaced.
 */
export async function consumeEmailVerification(db: Executor, userId: number, nonce: string): Promise<boolean> {
  const result = await db
    .updateTable('users')
    .set({ is_verified: 1, email_verification_nonce: null, updated_at: nowIso() })
    .where('id', '=', userId)
    .where('email_verification_nonce', '=', nonce)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** A new password also bumps the token version: every access token issued before stops working. */
export async function changePassword(db: Executor, userId: number, passwordHash: string): Promise<void> {
  await db
    .updateTable('users')
    .set((eb) => ({
      password_hash: passwordHash,
      token_version: eb('token_version', '+', 1),
      updated_at: nowIso(),
    }))
    .where('id', '=', userId)
    .execute();
}

/** Marks every unused reset token of the user as used: at most one link is ever live. */
async function retirePasswordResetTokens(db: Executor, userId: number): Promise<void> {
  await db
    .updateTable('password_reset_tokens')
    .set({ used_at: nowIso() })
    .where('user_id', '=', userId)
    .where('used_at', 'is', null)
    .execute();
}

/** Issues the account's one live reset token; every earlier link stops working. Call inside a transaction. */
export async function replacePasswordResetToken(
  db: Executor,
  values: { userId: number; tokenHash: string; expiresAt: string },
): Promise<void> {
  await retirePasswordResetTokens(db, values.userId);
  await db
    .insertInto('password_reset_tokens')
    .values({
      user_id: values.userId,
      token_hash: values.tokenHash,
      expires_at: values.expiresAt,
      used_at: null,
      created_at: nowIso(),
    })
    .execute();
}

/**
 * Marks an unused, unexpired reset token as used and returns its user id — or undefined. Only the user's newest
 * token counts (two requests racing could each have inserted one), and using it retires all the others.
 * The guarded UPDATE makes a token single-use even when two resets race. Call inside a transaction.
 */
export async function consumePasswordResetToken(db: Executor, tokenHash: string): Promise<number | undefined> {
  const now = nowIso();
  const row = await db
    .selectFrom('password_reset_tokens')
    .select(['id', 'user_id'])
    .where('token_hash', '=', tokenHash)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirst();
  if (!row) {
    return undefined;
  }
  const newest = await db
    .selectFrom('password_reset_tokens')
    .select((eb) => eb.fn.max('id').as('id'))
    .where('user_id', '=', row.user_id)
    .executeTakeFirst();
  if (toNumber(newest?.id) !== toNumber(row.id)) {
    return undefined;
  }
  const result = await db
    .updateTable('password_reset_tokens')
    .set({ used_at: now })
    .where('id', '=', row.id)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) {
    return undefined;
  }
  await retirePasswordResetTokens(db, row.user_id);
  return toNumber(row.user_id);
}
