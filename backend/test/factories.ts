import { hash } from '@node-rs/argon2';
import type { DB } from '../src/db/database';
import { insertUser, markUserVerified } from '../src/modules/auth/users.repository';
import { signAccessToken } from '../src/modules/auth/tokens';
import type { Config } from '../src/config';

let counter = 0;

/** A user straight in the database, verified unless told otherwise, with a valid access token. */
export async function createUser(
  ctx: { db: DB; config: Config },
  overrides: { username?: string; email?: string; password?: string; isVerified?: boolean; freeTrialRemaining?: number; paidCredits?: number } = {},
): Promise<{ id: number; username: string; email: string; password: string; token: string }> {
  counter += 1;
  const username = overrides.username ?? `user_${process.pid}_${counter}`;
  const email = overrides.email ?? `${username}@example.com`;
  const password = overrides.password ?? 'correct-horse-battery';
  const user = await insertUser(ctx.db, {
    username,
    email,
    passwordHash: await hash(password),
    freeTrialCredits: overrides.freeTrialRemaining ?? ctx.config.freeTrialCredits,
  });
  if (overrides.isVerified ?? true) {
    await markUserVerified(ctx.db, user.id);
  }
  if (overrides.paidCredits) {
    await ctx.db.updateTable('users').set({ paid_credits: overrides.paidCredits }).where('id', '=', user.id).execute();
  }
  return { id: user.id, username, email, password, token: await signAccessToken(ctx.config.jwt, user.id, user.token_version) };
}

